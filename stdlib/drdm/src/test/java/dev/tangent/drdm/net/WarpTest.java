package dev.tangent.drdm.net;

import dev.tangent.drdm.DrdmTesting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.JsonObject;
import dev.tangent.drdm.net.warp.Padding;
import dev.tangent.drdm.net.warp.Warp;
import dev.tangent.nn.engine.Grad;
import org.junit.jupiter.api.Test;

/**
 * The differentiable warp: the reference code's STN cases (testdata/drdm/drdm-testvectors.json), an
 * independent scalar implementation of bilinear/trilinear sampling on random inputs, and central
 * finite differences (f64) for the gradients with respect to the image and to the field.
 */
class WarpTest {
  static final DrdmTesting T = new DrdmTesting();
  static final JsonObject V = DrdmTesting.vectorsJson();

  /** img[i, j] = 8i + j on 8x8, as [1, 1, 8, 8]. */
  private static double[] ramp() {
    double[] v = new double[64];
    for (int i = 0; i < 64; i++) v[i] = i;
    return v;
  }

  private static NDArray constantField(double c0, double c1, int s) {
    double[] f = new double[2 * s * s];
    for (int i = 0; i < s * s; i++) {
      f[i] = c0;
      f[s * s + i] = c1;
    }
    return T.f64(f, 1, 2, s, s);
  }

  @Test void identityFieldGivesTheImageBack() {
    double[] img = DrdmTesting.uniform(1, 2 * 3 * 16 * 16, -1, 1);
    for (Padding p : Padding.values()) {
      NDArray out = Warp.warp(T.f64(img, 2, 3, 16, 16), T.f64(new double[2 * 2 * 16 * 16], 2, 2, 16, 16), p);
      assertEquals(0, DrdmTesting.maxAbsDiff(img, DrdmTesting.doubles(out)), "exactly, in double");
    }
    // The reference's float32 grid_sample is within 1e-6 of the identity; ours is exact.
    assertTrue(V.get("stn_identity_maxabs_err_bilinear").getAsDouble() <= 1e-6);
  }

  @Test void integerShiftWithZerosPadding() {
    double[] expected = DrdmTesting.flat(V.get("stn_shift_rows_plus1_output_zeros_pad"));
    NDArray out = Warp.warp(T.f64(ramp(), 1, 1, 8, 8), constantField(1.0 / 8, 0, 8), Padding.ZEROS);
    double[] got = DrdmTesting.doubles(out);
    assertTrue(DrdmTesting.maxAbsDiff(expected, got) < 2e-6, "reference float32 values (1 ulp of 8)");
    for (int j = 0; j < 8; j++) {
      assertEquals(0, got[56 + j], "the last row reads outside the grid");
      assertEquals(8 + j, got[j], 0, "out[0, j] = img[1, j] exactly");
    }
  }

  @Test void halfVoxelShiftWithBorderPadding() {
    double[] expected = DrdmTesting.flat(V.get("stn_shift_cols_plus_half_output_border_pad"));
    double[] got = DrdmTesting.doubles(Warp.warp(T.f64(ramp(), 1, 1, 8, 8), constantField(0, 0.5 / 8, 8), Padding.BORDER));
    assertTrue(DrdmTesting.maxAbsDiff(expected, got) < 2e-6);
    for (int i = 0; i < 8; i++) {
      assertEquals(8 * i + 7, got[8 * i + 7], 0, "clamped to the last column");
      assertEquals(8 * i + 0.5, got[8 * i], 1e-12);
    }
  }

  @Test void compositionOfTranslations() {
    int s = 16;
    NDArray a = constantField(1.0 / s, 0, s);
    NDArray b = constantField(0, 2.0 / s, s);
    NDArray c = b.add(Warp.warp(a, b, Padding.BORDER));
    double[] cv = DrdmTesting.doubles(c.mul(s));
    double[] want = DrdmTesting.flat(V.get("compose_translations_vox"));
    for (int i = 0; i < s * s; i++) {
      assertEquals(want[0], cv[i], 1e-12);
      assertEquals(want[1], cv[s * s + i], 1e-12);
    }
    // warp(warp(I, a), b) == warp(I, b + warp(a, b)) for integer translations (zeros padding).
    double[] img = DrdmTesting.uniform(3, s * s, 0, 1);
    NDArray i0 = T.f64(img, 1, 1, s, s);
    double[] twice = DrdmTesting.doubles(Warp.warp(Warp.warp(i0, a, Padding.ZEROS), b, Padding.ZEROS));
    double[] once = DrdmTesting.doubles(Warp.warp(i0, c, Padding.ZEROS));
    assertEquals(0, DrdmTesting.maxAbsDiff(twice, once), 1e-12);
  }

  // ------------------------------------------------------------------ against a scalar implementation

  /** grid_sample(align_corners=True) read at voxel x + S·u, one sample at a time (2-D or 3-D). */
  static double sample(double[] img, int[] size, int c, int b, int channels, double[] pos, Padding p) {
    int nd = size.length;
    int n = 1;
    for (int s : size) n *= s;
    double[] q = pos.clone();
    if (p == Padding.BORDER) for (int k = 0; k < nd; k++) q[k] = Math.min(Math.max(q[k], 0), size[k] - 1);
    double sum = 0;
    for (int corner = 0; corner < (1 << nd); corner++) {
      double w = 1;
      int flat = 0;
      boolean inside = true;
      for (int k = 0; k < nd; k++) {
        int bit = (corner >> (nd - 1 - k)) & 1;
        int lo = (int) Math.floor(q[k]);
        int i = lo + bit;
        double f = q[k] - lo;
        w *= bit == 1 ? f : 1 - f;
        if (i < 0 || i >= size[k]) inside = false;
        flat = flat * size[k] + Math.min(Math.max(i, 0), size[k] - 1);
      }
      if (inside) sum += w * img[(b * channels + c) * n + flat];
    }
    return sum;
  }

  private static void checkAgainstScalar(int[] size, Padding p) {
    int nd = size.length;
    int n = 1;
    for (int s : size) n *= s;
    int batch = 2;
    int channels = 3;
    double[] img = DrdmTesting.uniform(11, batch * channels * n, -1, 1);
    // Up to 0.3 of the size: many samples fall outside the grid.
    double[] field = DrdmTesting.uniform(12, batch * nd * n, -0.3, 0.3);
    long[] is = new long[2 + nd];
    long[] fs = new long[2 + nd];
    is[0] = batch;
    is[1] = channels;
    fs[0] = batch;
    fs[1] = nd;
    for (int k = 0; k < nd; k++) is[2 + k] = fs[2 + k] = size[k];
    double[] got = DrdmTesting.doubles(Warp.warp(T.f64(img, is), T.f64(field, fs), p));
    double worst = 0;
    for (int b = 0; b < batch; b++) {
      for (int v = 0; v < n; v++) {
        double[] pos = new double[nd];
        int rest = v;
        for (int k = nd - 1; k >= 0; k--) {
          pos[k] = rest % size[k];
          rest /= size[k];
        }
        for (int k = 0; k < nd; k++) pos[k] += size[0] * field[(b * nd + k) * n + v];
        for (int c = 0; c < channels; c++) {
          double want = sample(img, size, c, b, channels, pos, p);
          worst = Math.max(worst, Math.abs(want - got[(b * channels + c) * n + v]));
        }
      }
    }
    assertTrue(worst < 1e-12, "max difference " + worst);
  }

  @Test void bilinearMatchesAScalarImplementation() {
    for (Padding p : Padding.values()) checkAgainstScalar(new int[] {9, 12}, p);
  }

  @Test void trilinearMatchesAScalarImplementation() {
    for (Padding p : Padding.values()) checkAgainstScalar(new int[] {5, 6, 7}, p);
  }

  // ------------------------------------------------------------------ gradients

  /** d/dimg and d/dfield of sum(R · warp(img, field)) against central differences. */
  private static void gradientCheck(int[] size, Padding p) {
    int nd = size.length;
    int n = 1;
    for (int s : size) n *= s;
    long[] is = new long[2 + nd];
    long[] fs = new long[2 + nd];
    is[0] = 2;
    is[1] = 2;
    fs[0] = 2;
    fs[1] = nd;
    for (int k = 0; k < nd; k++) is[2 + k] = fs[2 + k] = size[k];
    double[] img = DrdmTesting.uniform(21, 4 * n, -1, 1);
    double[] field = DrdmTesting.uniform(22, 2 * nd * n, -0.25, 0.25);
    double[] r = DrdmTesting.uniform(23, 4 * n, -1, 1);
    Grad.set(true);
    NDArray x = T.f64(img, is);
    NDArray u = T.f64(field, fs);
    x.setRequiresGradient(true);
    u.setRequiresGradient(true);
    NDArray weights = T.f64(r, is);
    NDArray loss = Warp.warp(x, u, p).mul(weights).sum();
    Grad.backward(loss);
    double[] gx = DrdmTesting.doubles(JniUtils.getGradient((PtNDArray) x));
    double[] gu = DrdmTesting.doubles(JniUtils.getGradient((PtNDArray) u));
    double h = 1e-6;
    java.util.function.BiFunction<double[], double[], Double> f = (im, fl) -> Grad.noGrad(
        () -> Warp.warp(T.f64(im, is), T.f64(fl, fs), p).mul(T.f64(r, is)).sum().getDouble());
    double worstX = 0;
    for (int i = 0; i < img.length; i += 3) {
      double[] a = img.clone();
      double[] b = img.clone();
      a[i] += h;
      b[i] -= h;
      worstX = Math.max(worstX, Math.abs((f.apply(a, field) - f.apply(b, field)) / (2 * h) - gx[i]));
    }
    double worstU = 0;
    int checked = 0;
    for (int i = 0; i < field.length; i += 2) {
      double[] a = field.clone();
      double[] b = field.clone();
      a[i] += h;
      b[i] -= h;
      double fd = (f.apply(img, a) - f.apply(img, b)) / (2 * h);
      worstU = Math.max(worstU, Math.abs(fd - gu[i]) / Math.max(1, Math.abs(fd)));
      checked++;
    }
    assertTrue(worstX < 1e-7, "d/dimg, worst " + worstX);
    assertTrue(worstU < 1e-5, "d/dfield, worst relative " + worstU + " over " + checked);
    assertTrue(DrdmTesting.maxAbs(gu) > 1e-3, "the field gradient is not trivially zero");
  }

  @Test void gradientsMatchFiniteDifferences2d() {
    for (Padding p : Padding.values()) gradientCheck(new int[] {7, 8}, p);
  }

  @Test void gradientsMatchFiniteDifferences3d() {
    for (Padding p : Padding.values()) gradientCheck(new int[] {4, 5, 6}, p);
  }
}
