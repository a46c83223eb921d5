package dev.tangent.tensor;

import dev.tangent.api.Script;
import dev.tangent.api.Tangent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The Java side of bench/tensor/tensor_vs_numpy.sh: the same workloads as
 * bench/tensor/numpy_side.py, written as Tangent scripts, served one call at a time to
 * bench/lib/interleave.py (it prints '#' lines and 'ready', then answers each workload name with
 * the seconds one run took). The chain ends in [0] because large elementwise results are fused
 * and computed on first read: indexing forces the whole result, as numpy computes it. Scripts run
 * with runRaw(), which returns the Tangent value as it is (run() would also convert a result
 * tensor into Java arrays, which numpy's side does not do).
 */
public final class TensorBench {
  private TensorBench() {}

  public static void main(String[] args) throws Exception {
    Tangent t = Tangent.builder().output(new StringWriter()).build();
    t.evalRaw("let A = rand(2048, 2048, seed: 1, dtype: \"f32\")\nlet B = rand(2048, 2048, seed: 2, dtype: \"f32\")\n"
        + "let G = randn(1024, 1024, seed: 3)\nlet S = G + G.T\n"
        + "let x = rand(10000000, seed: 4, dtype: \"f32\")");
    Map<String, Script> workloads = Map.of(
        "matmul_f32_2048", t.compile("A @ B"),
        "eigh_f64_1024", t.compile("eigh(S)"),
        "chain_f32_10M", t.compile("(exp(x) * 2 + sin(x))[0]"));
    System.out.println("# " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
        + ", devices " + t.evalRaw("A.device") + " " + t.evalRaw("S.device") + " " + t.evalRaw("x.device"));
    for (String line : String.valueOf(t.evalRaw("tensor_info()")).split("\n")) System.out.println("# " + line);
    // BENCH_CLOCK=thread: the calling thread's CPU time (meaningful with one BLAS thread, whatever
    // the machine's load); otherwise wall time.
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    boolean threadClock = "thread".equals(System.getenv("BENCH_CLOCK"));
    LongSupplier clock = threadClock ? mx::getCurrentThreadCpuTime : System::nanoTime;
    System.out.println("# clock: " + (threadClock ? "thread CPU time" : "wall time"));
    System.out.println("ready");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String name; (name = in.readLine()) != null; ) {
      Script s = workloads.get(name.strip());
      if (s == null) {
        System.out.println("error: no workload '" + name.strip() + "'");
      } else {
        long t0 = clock.getAsLong();
        s.runRaw();
        System.out.printf("%.6f%n", (clock.getAsLong() - t0) / 1e9);
      }
      System.out.flush();
    }
  }
}
