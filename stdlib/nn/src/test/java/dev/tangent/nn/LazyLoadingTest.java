package dev.tangent.nn;

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
 * DJL loads only when an nn built-in runs: a fresh JVM started with -verbose:class runs a script,
 * and the test reads which classes it loaded.
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

  @Test void importingNnAndReadingItsHelpDoesNotLoadDjl(@TempDir Path dir) throws Exception {
    String out = classesLoaded(dir, "import nn\nlet f = nn.linear\nhelp(nn)\nhelp(nn.train)\nprint(doc(nn.load_transformer) != nil)\n"
        + "print(nn.Block, 1 + 2)\n");
    assertTrue(out.contains("dev.tangent.nn.NnExports "), "the module itself was defined");
    assertTrue(out.contains("Block 3"), "the script ran");
    assertFalse(loadedDjl(out), out.lines().filter(l -> l.contains("ai.djl")).limit(5).toList().toString());
  }

  @Test void aScriptWithoutNnNeverLoadsIt(@TempDir Path dir) throws Exception {
    String out = classesLoaded(dir, "print(1 + 2)\n");
    assertFalse(loadedDjl(out));
    assertFalse(out.contains("dev.tangent.nn.NnExports "), "nn is not even defined (ServiceLoader only constructs NnModule)");
  }

  @Test void runningAnNnBuiltInStartsTheEngineOffline(@TempDir Path dir) throws Exception {
    String out = classesLoaded(dir, "import nn\nprint(nn.linear(2, 3)(tensor([[1, 2]])).shape)\n");
    assertTrue(loadedDjl(out));
    assertTrue(out.contains("(1, 3)"), out.lines().filter(l -> !l.startsWith("[")).toList().toString());
    List<String> downloads = out.lines().filter(l -> l.contains("Downloading")).toList();
    assertTrue(downloads.isEmpty(), downloads.toString());
  }
}
