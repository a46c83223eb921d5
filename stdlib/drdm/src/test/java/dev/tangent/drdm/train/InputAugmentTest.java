package dev.tangent.drdm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.drdm.field.Deformation;
import dev.tangent.drdm.field.kernel.Grid;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The spec's input augmentations (§3.4) by their geometry and statistics, 2-D and 3-D: rotations
 * are rigid (unit Jacobian, distances kept) about the centre with the drawn translation bounds, the
 * resized crop stays inside the volume with a volume fraction in [0.6, 1], the intensity map has
 * gain N(1, 0.1), flips and autocontrast do what torchvision's do, and apply() is a function of
 * the random stream.
 */
class InputAugmentTest {
  static final Grid G2 = Grid.of(new int[] {24, 20}, "test");
  static final Grid G3 = Grid.of(new int[] {10, 12, 14}, "test");

  /** T(x) = x + u(x) of voxel i (row-major), in voxels. */
  static double[] mapped(Deformation phi, int i) {
    Grid g = phi.grid();
    double[] p = new double[g.nd];
    int rest = i;
    for (int k = g.nd - 1; k >= 0; k--) {
      p[k] = rest % g.size(k) + phi.voxels()[k * g.voxels + i];
      rest /= g.size(k);
    }
    return p;
  }

  static double[] position(Grid g, int i) {
    double[] p = new double[g.nd];
    for (int k = g.nd - 1; k >= 0; k--) {
      p[k] = i % g.size(k);
      i /= g.size(k);
    }
    return p;
  }

  static double dist(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) s += (a[k] - b[k]) * (a[k] - b[k]);
    return Math.sqrt(s);
  }

  /** Distances between voxel pairs are kept and the Jacobian determinant is 1 everywhere. */
  static void assertRigid(Deformation phi) {
    Grid g = phi.grid();
    SplittableRandom pick = new SplittableRandom(1);
    for (int n = 0; n < 200; n++) {
      int i = pick.nextInt(g.voxels), j = pick.nextInt(g.voxels);
      assertEquals(dist(position(g, i), position(g, j)), dist(mapped(phi, i), mapped(phi, j)), 1e-4);
    }
    for (double det : phi.jacdet(null).toDoubleArray()) assertEquals(1, det, 1e-5);
  }

  /** The mean of T over the grid: T is affine, so this is T(centre). */
  static double[] meanImage(Deformation phi) {
    Grid g = phi.grid();
    double[] m = new double[g.nd];
    for (int i = 0; i < g.voxels; i++) {
      double[] p = mapped(phi, i);
      for (int k = 0; k < g.nd; k++) m[k] += p[k] / g.voxels;
    }
    return m;
  }

  @Test void theTwoDimensionalAffineIsARotationAndABoundedShift() {
    SplittableRandom r = new SplittableRandom(3);
    int[] quadrants = new int[4];
    for (int n = 0; n < 40; n++) {
      Deformation phi = InputAugment.rotation2d(G2, r);
      assertRigid(phi);
      double[] c = meanImage(phi);
      for (int k = 0; k < 2; k++) {
        double shift = c[k] - (G2.size(k) - 1) / 2.0;
        assertTrue(Math.abs(shift) <= 0.125 * G2.size(k) + 1e-4, "translation within 1/8 of side " + k + ": " + shift);
      }
      // the angle, from where the row axis goes
      double[] o = mapped(phi, 0), down = mapped(phi, G2.size(1));
      double a = Math.atan2(down[1] - o[1], down[0] - o[0]);
      quadrants[(int) Math.floor((a + Math.PI) / (Math.PI / 2)) & 3]++;
    }
    for (int q : quadrants) assertTrue(q >= 3, "angles over the whole circle: " + java.util.Arrays.toString(quadrants));
  }

  @Test void theThreeDimensionalRotationIsRigidAboutTheCentre() {
    SplittableRandom r = new SplittableRandom(4);
    for (int n = 0; n < 10; n++) {
      Deformation phi = InputAugment.rotation3d(G3, r);
      assertRigid(phi);
      double[] c = meanImage(phi);
      for (int k = 0; k < 3; k++) assertEquals((G3.size(k) - 1) / 2.0, c[k], 1e-4, "the centre stays");
    }
  }

  @Test void theResizedCropStaysInsideTheVolume() {
    SplittableRandom r = new SplittableRandom(5);
    double lo = 1, hi = 0;
    for (int n = 0; n < 30; n++) {
      Deformation phi = InputAugment.resizedCrop(G3, r);
      double[] det = phi.jacdet(null).toDoubleArray();
      for (double x : det) assertEquals(det[0], x, 1e-5, "a uniform scaling");
      assertTrue(det[0] >= 0.6 - 1e-5 && det[0] <= 1 + 1e-5, "volume fraction " + det[0]);
      lo = Math.min(lo, det[0]);
      hi = Math.max(hi, det[0]);
      for (int i = 0; i < G3.voxels; i++) {
        double[] p = mapped(phi, i);
        for (int k = 0; k < 3; k++) assertTrue(p[k] >= -1e-4 && p[k] <= G3.size(k) - 1 + 1e-4, "inside along axis " + k);
      }
    }
    assertTrue(lo < 0.7 && hi > 0.9, "fractions spread over [0.6, 1]: " + lo + ".." + hi);
  }

  @Test void intensityGainIsNormalAboutOne() {
    int n = 2000;
    double sum = 0, sq = 0;
    SplittableRandom r = new SplittableRandom(6);
    for (int s = 0; s < n; s++) {
      // mid-range values stay inside the clamp (thr <= 0.2, up >= 0.6), so the map is linear there
      float[] x = {0.45f, 0.55f};
      InputAugment.intensity(x, r);
      double gain = (x[1] - x[0]) / 0.1;
      sum += gain;
      sq += gain * gain;
    }
    double mean = sum / n, sd = Math.sqrt(sq / n - mean * mean);
    assertEquals(1, mean, 0.01);
    assertEquals(InputAugment.NOISE_SCALE, sd, 0.01);
    // the clamp: the darkest and the brightest values land on one level each
    float[] ramp = new float[101];
    for (int i = 0; i <= 100; i++) ramp[i] = i / 100f;
    InputAugment.intensity(ramp, new SplittableRandom(7));
    long levels = java.util.stream.IntStream.range(0, ramp.length).mapToDouble(i -> ramp[i]).distinct().count();
    assertTrue(levels < ramp.length, "clamped below thr and above thr + up: " + levels + " levels");
  }

  @Test void flipsAndAutocontrast() {
    float[] img = new float[G2.voxels];
    for (int i = 0; i < img.length; i++) img[i] = i;
    float[] f = img.clone();
    InputAugment.flipRows(f, G2);
    assertEquals(img[(G2.size(0) - 1) * G2.size(1) + 3], f[3], 0f, "the last row comes first");
    InputAugment.flipRows(f, G2);
    assertArrayEquals(img, f);
    float[] a = {2, 4, 6};
    InputAugment.autocontrast(a);
    assertArrayEquals(new float[] {0, 0.5f, 1}, a);
    float[] flat = {3, 3};
    InputAugment.autocontrast(flat);
    assertArrayEquals(new float[] {3, 3}, flat, "a flat image is kept");
  }

  @Test void applyIsAFunctionOfTheRandomStream() {
    for (Grid g : new Grid[] {G2, G3}) {
      float[] img = new float[g.voxels];
      for (int i = 0; i < img.length; i++) img[i] = (float) Math.sin(i * 0.37) * 0.5f + 0.5f;
      float[] a = img.clone(), b = img.clone(), c = img.clone();
      InputAugment.apply(a, g, new SplittableRandom(11), null);
      InputAugment.apply(b, g, new SplittableRandom(11), null);
      InputAugment.apply(c, g, new SplittableRandom(12), null);
      assertArrayEquals(a, b);
      assertFalse(java.util.Arrays.equals(a, c));
      assertFalse(java.util.Arrays.equals(a, img));
      for (float v : a) assertTrue(Float.isFinite(v));
    }
  }
}
