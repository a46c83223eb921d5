package dev.tangent.spark.driver;

/**
 * Spark logs through Log4j 2, which by default prints INFO lines by the hundred. Unless the user
 * configured Log4j themselves (log4j2.configurationFile), Tangent's own configuration is installed
 * before Spark's first class loads: errors only, on standard error.
 */
final class QuietLogging {
  private QuietLogging() {}

  static final String RESOURCE = "/dev/tangent/spark/log4j2-quiet.properties";

  static synchronized void install() {
    // Spark brings Log4j's SLF4J provider and other modules may bring slf4j-nop: naming the one to
    // use spares the user SLF4J's five-line warning about finding two.
    // (SLF4J then notes the choice on stderr, unless its own verbosity is lowered.)
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", "org.apache.logging.slf4j.SLF4JServiceProvider");
      if (System.getProperty("slf4j.internal.verbosity") == null) System.setProperty("slf4j.internal.verbosity", "WARN");
    }
    if (System.getProperty("log4j2.configurationFile") != null || System.getProperty("log4j.configurationFile") != null) return;
    java.net.URL url = QuietLogging.class.getResource(RESOURCE);
    if (url != null) System.setProperty("log4j2.configurationFile", url.toString());
  }
}
