package dev.tangent.tensor.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.tensor.LazyProbe;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With nothing set (no OPENBLAS_CORETYPE, no JVM flag), a script doing large matmul, eigh and
 * elementwise math prints nothing on stderr (no OpenBLAS "Core not found", no incubator-module
 * warning) and OpenBLAS runs the kernel set the feature table chose for this CPU.
 */
class DefaultRunIsQuietTest {
  static String[] run(String script, String kernelsProperty) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    ProcessBuilder pb = kernelsProperty == null
        ? new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LazyProbe.class.getName(), script)
        : new ProcessBuilder(java, "-Dtangent.blas.kernels=" + kernelsProperty, "-cp", System.getProperty("java.class.path"),
            LazyProbe.class.getName(), script);
    pb.environment().remove("OPENBLAS_CORETYPE");
    pb.environment().remove("OPENBLAS_VERBOSE");
    File err = File.createTempFile("quiet", ".err");
    err.deleteOnExit();
    Process p = pb.redirectError(err).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "probe JVM did not finish");
    String stderr = Files.readString(err.toPath());
    assertEquals(0, p.exitValue(), out + stderr);
    return new String[] {out, stderr};
  }

  static final String WORK = "let A = rand(512, 512, seed: 1, dtype: \"f32\")\nlet C = A @ A\n"
      + "let G = randn(300, 300, seed: 2)\nlet (w, V) = eigh(G + G.T)\nlet x = rand(200000, seed: 3, dtype: \"f32\")\n"
      + "let y = exp(x) * 2 + sin(x)\n";

  @Test void largeTensorWorkPrintsNothingAndRunsTheChosenKernels() throws Exception {
    String[] r = run(WORK + "(C.device, y.device, tensor_info(start: true))", null);
    assertEquals("", r[1], "nothing on stderr");
    String expected = KernelSets.choose(CpuInfo.current()).core();
    if (expected != null) assertTrue(r[0].contains(": " + expected + " kernels (the CPU has"), r[0]);
    assertTrue(r[0].contains("RESULT (\"cpu\", \"cpu\""), r[0]);
  }

  @Test void aMistypedKernelSetIsReportedInTensorInfoNotOnStderr() throws Exception {
    String[] r = run(WORK + "tensor_info(start: true)", "haswel");
    assertEquals("", r[1], "nothing on stderr");
    assertTrue(r[0].contains("haswel is not a kernel set"), r[0]);
  }
}
