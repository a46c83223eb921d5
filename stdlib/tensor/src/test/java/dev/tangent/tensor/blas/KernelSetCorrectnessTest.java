package dev.tangent.tensor.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kernel set the table can choose computes right on this machine, if the machine can run
 * it: gemm, dsyevd and dgesdd against plain Java arithmetic, each in a fresh JVM with
 * OPENBLAS_CORETYPE set (OpenBLAS reads it once, when it loads). This is the check that OpenBLAS
 * 0.3.19 (ND4J's own) fails: its SkylakeX and Cooperlake kernels give eigenvectors off by 30-60
 * (of a matrix whose entries are about 1) from n = 100 up; see docs/benchmarks.md.
 */
class KernelSetCorrectnessTest {
  static boolean runs(String core, CpuInfo cpu) {
    switch (core) {
      case "Cooperlake": return cpu.has("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl", "avx512_bf16");
      case "SkylakeX": return cpu.has("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");
      case "Zen": case "Haswell": return cpu.has("avx2", "fma");
      case "Sandybridge": return cpu.has("avx");
      case "Nehalem": return cpu.has("sse4_2");
      default: return false;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Cooperlake", "SkylakeX", "Zen", "Haswell", "Sandybridge", "Nehalem"})
  void kernelSetComputesRight(String core) throws Exception {
    assumeTrue(runs(core, CpuInfo.current()), "this CPU cannot run " + core + " kernels");
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KernelProbe.class.getName());
    pb.environment().put("OPENBLAS_CORETYPE", core);
    pb.environment().put("OPENBLAS_NUM_THREADS", "2");
    pb.environment().remove("OPENBLAS_VERBOSE");
    File err = File.createTempFile("kernel-probe", ".err");
    err.deleteOnExit();
    Process p = pb.redirectError(err).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe JVM did not finish");
    String stderr = Files.readString(err.toPath());
    assertEquals(0, p.exitValue(), out + stderr);
    List<String> lines = out.lines().toList();
    assertEquals("core " + core, lines.get(lines.size() - 1), "OpenBLAS runs the kernels asked for");
    assertEquals(List.of("ok dgemm", "ok sgemm", "ok dsyevd", "ok dgesdd"), lines.subList(0, lines.size() - 1));
    assertEquals("", stderr, "OpenBLAS printed nothing");
  }
}
