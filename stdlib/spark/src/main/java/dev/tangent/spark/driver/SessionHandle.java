package dev.tangent.spark.driver;

import dev.tangent.spi.Context;
import dev.tangent.spi.Display;
import dev.tangent.spi.TMap;
import dev.tangent.spi.TangentError;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A running Spark application: the SparkContext of one interpreter. Spark allows one per JVM, so
 * a second interpreter that asks for a session while another's runs gets an error that says so.
 */
public final class SessionHandle {
  private static volatile SessionHandle active;

  public final JavaSparkContext sc;
  public final String master;
  public final String app;
  final Context owner;

  private SessionHandle(JavaSparkContext sc, String master, String app, Context owner) {
    this.sc = sc;
    this.master = master;
    this.app = app;
    this.owner = owner;
  }

  /** The interpreter's running session for this master, a new one, or an error if one runs elsewhere. */
  public static synchronized SessionHandle start(Context ctx, String master, String app, TMap conf) {
    SessionHandle s = active;
    if (s != null && !s.stopped()) {
      if (s.owner != ctx) {
        throw TangentError.runtime("another interpreter in this JVM has a Spark session running (" + s.master + ")")
            .withHint("Spark allows one session per JVM: stop the other one first");
      }
      if (!s.master.equals(master)) {
        throw TangentError.runtime("this interpreter already has a Spark session on " + s.master
            + "; stop it (s.stop()) before starting one on " + master);
      }
      return s;
    }
    if (master.startsWith("spark://")) checkMasterAnswers(master);
    QuietLogging.install();   // before Spark's first class logs anything
    SparkConf sc = configure(master, app, conf);
    JavaSparkContext jsc;
    try {
      jsc = new JavaSparkContext(sc);
    } catch (IllegalAccessError | RuntimeException e) {
      throw startFailure(master, e);
    }
    jsc.setLogLevel("ERROR");
    s = new SessionHandle(jsc, master, app, ctx);
    active = s;
    return s;
  }

  /** Spark's settings: the user's conf over quiet, local-friendly defaults. */
  static SparkConf configure(String master, String app, TMap conf) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spark.ui.enabled", "false");
    settings.put("spark.ui.showConsoleProgress", "false");
    if (master.startsWith("local")) {
      // Loopback only: no host-name lookups, no warnings about them, nothing listening outside.
      settings.put("spark.driver.host", "127.0.0.1");
      settings.put("spark.driver.bindAddress", "127.0.0.1");
    }
    for (Map.Entry<Object, Object> e : conf.entries.entrySet()) {
      if (!(e.getKey() instanceof String k)) {
        throw TangentError.runtime("spark.session(): conf keys are Spark setting names (strings), got " + Display.repr(e.getKey()));
      }
      Object v = e.getValue();
      settings.put(k, v instanceof Double d ? Display.number(d) : String.valueOf(v));
    }
    SparkConf sc = new SparkConf(false).setMaster(master).setAppName(app);
    settings.forEach(sc::set);
    return sc;
  }

  private static TangentError startFailure(String master, Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String text = String.valueOf(root.getMessage());
    if (root instanceof IllegalAccessError || root.getClass().getName().endsWith("InaccessibleObjectException")
        || text.contains("does not \"opens") || text.contains("module java.base does not export")) {
      return TangentError.runtime("Spark cannot start in this JVM: it needs access to JDK internals")
          .withHint("start Java with Spark's --add-opens options (./tangent adds them; docs/spark.md lists them for embedding)");
    }
    return TangentError.runtime("Spark could not start a session on " + master + ": " + firstLine(text))
        .withHint(master.startsWith("spark://") ? "is a Spark master running there? (docs/spark.md, 'A cluster')" : null);
  }

  /**
   * A standalone master that does not answer would let Spark retry for a minute and then stop the
   * session under the script; a TCP connect to each master of the URL (spark://h1:7077,h2:7077)
   * says so at once.
   */
  static void checkMasterAnswers(String master) {
    String list = master.substring("spark://".length());
    for (String hostPort : list.split(",")) {
      int colon = hostPort.lastIndexOf(':');
      String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      int port;
      try {
        port = colon < 0 ? 7077 : Integer.parseInt(hostPort.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw TangentError.runtime("spark.session(): '" + hostPort + "' in " + master + " is not host:port");
      }
      try (java.net.Socket socket = new java.net.Socket()) {
        socket.connect(new java.net.InetSocketAddress(host, port), 5000);
        return;
      } catch (java.io.IOException | IllegalArgumentException e) {
        // try the next master of the list
      }
    }
    throw TangentError.runtime("no Spark master answers at " + master)
        .withHint("is a Spark master running there? (docs/spark.md, 'A cluster')");
  }

  static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  public boolean stopped() { return sc.sc().isStopped(); }

  public void stop() {
    synchronized (SessionHandle.class) {
      sc.stop();
      if (active == this) active = null;
    }
  }

  /** The session of this interpreter, or an error for a stopped one. */
  public JavaSparkContext live() {
    if (stopped()) throw TangentError.runtime("the Spark session on " + master + " was stopped");
    return sc;
  }

  public int parallelism() { return sc.defaultParallelism(); }
}
