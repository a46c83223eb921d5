package dev.tangent.drdm.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.tangent.drdm.DrdmTesting;
import dev.tangent.nn.engine.Grad;
import dev.tangent.nn.layers.Functional;

/**
 * Which float32 convolutions of the network's shapes the engine computes wrongly, forward and
 * backward, under the oneDNN settings of this process (run it with ONEDNN_MAX_CPU_ISA=SSE41,
 * AVX2, AVX512_CORE... set outside; -Ddrdm.probe.mkldnn=off turns oneDNN convolutions off
 * through at::globalContext().setUserEnabledMkldnn(false), so libtorch uses its own im2col + GEMM;
 * -Ddrdm.probe.cases="n,cin,cout,h,k,s,p,d;..." replaces the network's cases).
 * Prints one line per case: the largest error of y, dL/dx and dL/dw against a double loop, relative
 * to the largest value, and the time of forward + backward. Used for docs/benchmarks.md,
 * "drdm: oneDNN on AMD family 1Ah".
 */
public final class ConvIsaProbe {
  private ConvIsaProbe() {}

  static double[][] naive(double[] x, double[] w, double[] g, int n, int cin, int cout, int h, int k, int s, int p, int d) {
    int o = (h + 2 * p - d * (k - 1) - 1) / s + 1;
    double[] y = new double[n * cout * o * o], dx = new double[x.length], dw = new double[w.length];
    for (int b = 0; b < n; b++) for (int co = 0; co < cout; co++) for (int i = 0; i < o; i++) for (int j = 0; j < o; j++) {
      double acc = 0;
      int yi = ((b * cout + co) * o + i) * o + j;
      for (int ci = 0; ci < cin; ci++) for (int a = 0; a < k; a++) for (int bb = 0; bb < k; bb++) {
        int ii = i * s - p + a * d, jj = j * s - p + bb * d;
        if (ii < 0 || jj < 0 || ii >= h || jj >= h) continue;
        int xi = ((b * cin + ci) * h + ii) * h + jj, wi = ((co * cin + ci) * k + a) * k + bb;
        acc += x[xi] * w[wi];
        dx[xi] += g[yi] * w[wi];
        dw[wi] += g[yi] * x[xi];
      }
      y[yi] = acc;
    }
    return new double[][] {y, dx, dw};
  }

  static double rel(double[] got, double[] want) {
    return DrdmTesting.maxAbsDiff(got, want) / Math.max(1e-12, DrdmTesting.maxAbs(want));
  }

  /** -Ddrdm.probe.mkldnn=off: libtorch's own convolutions instead of oneDNN's (call after the engine started). */
  static void applyMkldnnProperty() {
    if (!"off".equals(System.getProperty("drdm.probe.mkldnn"))) return;
    com.sun.jna.NativeLibrary torch = com.sun.jna.NativeLibrary.getInstance("torch_cpu");
    com.sun.jna.Pointer ctx = torch.getFunction("_ZN2at13globalContextEv").invokePointer(new Object[0]);
    torch.getFunction("_ZN2at7Context20setUserEnabledMkldnnEb").invokeVoid(new Object[] {ctx, false});
  }

  public static void main(String[] args) throws Exception {
    DrdmTesting T = new DrdmTesting();
    T.m();
    applyMkldnnProperty();
    System.out.println("ONEDNN_MAX_CPU_ISA=" + System.getenv("ONEDNN_MAX_CPU_ISA") + " mkldnn=" + System.getProperty("drdm.probe.mkldnn", "on"));
    int[][] cases = { // n, cin, cout, h, k, s, p, d
        {1, 20, 20, 32, 4, 2, 1, 1}, {4, 10, 10, 64, 4, 2, 1, 1}, {4, 20, 20, 32, 4, 2, 1, 1},
        {1, 20, 40, 16, 3, 1, 1, 1}, {1, 40, 40, 16, 3, 1, 3, 3}, {4, 40, 40, 16, 3, 1, 3, 3}, {4, 10, 10, 64, 3, 1, 1, 1},
        {4, 20, 20, 32, 3, 1, 3, 3}, {4, 80, 40, 16, 3, 1, 1, 1}, {4, 40, 80, 9, 2, 1, 1, 1}, {4, 20, 40, 17, 2, 1, 1, 1},
        {1, 40, 20, 8, 3, 1, 1, 1}, {4, 20, 20, 8, 3, 1, 3, 3}, {4, 1, 10, 128, 3, 1, 1, 1}, {4, 10, 10, 128, 3, 1, 1, 1},
        {4, 10, 10, 128, 3, 1, 3, 3}, {4, 10, 2, 128, 3, 1, 1, 1}};
    String own = System.getProperty("drdm.probe.cases");
    if (own != null) cases = java.util.Arrays.stream(own.split(";")).map(c -> java.util.Arrays.stream(c.split(",")).mapToInt(v -> Integer.parseInt(v.trim())).toArray()).toArray(int[][]::new);
    int bad = 0;
    double total = 0;
    for (int[] c : cases) {
      int n = c[0], cin = c[1], cout = c[2], h = c[3], k = c[4], s = c[5], p = c[6], d = c[7];
      int o = (h + 2 * p - d * (k - 1) - 1) / s + 1;
      double[] x = DrdmTesting.uniform(1, n * cin * h * h, -1, 1);
      double[] w = DrdmTesting.uniform(2, cout * cin * k * k, -1, 1);
      double[] g = DrdmTesting.uniform(3, n * cout * o * o, -1, 1);
      double[][] want = naive(x, w, g, n, cin, cout, h, k, s, p, d);
      long[] st = {s, s}, pa = {p, p}, di = {d, d};
      double[][] got = new double[3][];
      long best = Long.MAX_VALUE;
      for (int rep = 0; rep < 6; rep++) {
        NDArray xa = T.f64(x, n, cin, h, h).toType(DataType.FLOAT32, false);
        NDArray wa = T.f64(w, cout, cin, k, k).toType(DataType.FLOAT32, false);
        NDArray ga = T.f64(g, n, cout, o, o).toType(DataType.FLOAT32, false);
        Grad.set(true);
        xa.setRequiresGradient(true);
        wa.setRequiresGradient(true);
        long t0 = System.nanoTime();
        NDArray y = Functional.conv(xa, wa, null, st, pa, di, 1);
        Grad.backward(y.mul(ga).sum());
        NDArray gx = JniUtils.getGradient((PtNDArray) xa), gw = JniUtils.getGradient((PtNDArray) wa);
        got[0] = DrdmTesting.doubles(y);
        got[1] = DrdmTesting.doubles(gx);
        got[2] = DrdmTesting.doubles(gw);
        best = Math.min(best, System.nanoTime() - t0);
        xa.close();
        wa.close();
        ga.close();
        y.close();
      }
      double ey = rel(got[0], want[0]), ex = rel(got[1], want[1]), ew = rel(got[2], want[2]);
      boolean ok = ey < 1e-5 && ex < 1e-5 && ew < 1e-5;
      if (!ok) bad++;
      total += best / 1e6;
      System.out.printf("%-32s y %.1e  dx %.1e  dw %.1e  %s  %.2f ms%n", java.util.Arrays.toString(c), ey, ex, ew, ok ? "ok   " : "WRONG", best / 1e6);
    }
    System.out.printf("wrong cases: %d of %d; forward+backward time summed over cases %.1f ms%n", bad, cases.length, total);
    System.exit(0);
  }
}
