package dev.tangent.tensor;

/**
 * ND4J logs through SLF4J, which prints "Class path contains multiple SLF4J providers" on stderr
 * when the class path has more than one: the launcher's has slf4j-nop and, with the spark module,
 * Log4j's provider. Before ND4J first logs, this names the provider (slf4j-nop, which the launcher
 * chose for quiet runs) and keeps SLF4J's own notices below warnings, unless the host or the user
 * chose either (a system property set before, e.g. by spark's QuietLogging, wins).
 */
final class QuietSlf4j {
  private QuietSlf4j() {}

  static final String NOP = "org.slf4j.nop.NOPServiceProvider";
  private static boolean done;

  static synchronized void beforeLoad() {
    if (done) return;
    done = true;
    if (System.getProperty("slf4j.provider") != null || !present(NOP)) return;
    System.setProperty("slf4j.provider", NOP);
    if (System.getProperty("slf4j.internal.verbosity") == null) System.setProperty("slf4j.internal.verbosity", "WARN");
  }

  private static boolean present(String name) {
    try {
      Class.forName(name, false, QuietSlf4j.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
