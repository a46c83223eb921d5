package dev.tangent.drdm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * import drdm loads no DJL class; building a network does. A fresh JVM with -verbose:class runs a
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

  static boolean loadedDjl(String verbose) {
    return verbose.lines().anyMatch(l -> l.contains(" ai.djl."));
  }

  @Test void importingDrdmAndReadingItsHelpDoesNotLoadDjl(@TempDir Path dir) throws Exception {
    String out = classesLoaded(dir, "import drdm\nlet f = drdm.network\nhelp(drdm)\nhelp(drdm.load_network)\n"
        + "print(drdm.RecResACNet, 1 + 2)\n");
    assertTrue(out.contains("dev.tangent.drdm.NetworkExports "), "the exports were defined");
    assertTrue(out.contains("RecResACNet 3"), "the script ran");
    assertFalse(loadedDjl(out), out.lines().filter(l -> l.contains("ai.djl")).limit(5).toList().toString());
  }

  @Test void buildingANetworkStartsTheEngineOffline(@TempDir Path dir) throws Exception {
    String out = classesLoaded(dir, "import drdm\nprint(drdm.network(2).n_params)\n");
    assertTrue(loadedDjl(out));
    assertTrue(out.contains("435435"), out.lines().filter(l -> !l.startsWith("[")).toList().toString());
    assertTrue(out.lines().noneMatch(l -> l.contains("Downloading")));
  }
}
