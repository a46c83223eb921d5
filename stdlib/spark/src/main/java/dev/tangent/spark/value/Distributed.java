package dev.tangent.spark.value;

import dev.tangent.spi.Callable;
import java.util.List;

/**
 * A distributed collection: a Spark RDD whose elements are Tangent values, with what it takes to
 * run actions on it (its session, the user functions of its lineage, which position errors that
 * come back from tasks, and the modules its values may need). Transformations make new ones
 * lazily; actions (collect, count, reduce...) run jobs. Spark types are held as Objects so that
 * this class names none.
 */
public final class Distributed {
  /** The session's dev.tangent.spark.driver.SessionHandle. */
  public final Object session;
  /** An org.apache.spark.api.java.JavaRDD of Tangent values. */
  public final Object rdd;
  public final List<Callable> functions;
  public final List<String> modules;
  /** How it was made, for display: "map of range(0, 100)". */
  public final String origin;

  public Distributed(Object session, Object rdd, List<Callable> functions, List<String> modules, String origin) {
    this.session = session;
    this.rdd = rdd;
    this.functions = functions;
    this.modules = modules;
    this.origin = origin;
  }

  @Override public String toString() { return "<distributed " + origin + ">"; }
}
