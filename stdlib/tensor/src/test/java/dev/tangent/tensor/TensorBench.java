package dev.tangent.tensor;

import dev.tangent.api.Script;
import dev.tangent.api.Tangent;
import java.io.StringWriter;
import java.util.Arrays;

/**
 * The Java side of bench/tensor_vs_numpy.sh: the same three workloads as bench/tensor_numpy.py,
 * written as Tangent scripts, timed as the median of several runs after warm-up. Prints
 * "name seconds" lines. The chain ends in [0] because large elementwise results are fused and
 * computed on first read: indexing forces the whole result, as numpy computes it. Scripts run
 * with runRaw(), which returns the Tangent value as it is (run() would also convert a result
 * tensor into Java arrays, which numpy's side does not do).
 */
public final class TensorBench {
  private TensorBench() {}

  static double median(Tangent t, String code, int warmup, int runs) {
    Script s = t.compile(code);
    for (int i = 0; i < warmup; i++) s.runRaw();
    double[] times = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      s.runRaw();
      times[i] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(times);
    return times[runs / 2];
  }

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    Tangent t = Tangent.builder().output(new StringWriter()).build();
    t.evalRaw("let A = rand(2048, 2048, seed: 1, dtype: \"f32\")\nlet B = rand(2048, 2048, seed: 2, dtype: \"f32\")\n"
        + "let G = randn(1024, 1024, seed: 3)\nlet S = G + G.T\n"
        + "let x = rand(10000000, seed: 4, dtype: \"f32\")");
    System.out.println("devices " + t.evalRaw("A.device") + " " + t.evalRaw("S.device") + " " + t.evalRaw("x.device"));
    System.out.printf("matmul_f32_2048 %.4f%n", median(t, "A @ B", 5, runs));
    System.out.printf("eigh_f64_1024 %.4f%n", median(t, "eigh(S)", 5, runs));
    System.out.printf("chain_f32_10M %.4f%n", median(t, "(exp(x) * 2 + sin(x))[0]", 5, runs));
  }
}
