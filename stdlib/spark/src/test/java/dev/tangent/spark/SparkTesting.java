package dev.tangent.spark;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import dev.tangent.spi.Permissions;
import dev.tangent.progress.Progress;
import dev.tangent.progress.ProgressPrinter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One interpreter with a local[2] session for the tests of this module (starting Spark costs
 * seconds: the tests share it). Each test runs code in it and reads what it printed.
 */
final class SparkTesting {
  private SparkTesting() {}

  private static Tangent shared;
  private static final StringWriter OUT = new StringWriter();
  /** The progress lines of the shared interpreter's jobs (shown from the start, as plain lines). */
  static final List<String> PROGRESS = new CopyOnWriteArrayList<>();

  static synchronized Tangent tangent() {
    if (shared == null) {
      Progress.install(ProgressPrinter.lines(PROGRESS::add));
      Progress.global().showAfter = Duration.ZERO;
      shared = Tangent.builder().output(OUT).permissions(Permissions.all()).importModule("spark").build();
      shared.eval("var s = spark.session(master: \"local[2]\", app: \"tangent-tests\")");
    }
    return shared;
  }

  /** A new session for the shared interpreter (after a test stopped it). */
  static synchronized void restart() {
    tangent().eval("s = spark.session(master: \"local[2]\", app: \"tangent-tests\")");
  }

  /** Runs code; returns what it printed (trimmed). */
  static synchronized String run(String code) {
    Tangent t = tangent();
    OUT.getBuffer().setLength(0);
    t.eval(code);
    return OUT.toString().trim();
  }

  /** Runs code that must fail; returns the formatted error. */
  static synchronized String error(String code) {
    Tangent t = tangent();
    try {
      t.eval(code);
    } catch (TangentException e) {
      return e.format();
    }
    throw new AssertionError("no error from: " + code);
  }
}
