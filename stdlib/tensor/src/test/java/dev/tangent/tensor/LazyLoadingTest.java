package dev.tangent.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * ND4J and OpenBLAS load only when a script needs them: a fresh JVM with -verbose:class and
 * tangent-tensor on the class path runs the script, and we read which classes it loaded.
 */
class LazyLoadingTest {
  record Run(String result, List<String> loaded) {}

  static Run run(String script) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process p = new ProcessBuilder(java, "-verbose:class", "-cp", System.getProperty("java.class.path"),
        LazyProbe.class.getName(), script).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe JVM did not finish");
    assertEquals(0, p.exitValue(), out.length() > 3000 ? out.substring(out.length() - 3000) : out);
    String result = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElse("");
    List<String> loaded = out.lines().filter(l -> l.contains("[class,load]")).collect(Collectors.toList());
    return new Run(result, loaded);
  }

  static List<String> heavy(Run r) {
    return r.loaded().stream().filter(l -> l.contains(" org.nd4j.") || l.contains(" org.bytedeco.") || l.contains(" com.sun.jna."))
        .collect(Collectors.toList());
  }

  @Test void onePlusTwoLoadsNoBackEndAtAll() throws Exception {
    Run r = run("1 + 2");
    assertEquals("RESULT 3", r.result());
    assertEquals(List.of(), heavy(r));
    assertTrue(r.loaded().stream().noneMatch(l -> l.contains(" dev.tangent.tensor.Nd4jBackendProvider")), "the provider class itself is not even loaded");
  }

  @Test void smallTensorWorkStaysOnThePureJavaPath() throws Exception {
    Run r = run("let A = tensor([[2, 1], [1, 3]])\nlet (w, V) = eigh(A)\nlet B = exp(A @ inv(A)) * 2 + sin(A)\n"
        + "let (U, s, Vt) = svd(randn(5, 4, seed: 1))\nA[0, :] = 1\n(B[A > 0].sum() + w.sum() + s.sum()) > 0");
    assertEquals("RESULT true", r.result());
    assertEquals(List.of(), heavy(r));
  }

  @Test void largeTensorsPlacedInJavaLeaveNd4jUnloaded() throws Exception {
    // The shape of examples/lie/se2_localization.lie: noise drawn up front in Java, read a row per step.
    Run r = run("let u = randn(100000, 3, seed: 1, device: \"java\") * tensor([0.1, 0.1, 0.1])\n"
        + "var s = zeros(3)\nfor t in 0..1000 { s = s + u[t] * 2 }\n(u.device, s.device, (u * u).device)");
    assertEquals("RESULT (\"java\", \"java\", \"java\")", r.result());
    assertEquals(List.of(), heavy(r));
  }

  @Test void tensorInfoSaysWhatWouldRunWithoutStartingAnything() throws Exception {
    Run r = run("tensor_info()");
    assertTrue(r.result().contains("not started"), r.result());
    assertEquals(List.of(), heavy(r));
  }

  @Test void aLargeTensorStartsNd4j() throws Exception {
    Run r = run("zeros(1000, 1000).device");
    assertEquals("RESULT \"cpu\"", r.result());
    assertTrue(r.loaded().stream().anyMatch(l -> l.contains(" org.nd4j.linalg.factory.Nd4j ")), "ND4J should load for a large tensor");
  }
}
