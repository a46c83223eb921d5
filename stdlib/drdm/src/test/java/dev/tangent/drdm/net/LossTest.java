package dev.tangent.drdm.net;

import dev.tangent.drdm.DrdmTesting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.JsonObject;
import dev.tangent.drdm.net.loss.RecoveryLoss;
import dev.tangent.drdm.net.warp.Padding;
import dev.tangent.io.array.NdArray;
import dev.tangent.io.array.Npz;
import dev.tangent.nn.engine.Grad;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The training loss: the spec's sanity values (§6 case 10) and JSON values, the reference code's
 * values on random 2-D and 3-D fields (src/test/resources/loss-reference.npz, made by
 * make_loss_reference.py from the authors' losses.py), the folding penalty on affine fields with a
 * known determinant, and central finite differences of the whole loss (f64).
 */
class LossTest {
  static final DrdmTesting T = new DrdmTesting();
  static final JsonObject V = DrdmTesting.vectorsJson();

  /** [1, 2, s, s] with channel 0 = c. */
  private static NDArray channel0(double c, int s) {
    double[] f = new double[2 * s * s];
    for (int i = 0; i < s * s; i++) f[i] = c;
    return T.f64(f, 1, 2, s, s);
  }

  /** u(x) = (A - I)x in voxels, divided by s: fraction units on an s^nd grid. */
  static NDArray affine(double[][] a, int s) {
    int nd = a.length;
    int n = (int) Math.pow(s, nd);
    double[] f = new double[nd * n];
    for (int v = 0; v < n; v++) {
      int[] x = new int[nd];
      int rest = v;
      for (int k = nd - 1; k >= 0; k--) {
        x[k] = rest % s;
        rest /= s;
      }
      for (int i = 0; i < nd; i++) {
        double u = 0;
        for (int k = 0; k < nd; k++) u += (a[i][k] - (i == k ? 1 : 0)) * x[k];
        f[i * n + v] = u / s;
      }
    }
    long[] shape = new long[2 + nd];
    shape[0] = 1;
    shape[1] = nd;
    for (int k = 0; k < nd; k++) shape[2 + k] = s;
    return T.f64(f, shape);
  }

  @Test void sanityValues() {
    NDArray psi = channel0(0.01, 8);
    assertEquals(V.get("MRSE_exact_inverse").getAsDouble(), RecoveryLoss.distance(psi.neg(), psi).getDouble(), 1e-12);
    assertEquals(V.get("NCC_exact_inverse").getAsDouble(), RecoveryLoss.angle(psi.neg(), psi).getDouble(), 1e-9);
    assertEquals(V.get("MRSE_zero_pred").getAsDouble(), RecoveryLoss.distance(psi.zerosLike(), psi).getDouble(), 1e-7);
    assertEquals(V.get("NCC_zero_pred").getAsDouble(), RecoveryLoss.angle(psi.zerosLike(), psi).getDouble(), 1e-12);
    assertEquals(V.get("MRSE_same_dir").getAsDouble(), RecoveryLoss.distance(psi, psi).getDouble(), 1e-6);
    assertEquals(V.get("NCC_same_dir").getAsDouble(), RecoveryLoss.angle(psi, psi).getDouble(), 1e-9);
    assertEquals(0.999000999, RecoveryLoss.distance(psi.zerosLike(), psi).getDouble(), 1e-9, "1 / (1 + 1e-3)");
  }

  @Test void regulariserOfAffineFields() {
    NDArray u = affine(new double[][] {{1.2, 0.3}, {-0.1, 0.9}}, 32);
    assertEquals(V.get("l1_only_affine").getAsDouble(), RecoveryLoss.l1(u).getDouble(), 1e-9);
    assertEquals(V.get("grad_reg_affine_fraction_units").getAsDouble(), RecoveryLoss.l1(u).getDouble(), 1e-9);
    assertEquals(0, RecoveryLoss.referenceNegDetJ(u).getDouble(), 1e-9, "the quirk: 0 for any affine field (reference "
        + V.get("negdetj_only_affine").getAsDouble() + " in float32)");
    // The true Jacobian: det 1.11 everywhere (spec case 7), no folding.
    double[] det = DrdmTesting.doubles(RecoveryLoss.jacobianDeterminant(u));
    for (double d : det) assertEquals(V.get("affine2d_detJ_expected").getAsDouble(), d, 1e-12);
    assertEquals(0, RecoveryLoss.folding(u).getDouble(), 0);
    NDArray u3 = affine(new double[][] {{1.1, 0.2, 0}, {0, 0.8, 0.1}, {0.05, 0, 1.3}}, 8);
    for (double d : DrdmTesting.doubles(RecoveryLoss.jacobianDeterminant(u3))) {
      assertEquals(V.get("affine3d_detJ_expected").getAsDouble(), d, 1e-12);
    }
    // A reflection folds every voxel: det = -1, so folding = 1; the reference term does not see it.
    NDArray r = affine(new double[][] {{-1, 0}, {0, 1}}, 16);
    assertEquals(V.get("reflection_negJ_fraction").getAsDouble(), RecoveryLoss.folding(r).getDouble(), 1e-12);
    assertEquals(0, RecoveryLoss.referenceNegDetJ(r).getDouble(), 1e-12);
  }

  @Test void matchesTheReferenceCodeOnRandomFields() throws Exception {
    Map<String, NdArray> ref = Npz.read(Path.of("src/test/resources/loss-reference.npz"));
    for (int nd : new int[] {2, 3}) {
      String k = "d" + nd + "_";
      long[] shape = longs(ref.get(k + "pred").shape);
      // Inputs rounded to float32 as the reference computed them, then evaluated in f32 here too.
      NDArray pred = T.f64(ref.get(k + "pred").toDoubles(), shape).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
      NDArray target = T.f64(ref.get(k + "target").toDoubles(), shape).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
      assertEquals(scalar(ref, k + "l1"), RecoveryLoss.l1(pred).getFloat(), 1e-6, nd + "-D l1");
      assertEquals(scalar(ref, k + "negdetj"), RecoveryLoss.referenceNegDetJ(pred).mul(2).getFloat(),
          1e-6 * Math.max(1, scalar(ref, k + "negdetj")), nd + "-D negdetj");
      for (Padding pad : Padding.values()) {
        String kp = k + pad.text() + "_";
        double[] p = DrdmTesting.doubles(dev.tangent.drdm.net.warp.Warp.warp(pred, target, pad));
        assertTrue(DrdmTesting.maxAbsDiff(ref.get(kp + "p").toDoubles(), p) < 1e-6, nd + "-D warp " + pad);
        RecoveryLoss.Parts parts = RecoveryLoss.compute(pred, target, pad, new double[] {1, 1, 10}, true);
        double dist = scalar(ref, kp + "dist");
        double total = scalar(ref, kp + "total");
        assertEquals(dist, parts.dist().getFloat(), 2e-5 * Math.abs(dist), nd + "-D dist " + pad);
        assertEquals(scalar(ref, kp + "ang"), parts.ang().getFloat(), 1e-5, nd + "-D ang " + pad);
        assertEquals(total, parts.total().getFloat(), 2e-5 * Math.abs(total), nd + "-D total " + pad);
      }
    }
  }

  @Test void gradientOfTheLossMatchesFiniteDifferences() throws Exception {
    Map<String, NdArray> ref = Npz.read(Path.of("src/test/resources/loss-reference.npz"));
    for (boolean reference : new boolean[] {false, true}) {
      for (int nd : new int[] {2, 3}) {
        String k = "d" + nd + "_";
        long[] shape = longs(ref.get(k + "pred").shape);
        double[] pred = ref.get(k + "pred").toDoubles();
        // A folding field (scaled up) so that the folding term takes part in the gradient.
        for (int i = 0; i < pred.length; i++) pred[i] *= 3;
        NDArray target = T.f64(ref.get(k + "target").toDoubles(), shape);
        Grad.set(true);
        NDArray x = T.f64(pred, shape);
        x.setRequiresGradient(true);
        RecoveryLoss.Parts parts = RecoveryLoss.compute(x, target, Padding.ZEROS, new double[] {1, 1, 10}, reference);
        assertTrue(parts.reg().getDouble() > 0);
        Grad.backward(parts.total());
        double[] g = DrdmTesting.doubles(JniUtils.getGradient((PtNDArray) x));
        double h = 1e-7;
        double worst = 0;
        for (int i = 0; i < pred.length; i += nd == 2 ? 7 : 41) {
          double[] a = pred.clone();
          double[] b = pred.clone();
          a[i] += h;
          b[i] -= h;
          double fd = (total(a, shape, target, reference) - total(b, shape, target, reference)) / (2 * h);
          worst = Math.max(worst, Math.abs(fd - g[i]) / Math.max(1, Math.abs(fd)));
        }
        assertTrue(worst < 1e-4, nd + "-D reference " + reference + ": worst relative error " + worst);
        assertTrue(DrdmTesting.maxAbs(g) > 1e-2);
      }
    }
  }

  private static double total(double[] pred, long[] shape, NDArray target, boolean reference) {
    return Grad.noGrad(() -> RecoveryLoss.compute(T.f64(pred, shape), target, Padding.ZEROS, new double[] {1, 1, 10}, reference)
        .total().getDouble());
  }

  @Test void scriptFunctions() {
    T.eval("let psi = zeros(2, 8, 8)\npsi[0] = ones(8, 8) * 0.01");
    assertEquals(0.999000999, T.num("drdm.loss_dist(zeros(2, 8, 8), psi).item()"), 1e-6);
    assertEquals(-1, T.num("drdm.loss_ang(-psi, psi).item()"), 1e-6);
    assertEquals(0, T.num("drdm.folding(psi).item()"), 0);
    T.eval("let parts = drdm.loss(zeros(2, 8, 8), psi, parts: true)");
    assertEquals(T.num("parts.dist.item() + parts.ang.item() + 10 * parts.reg.item()"), T.num("parts.total.item()"), 1e-6);
    assertEquals(T.num("parts.total.item()"), T.num("drdm.loss(zeros(1, 2, 8, 8), psi.reshape(1, 2, 8, 8)).item()"), 1e-7);
    // A differentiable path from a script: nn.grad through stn and the loss.
    double[] g = T.values("let pred = nn.param(zeros(2, 8, 8) + 0.003)\n"
        + "nn.grad(p => drdm.loss(p, psi, weights: [1, 0, 0]))(pred)");
    assertTrue(DrdmTesting.maxAbs(g) > 0);
  }

  private static double scalar(Map<String, NdArray> ref, String key) { return ref.get(key).toDoubles()[0]; }

  private static long[] longs(int[] s) {
    long[] l = new long[s.length];
    for (int i = 0; i < s.length; i++) l[i] = s[i];
    return l;
  }
}
