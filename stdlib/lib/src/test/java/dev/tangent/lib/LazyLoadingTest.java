package dev.tangent.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `import lib` loads neither DJL nor ND4J nor OpenBLAS nor Spark (lib.build's session: path): a fresh JVM with -verbose:class runs a
 * script and the test reads which classes it loaded.
 */
class LazyLoadingTest {
  static String classesLoaded(Path dir, String script) throws Exception {
    Path file = dir.resolve("s.tg");
    Files.writeString(file, script);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-verbose:class", "-cp", System.getProperty("java.class.path"), RunScript.class.getName(), file.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out.lines().filter(l -> !l.startsWith("[")).toList().toString());
    return out;
  }

  static List<String> heavy(String verbose) {
    return verbose.lines().filter(l -> l.contains(" ai.djl.") || l.contains(" org.nd4j.") || l.contains(" org.bytedeco.") || l.contains(" org.apache.spark.") || l.contains(" dev.tangent.lib.cluster.")).limit(5).toList();
  }

  @Test void importingLibAndReadingItsHelpLoadsNoBackEnd(@TempDir Path dir) throws Exception {
    String out = classesLoaded(dir, "import lib\nhelp(lib)\nhelp(lib.build)\nprint(doc(lib.compare) != nil, lib.LibResult)\n"
        + "let (x, y) = lib.modadd_pairs(7)\nprint(x.shape, y[10], lib.random_split(10, [0.3, 0.7], seed: 0)[0])\n");
    assertTrue(out.contains("dev.tangent.lib.LibExports "), "the module itself was defined");
    assertTrue(out.contains("true LibResult"), out.lines().filter(l -> !l.startsWith("[")).toList().toString());
    assertTrue(out.contains("(49, 3) 4 tensor([4, 1, 7], dtype=i64)"), out.lines().filter(l -> !l.startsWith("[")).toList().toString());
    assertTrue(heavy(out).isEmpty(), heavy(out).toString());
  }

  @Test void aScriptWithoutLibNeverDefinesIt(@TempDir Path dir) throws Exception {
    String out = classesLoaded(dir, "print(1 + 2)\n");
    assertFalse(out.contains("dev.tangent.lib.LibExports "));
  }
}
