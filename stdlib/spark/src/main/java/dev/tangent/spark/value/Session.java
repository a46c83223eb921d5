package dev.tangent.spark.value;

/**
 * spark.session(...) as a value: a handle on the interpreter's Spark application. The Spark side
 * lives in {@code driver.SessionHandle}, held here as an Object so that this class (loaded when the
 * module is defined) names no Spark type.
 */
public final class Session {
  /** A dev.tangent.spark.driver.SessionHandle. */
  public final Object handle;
  private final String text;

  public Session(Object handle, String master, String app) {
    this.handle = handle;
    this.text = "<spark session " + master + ", app \"" + app + "\">";
  }

  @Override public String toString() { return text; }
}
