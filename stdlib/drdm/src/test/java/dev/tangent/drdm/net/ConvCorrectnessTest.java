package dev.tangent.drdm.net;

import dev.tangent.drdm.DrdmTesting;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.tangent.nn.engine.Grad;
import dev.tangent.nn.layers.Functional;
import org.junit.jupiter.api.Test;

/**
 * float32 convolutions of the network's shapes on the engine against a plain double loop, forward
 * and both gradients. The oneDNN in PyTorch 2.7.1's natives gets many of these wrong on AMD Zen 5
 * unless limited to SSE4.1 (nn's Djl does that): with its AVX, AVX2 and AVX-512 kernels the forward
 * pass is wrong when the input channels have a tail (C_in above the vector block of 8 or 16 floats
 * and not a multiple of it), and with AVX2 and AVX-512 the input gradient is wrong when the output
 * channels have one (ConvIsaProbe, docs/benchmarks.md). This test is the guard; the channel-tail
 * cases at the end isolate each pattern.
 */
class ConvCorrectnessTest {
  @Test void float32ConvolutionsOfTheNetworksShapes() {
    DrdmTesting T = new DrdmTesting();
    int[][] cases = { // n, cin, cout, h, k, s, p, d
        {1, 20, 20, 32, 4, 2, 1, 1}, {4, 10, 10, 64, 4, 2, 1, 1}, {4, 20, 20, 32, 4, 2, 1, 1},
        {1, 20, 40, 16, 3, 1, 1, 1}, {1, 40, 40, 16, 3, 1, 3, 3}, {4, 40, 40, 16, 3, 1, 3, 3}, {4, 10, 10, 64, 3, 1, 1, 1},
        {4, 20, 20, 32, 3, 1, 3, 3}, {4, 80, 40, 16, 3, 1, 1, 1}, {4, 40, 80, 9, 2, 1, 1, 1}, {4, 20, 40, 17, 2, 1, 1, 1},
        {1, 40, 20, 8, 3, 1, 1, 1}, {4, 20, 20, 8, 3, 1, 3, 3},
        // channel tails: input channels only (forward), output channels only (input gradient), 8-wide and 16-wide blocks
        {4, 10, 16, 32, 3, 1, 1, 1}, {4, 16, 10, 32, 3, 1, 1, 1}, {4, 24, 32, 16, 3, 1, 1, 1}, {4, 32, 24, 16, 3, 1, 1, 1}};
    for (int[] c : cases) {
      int n = c[0], cin = c[1], cout = c[2], h = c[3], k = c[4], s = c[5], p = c[6], d = c[7];
      int o = (h + 2 * p - d * (k - 1) - 1) / s + 1;
      double[] x = DrdmTesting.uniform(1, n * cin * h * h, -1, 1);
      double[] w = DrdmTesting.uniform(2, cout * cin * k * k, -1, 1);
      double[] g = DrdmTesting.uniform(3, n * cout * o * o, -1, 1);
      double[][] want = ConvIsaProbe.naive(x, w, g, n, cin, cout, h, k, s, p, d);
      NDArray xa = T.f64(x, n, cin, h, h).toType(DataType.FLOAT32, false);
      NDArray wa = T.f64(w, cout, cin, k, k).toType(DataType.FLOAT32, false);
      NDArray ga = T.f64(g, n, cout, o, o).toType(DataType.FLOAT32, false);
      Grad.set(true);
      xa.setRequiresGradient(true);
      wa.setRequiresGradient(true);
      NDArray y = Functional.conv(xa, wa, null, new long[] {s, s}, new long[] {p, p}, new long[] {d, d}, 1);
      Grad.backward(y.mul(ga).sum());
      double[][] got = {DrdmTesting.doubles(y), DrdmTesting.doubles(JniUtils.getGradient((PtNDArray) xa)),
          DrdmTesting.doubles(JniUtils.getGradient((PtNDArray) wa))};
      String[] what = {"y", "dL/dx", "dL/dw"};
      for (int i = 0; i < 3; i++) {
        double err = DrdmTesting.maxAbsDiff(got[i], want[i]);
        assertTrue(err < 1e-4 * Math.max(1, DrdmTesting.maxAbs(want[i])), java.util.Arrays.toString(c) + " " + what[i] + ": max error " + err);
      }
    }
  }
}
