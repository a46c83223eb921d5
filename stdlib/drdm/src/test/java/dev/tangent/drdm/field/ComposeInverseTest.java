package dev.tangent.drdm.field;

import static dev.tangent.drdm.DrdmTesting.maxAbs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.drdm.DrdmTesting;
import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.drdm.field.kernel.Interp;
import dev.tangent.drdm.field.kernel.Padding;
import dev.tangent.drdm.field.kernel.Resize;
import dev.tangent.drdm.sampler.ForwardSampler;
import dev.tangent.drdm.sampler.GaussianNoise;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Composition order and the fixed-point inverse: spec section 6 cases 5 and 6, and the identity
 * (phi * psi)(img) == phi(psi(img)) on a real photograph (scikit-image's camera.png, from Debian).
 */
class ComposeInverseTest {
  static double meanAbs(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
    return s / a.length;
  }

  @Test void translationsComposeExactly() {
    // spec case 5: a = (1, 0), b = (0, 2) voxels; c = b + warp(a, b) = (1, 2); b * a in Tangent (a first, then b)
    int[] sp = {8, 8};
    Deformation a = WarpTest.constant(sp, 1, 0), b = WarpTest.constant(sp, 0, 2);
    Deformation c = b.compose(a, Padding.BORDER, null);
    float[] cv = c.voxels();
    for (int i = 0; i < 64; i++) {
      assertEquals(1f, cv[i]);
      assertEquals(2f, cv[64 + i]);
    }
    Tensor img = WarpTest.ramp8();
    double[] twice = b.warp(a.warp(img, Interp.LINEAR, Padding.ZEROS, null), Interp.LINEAR, Padding.ZEROS, null).toDoubleArray();
    assertArrayEquals(twice, c.warp(img, Interp.LINEAR, Padding.ZEROS, null).toDoubleArray(), "warp(warp(I, a), b) == (b * a)(I)");
  }

  /** A smooth field: Gaussian noise on an 8 x 8 grid, bilinearly upsampled, in voxels. */
  static Deformation smooth(long seed, int size, double voxelsStd) {
    Grid coarse = Grid.of(new int[] {8, 8}, "t"), fine = Grid.of(new int[] {size, size}, "t");
    float[] c = WarpTest.random(seed, 2 * coarse.voxels, voxelsStd);
    float[] f = new float[2 * fine.voxels];
    Resize.linear(c, 0, coarse.sizes(), 2, fine.sizes(), new int[2], fine, f, 0, null);
    return Deformation.ofVoxels(fine.sizes(), f);
  }

  @Test void theFixedPointInverseUndoesTheField() {
    // spec case 6: u from 8 x 8 N(0, 0.01) in fractions upsampled to 64^2 (max |u| about 2 voxels)
    Deformation u = smooth(6, 64, 0.01 * 64);
    double umax = maxAbs(DrdmTesting.doubles(u.voxels()));
    assertTrue(umax > 1 && umax < 4, "a field of a few voxels: " + umax);
    for (Deformation.InverseMethod m : Deformation.InverseMethod.values()) {
      Deformation v = u.inverse(50, 0, m, null);
      double left = residual(v, u), right = residual(u, v);
      assertTrue(left < 1e-5, m + ": the fixed point holds to float round-off (spec: 1.5e-6): " + left);
      assertTrue(right < 0.1, m + ": and the other order to interpolation error (spec: 0.08): " + right);
      Deformation early = u.inverse(50, 1e-5, m, null);
      assertTrue(residual(early, u) < 1e-4, m + ": tol stops near the fixed point");
    }
  }

  /** max |(a * b) field| = max |a + b(x + a(x))| in voxels. */
  static double residual(Deformation a, Deformation b) {
    return maxAbs(DrdmTesting.doubles(a.compose(b, Padding.BORDER, null).voxels()));
  }

  @Test void newtonInvertsAForwardFieldWhereThePlainIterationStalls() {
    // psi_{40:1} on 64^2: up to 8 voxels, det(I + grad u) from 0.2 to 2.8, local swirls
    Grid g = Grid.of(new int[] {64, 64}, "t");
    ForwardSampler.Result r = ForwardSampler.sample(g, new int[] {40}, new GaussianNoise(3), ForwardSampler.Settings.defaults(), null);
    Deformation u = Deformation.wrap(g, 1, false, r.ddf());
    double plain = residual(u.inverse(50, 0, Deformation.InverseMethod.FIXED_POINT, null), u);
    Deformation v = u.inverse(50, 1e-5, Deformation.InverseMethod.NEWTON, null);
    double newton = residual(v, u);
    assertTrue(plain > 1, "the fixed-point iteration does not converge everywhere: " + plain);
    assertTrue(newton < 1e-3, "Newton does: " + newton);
    // psi_{79:1} at 128^2 folds on about 0.1 % of the voxels: there no inverse exists
    Grid g2 = Grid.of(new int[] {128, 128}, "t");
    Deformation w = Deformation.wrap(g2, 1, false,
        ForwardSampler.sample(g2, new int[] {79}, new GaussianNoise(3), ForwardSampler.Settings.defaults(), null).ddf());
    double folds = w.foldRate(null);
    double offNewton = offBy(w.inverse(50, 1e-5, Deformation.InverseMethod.NEWTON, null), w, 0.01);
    double offPlain = offBy(w.inverse(50, 1e-5, Deformation.InverseMethod.FIXED_POINT, null), w, 0.01);
    assertTrue(folds > 0 && offNewton < 5 * folds + 0.001, "Newton misses only near the folds: " + offNewton + " (folds " + folds + ")");
    assertTrue(offPlain > 0.1, "the fixed point misses much more: " + offPlain);
  }

  /** The fraction of voxels where |a + b(x + a(x))| > eps. */
  static double offBy(Deformation a, Deformation b, double eps) {
    float[] r = a.compose(b, Padding.BORDER, null).voxels();
    int v = a.grid().voxels, n = 0;
    for (int i = 0; i < v; i++) if (Math.hypot(r[i], r[v + i]) > eps) n++;
    return n / (double) v;
  }

  @Test void composingFollowsTheImagesOnARealPhotograph() {
    DrdmTesting d = new DrdmTesting();
    d.eval("let img = load_image(\"" + DrdmTesting.testdata("debian/skimage/camera.png") + "\").astype(\"f64\")");
    Tensor img = (Tensor) d.eval("img");
    int s = img.shape()[0];
    Deformation phi = smooth(1, s, 12), psi = smooth(2, s, 12);
    double[] sequential = phi.warp(psi.warp(img, Interp.LINEAR, Padding.BORDER, null), Interp.LINEAR, Padding.BORDER, null).toDoubleArray();
    double[] composed = phi.compose(psi, Padding.BORDER, null).warp(img, Interp.LINEAR, Padding.BORDER, null).toDoubleArray();
    double[] otherOrder = psi.compose(phi, Padding.BORDER, null).warp(img, Interp.LINEAR, Padding.BORDER, null).toDoubleArray();
    double right = meanAbs(sequential, composed), wrong = meanAbs(sequential, otherOrder);
    assertTrue(right < 2.0, "(phi * psi)(img) ~ phi(psi(img)) up to interpolation (mean |diff| in 0..255): " + right);
    assertTrue(wrong > 4 * right, "the other order is not the same map: " + wrong + " vs " + right);
    // the inverse undoes a warp of the photograph away from the borders
    double[] back = phi.inverse(50, 1e-5, Deformation.InverseMethod.NEWTON, null).warp(phi.warp(img, Interp.LINEAR, Padding.BORDER, null), Interp.LINEAR, Padding.BORDER, null)
        .toDoubleArray();
    double[] orig = img.toDoubleArray();
    double inner = 0;
    int n = 0;
    for (int i = 32; i < s - 32; i++) for (int j = 32; j < s - 32; j++, n++) inner += Math.abs(back[i * s + j] - orig[i * s + j]);
    assertTrue(inner / n < 4, "phi.inv()(phi(img)) ~ img inside (two interpolations blur): " + inner / n);
  }
}
