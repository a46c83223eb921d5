package dev.tangent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark loads only when a session starts: a fresh JVM started with -verbose:class runs a script,
 * and the test reads which classes it loaded. Start-up, pure-Lie scripts and `import spark` with
 * its help load no org.apache.spark (or Scala) class.
 */
class LazyLoadingTest {
  static String classesLoaded(Path dir, String script) throws Exception {
    Path file = dir.resolve("s.tg");
    Files.writeString(file, script);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-verbose:class", "-cp", System.getProperty("java.class.path"),
        RunScript.class.getName(), file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out.lines().filter(l -> !l.startsWith("[")).toList().toString());
    return out;
  }

  static boolean loadedSpark(String verbose) {
    return verbose.lines().anyMatch(l -> l.contains(" org.apache.spark.") || l.contains(" scala."));
  }

  @Test void startUpAndPureLieScriptsNeverLoadSpark(@TempDir Path dir) throws Exception {
    String out = classesLoaded(dir, "import lie\nprint(SE3.exp([0.1, 0, 0, 0, 0, 0.2]).log().coeffs().tolist()[0])\n");
    assertTrue(out.contains("0.1"), out.lines().filter(l -> !l.startsWith("[")).toList().toString());
    assertFalse(loadedSpark(out));
    assertFalse(out.contains("dev.tangent.spark.SparkExports "), "spark is not even defined");
  }

  @Test void importingSparkAndReadingItsHelpLoadsNoSparkClass(@TempDir Path dir) throws Exception {
    String out = classesLoaded(dir, "import spark\nhelp(spark)\nhelp(spark.session)\nprint(spark.Distributed, spark.Session, 1 + 2)\n");
    assertTrue(out.contains("dev.tangent.spark.SparkExports "), "the module was defined");
    assertTrue(out.contains("Distributed Session 3"), "the script ran");
    assertFalse(loadedSpark(out), out.lines().filter(l -> l.contains("org.apache.spark") || l.contains(" scala.")).limit(5).toList().toString());
  }
}
