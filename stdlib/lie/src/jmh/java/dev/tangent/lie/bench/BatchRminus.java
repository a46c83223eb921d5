package dev.tangent.lie.bench;

import dev.tangent.api.Interpreter;
import dev.tangent.diag.SourceFile;
import dev.tangent.lie.kernel.SE3;
import dev.tangent.spi.Permissions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Y.rminus(X, jac: true) on n SE(3) pairs, run from a Tangent script through the embedding API
 * (what ./tangent run does): the value, both n x 6 x 6 Jacobian tensors, all cores. Reports the
 * first call in a fresh JVM (JIT and heap growth included) and the median of the following calls,
 * in wall time and in process CPU time, beside a single-thread Java loop over the same kernel
 * (the loop manif's benchmark times; manif itself is measured beside ours, interleaved, by
 * bench/lie/se3_vs_manif.sh rminusJac: no reference figure is printed here).
 * <pre>  BatchRminus [N=1000000] [RUNS=7]</pre>
 */
public final class BatchRminus {
  private BatchRminus() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    StringWriter sw = new StringWriter();
    Interpreter in = new Interpreter(new PrintWriter(sw, true), new PrintWriter(sw, true), Permissions.none());
    in.importModule("lie");
    in.run(in.compile(new SourceFile("<setup>", "let X = SE3.random(" + n + ", seed: 1)\nlet Y = SE3.random(" + n + ", seed: 2)\n"
        + "fn once() { let (r, Jy, Jx) = Y.rminus(X, jac: true)\n len(r) }"), false, false));
    Interpreter.Compiled call = in.compile(new SourceFile("<call>", "once()"), false, true);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.os();
    double[] first = timed(() -> in.run(call), os);
    double[][] rest = new double[runs][];
    for (int r = 0; r < runs; r++) rest[r] = timed(() -> in.run(call), os);
    System.out.printf(Locale.ROOT, "Y.rminus(X, jac: true) on %d SE(3) pairs from a script, %d cores (java %s)%n", n,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    System.out.printf(Locale.ROOT, "  first call (fresh JVM): wall %.3f s, process cpu %.3f s%n", first[0], first[1]);
    System.out.printf(Locale.ROOT, "  next %d calls, median:  wall %.3f s, process cpu %.3f s  (%.0f ns per pair, wall)%n", runs,
        median(rest, 0), median(rest, 1), median(rest, 0) / n * 1e9);

    // the same kernel, one thread, preallocated outputs: manif's loop
    SE3 k = SE3.G;
    double[] x = new double[7 * n];
    double[] y = new double[7 * n];
    SplittableRandom rx = new SplittableRandom(1);
    SplittableRandom ry = new SplittableRandom(2);
    for (int i = 0; i < n; i++) k.random(rx, x, 7 * i);
    for (int i = 0; i < n; i++) k.random(ry, y, 7 * i);
    double[] t = new double[6];
    double[] jy = new double[36];
    double[] jx = new double[36];
    double[][] loop = new double[runs][];
    for (int r = 0; r < runs; r++) {
      loop[r] = timed(() -> {
        for (int i = 0; i < n; i++) k.rminus(y, 7 * i, x, 7 * i, t, 0, jy, 0, jx, 0);
      }, os);
    }
    System.out.printf(Locale.ROOT, "  single-thread Java loop (no output arrays), median: wall %.3f s, cpu %.3f s (%.0f ns per pair)%n",
        median(loop, 0), median(loop, 1), median(loop, 1) / n * 1e9);
    if (t[0] == 42.4242) System.out.println(jx[0] + jy[0]);
  }

  static final class ManagementFactory {
    static java.lang.management.OperatingSystemMXBean os() {
      return java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    }
  }

  static double[] timed(Runnable r, com.sun.management.OperatingSystemMXBean os) {
    long w0 = System.nanoTime();
    long c0 = os.getProcessCpuTime();
    r.run();
    long c1 = os.getProcessCpuTime();
    long w1 = System.nanoTime();
    return new double[] {(w1 - w0) / 1e9, (c1 - c0) / 1e9};
  }

  static double median(double[][] xs, int col) {
    double[] v = Arrays.stream(xs).mapToDouble(a -> a[col]).sorted().toArray();
    return v[v.length / 2];
  }
}
