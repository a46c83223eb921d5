package dev.tangent.lie.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The same SE(3) kernel calls as {@link Se3KernelBench}, timed by the thread's CPU time rather than
 * wall time. On a shared machine a busy neighbour stretches wall time (JMH's measure) but not the
 * CPU time of our thread, so this gives stable per-call figures there. Prints the median of 9 runs.
 */
public final class Se3CpuTimer {
  private Se3CpuTimer() {}

  static final int CALLS = 2_000_000;
  static final String[] OPS = {"baseline", "compose", "composeJac", "exp", "expJac", "log", "logJac", "rminusJac", "actJac",
      "rplusJac", "inverseJac"};

  public static void main(String[] args) {
    Se3KernelBench b = new Se3KernelBench();
    b.setUp();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double sink = 0;
    for (String op : args.length > 0 ? args : OPS) {
      IntConsumer call = callOf(b, op);
      for (int w = 0; w < 5; w++) call.accept(CALLS);
      double[] ns = new double[9];
      for (int r = 0; r < ns.length; r++) {
        long t0 = mx.getCurrentThreadCpuTime();
        call.accept(CALLS);
        ns[r] = (mx.getCurrentThreadCpuTime() - t0) / (double) CALLS;
      }
      Arrays.sort(ns);
      sink += b.out[0] + b.ja[3] + b.tau[1];
      System.out.printf("%-11s %8.1f ns/op (cpu time, median of 9; min %.1f, max %.1f)%n", op, ns[4], ns[0], ns[8]);
    }
    if (sink == 42.4242) System.out.println(sink);
  }

  static IntConsumer callOf(Se3KernelBench b, String op) {
    switch (op) {
      case "baseline": return n -> { for (int i = 0; i < n; i++) b.baseline(); };
      case "compose": return n -> { for (int i = 0; i < n; i++) b.compose(); };
      case "composeJac": return n -> { for (int i = 0; i < n; i++) b.composeJac(); };
      case "exp": return n -> { for (int i = 0; i < n; i++) b.exp(); };
      case "expJac": return n -> { for (int i = 0; i < n; i++) b.expJac(); };
      case "log": return n -> { for (int i = 0; i < n; i++) b.log(); };
      case "logJac": return n -> { for (int i = 0; i < n; i++) b.logJac(); };
      case "rminusJac": return n -> { for (int i = 0; i < n; i++) b.rminusJac(); };
      case "actJac": return n -> { for (int i = 0; i < n; i++) b.actJac(); };
      case "rplusJac": return n -> { for (int i = 0; i < n; i++) b.rplusJac(); };
      case "inverseJac": return n -> { for (int i = 0; i < n; i++) b.inverseJac(); };
      default: throw new IllegalArgumentException("unknown op " + op);
    }
  }
}
