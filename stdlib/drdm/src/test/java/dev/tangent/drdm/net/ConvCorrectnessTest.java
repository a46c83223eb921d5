package dev.tangent.drdm.net;

import dev.tangent.drdm.DrdmTesting;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.tangent.nn.layers.Functional;
import org.junit.jupiter.api.Test;

/**
 * float32 convolutions of the network's shapes on the engine against a plain double loop. The
 * oneDNN in PyTorch 2.7.1's natives gets many of these wrong on AMD Zen 5 unless limited to SSE4.1
 * (nn's Djl does that); this test is the guard.
 */
class ConvCorrectnessTest {
  static double[] naive(double[] x, double[] w, int n, int cin, int cout, int h, int k, int s, int p, int d) {
    int o = (h + 2 * p - d * (k - 1) - 1) / s + 1;
    double[] y = new double[n * cout * o * o];
    for (int b = 0; b < n; b++) for (int co = 0; co < cout; co++) for (int i = 0; i < o; i++) for (int j = 0; j < o; j++) {
      double acc = 0;
      for (int ci = 0; ci < cin; ci++) for (int a = 0; a < k; a++) for (int bb = 0; bb < k; bb++) {
        int ii = i * s - p + a * d, jj = j * s - p + bb * d;
        if (ii < 0 || jj < 0 || ii >= h || jj >= h) continue;
        acc += x[((b * cin + ci) * h + ii) * h + jj] * w[((co * cin + ci) * k + a) * k + bb];
      }
      y[((b * cout + co) * o + i) * o + j] = acc;
    }
    return y;
  }

  @Test void float32ConvolutionsOfTheNetworksShapes() {
    DrdmTesting T = new DrdmTesting();
    int[][] cases = { // n, cin, cout, h, k, s, p, d
        {1, 20, 20, 32, 4, 2, 1, 1}, {4, 10, 10, 64, 4, 2, 1, 1}, {4, 20, 20, 32, 4, 2, 1, 1},
        {1, 20, 40, 16, 3, 1, 1, 1}, {1, 40, 40, 16, 3, 1, 3, 3}, {4, 40, 40, 16, 3, 1, 3, 3}, {4, 10, 10, 64, 3, 1, 1, 1},
        {4, 20, 20, 32, 3, 1, 3, 3}, {4, 80, 40, 16, 3, 1, 1, 1}, {4, 40, 80, 9, 2, 1, 1, 1}, {4, 20, 40, 17, 2, 1, 1, 1},
        {1, 40, 20, 8, 3, 1, 1, 1}, {4, 20, 20, 8, 3, 1, 3, 3}};
    for (int[] c : cases) {
      int n = c[0], cin = c[1], cout = c[2], h = c[3], k = c[4], s = c[5], p = c[6], d = c[7];
      double[] x = DrdmTesting.uniform(1, n * cin * h * h, -1, 1);
      double[] w = DrdmTesting.uniform(2, cout * cin * k * k, -1, 1);
      NDArray xa = T.f64(x, n, cin, h, h).toType(DataType.FLOAT32, false);
      NDArray wa = T.f64(w, cout, cin, k, k).toType(DataType.FLOAT32, false);
      double[] want = naive(x, w, n, cin, cout, h, k, s, p, d);
      double[] got = DrdmTesting.doubles(Functional.conv(xa, wa, null, new long[] {s, s}, new long[] {p, p}, new long[] {d, d}, 1));
      double err = DrdmTesting.maxAbsDiff(got, want);
      assertTrue(err < 1e-4 * Math.max(1, DrdmTesting.maxAbs(want)), java.util.Arrays.toString(c) + ": max error " + err);
    }
  }
}
