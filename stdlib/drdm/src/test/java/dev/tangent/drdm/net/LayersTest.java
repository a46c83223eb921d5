package dev.tangent.drdm.net;

import dev.tangent.drdm.DrdmTesting;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.tangent.drdm.net.layers.InstanceNorm;
import dev.tangent.drdm.net.layers.UpConv;
import dev.tangent.nn.engine.Grad;
import dev.tangent.nn.layers.Functional;
import org.junit.jupiter.api.Test;

/**
 * The two layers written for speed give what nn's direct forms give, values and gradients (f64):
 * the sub-pixel transposed convolution against zero insertion + convolution, the fused instance
 * norm against the composed one.
 */
class LayersTest {
  static final DrdmTesting T = new DrdmTesting();

  private static double[][] valueAndGrads(java.util.function.Function<NDArray[], NDArray> f, NDArray[] in, NDArray r) {
    Grad.set(true);
    for (NDArray a : in) a.setRequiresGradient(true);
    NDArray y = f.apply(in);
    Grad.backward(y.mul(r).sum());
    double[][] out = new double[1 + in.length][];
    out[0] = DrdmTesting.doubles(y);
    for (int i = 0; i < in.length; i++) {
      out[1 + i] = DrdmTesting.doubles(JniUtils.getGradient((PtNDArray) in[i]));
      JniUtils.zeroGrad((PtNDArray) in[i]);
    }
    return out;
  }

  private static void sameValuesAndGrads(double[][] a, double[][] b, double tol) {
    for (int i = 0; i < a.length; i++) {
      double d = DrdmTesting.maxAbsDiff(a[i], b[i]);
      assertTrue(d < tol, "output " + i + " differs by " + d);
      assertTrue(DrdmTesting.maxAbs(a[i]) > 1e-3, "output " + i + " is not trivially zero");
    }
  }

  private static void upConvMatchesZeroInsertion(int dims, long... spatial) {
    long cin = 3;
    long cout = 5;
    long[] xs = new long[2 + dims];
    xs[0] = 2;
    xs[1] = cin;
    System.arraycopy(spatial, 0, xs, 2, dims);
    long[] ws = new long[2 + dims];
    ws[0] = cin;
    ws[1] = cout;
    long[] ys = new long[2 + dims];
    ys[0] = 2;
    ys[1] = cout;
    for (int k = 0; k < dims; k++) {
      ws[2 + k] = 4;
      ys[2 + k] = 2 * spatial[k];
    }
    long nx = 1;
    for (long v : xs) nx *= v;
    long nw = 1;
    for (long v : ws) nw *= v;
    long ny = 1;
    for (long v : ys) ny *= v;
    NDArray[] in1 = {T.f64(DrdmTesting.uniform(1, (int) nx, -1, 1), xs), T.f64(DrdmTesting.uniform(2, (int) nw, -1, 1), ws),
        T.f64(DrdmTesting.uniform(3, (int) cout, -1, 1), cout)};
    NDArray[] in2 = {in1[0].duplicate(), in1[1].duplicate(), in1[2].duplicate()};
    NDArray r = T.f64(DrdmTesting.uniform(4, (int) ny, -1, 1), ys);
    long[] two = AtrousFill.fill(dims, 2);
    long[] one = AtrousFill.fill(dims, 1);
    double[][] sub = valueAndGrads(a -> UpConv.apply(a[0], a[1], a[2], dims), in1, r);
    double[][] ref = valueAndGrads(a -> Functional.convTranspose(a[0], a[1], a[2], two, one, new long[dims], one, 1), in2, r);
    sameValuesAndGrads(sub, ref, 1e-12);
  }

  @Test void subPixelTransposedConvolution2d() { upConvMatchesZeroInsertion(2, 5, 6); }

  @Test void subPixelTransposedConvolution3d() { upConvMatchesZeroInsertion(3, 3, 4, 5); }

  @Test void fusedInstanceNormMatchesTheComposedOne() {
    long[] xs = {3, 4, 6, 7};
    NDArray[] in1 = {T.f64(DrdmTesting.uniform(5, 3 * 4 * 42, -2, 3), xs), T.f64(DrdmTesting.uniform(6, 4, 0.5, 2), 4),
        T.f64(DrdmTesting.uniform(7, 4, -1, 1), 4)};
    NDArray[] in2 = {in1[0].duplicate(), in1[1].duplicate(), in1[2].duplicate()};
    NDArray r = T.f64(DrdmTesting.uniform(8, 3 * 4 * 42, -1, 1), xs);
    double[][] fused = valueAndGrads(a -> InstanceNorm.apply(a[0], a[1], a[2], 1e-5), in1, r);
    double[][] composed = valueAndGrads(a -> Functional.instanceNorm(a[0], a[1], a[2], 1e-5), in2, r);
    sameValuesAndGrads(fused, composed, 1e-10);
  }

  /** long[] helpers. */
  static final class AtrousFill {
    static long[] fill(int n, long v) {
      long[] a = new long[n];
      java.util.Arrays.fill(a, v);
      return a;
    }
  }
}
