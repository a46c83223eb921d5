package dev.tangent.drdm.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.drdm.field.Deformation;
import dev.tangent.drdm.field.kernel.Grid;
import org.junit.jupiter.api.Test;

/**
 * Spec section 6, case 9: statistics of the forward fields against the authors' code measured on
 * CPU (spec section 2.3), with a modest number of samples; tolerances +-20 % on magnitudes and the
 * spec's bounds on the fold rate. The default mode's statistics do not depend on the image size.
 */
class ForwardStatisticsTest {
  record Stats(double mean, double max, double fold) {}

  /** Mean over samples of mean |u| and max |u| (voxels), and the pooled fold rate. */
  static Stats stats(int[] spatial, int t, int samples, boolean reference, long seed) {
    return stats(spatial, t, samples, reference ? ForwardSampler.Settings.authors() : ForwardSampler.Settings.defaults(), seed);
  }

  static Stats stats(int[] spatial, int t, int samples, ForwardSampler.Settings settings, long seed) {
    Grid g = Grid.of(spatial, "t");
    int[] ts = new int[samples];
    java.util.Arrays.fill(ts, t);
    ForwardSampler.Result r = ForwardSampler.sample(g, ts, new GaussianNoise(seed),
        settings, null);
    Deformation phi = Deformation.wrap(g, samples, true, r.ddf());
    double mean = 0, max = 0;
    int nd = g.nd, v = g.voxels;
    for (int b = 0; b < samples; b++) {
      double s = 0, m = 0;
      for (int i = 0; i < v; i++) {
        double q = 0;
        for (int k = 0; k < nd; k++) {
          double x = r.ddf()[b * nd * v + k * v + i];
          q += x * x;
        }
        s += Math.sqrt(q);
        m = Math.max(m, Math.sqrt(q));
      }
      mean += s / v / samples;
      max += m / samples;
    }
    return new Stats(mean, max, phi.foldRate(null));
  }

  static void near(double expected, double got, double rel, String what) {
    assertTrue(Math.abs(got - expected) <= rel * expected, what + ": " + got + " (expected " + expected + " +- " + (100 * rel) + " %)");
  }

  @Test void twoDimensionsAt128MatchTheCode() {
    Stats late = stats(new int[] {128, 128}, 79, 16, true, 1);
    near(12.6, late.mean(), 0.2, "mean |psi_79:1| (voxels)");
    near(31, late.max(), 0.2, "max |psi_79:1| (voxels)");
    assertTrue(late.fold() < 0.002, "fold rate at t = 79 under 0.2 %: " + late.fold());
    Stats mid = stats(new int[] {128, 128}, 40, 16, true, 2);
    near(6.0, mid.mean(), 0.2, "mean |psi_40:1| (voxels)");
    assertEquals(0.0, mid.fold(), "no folds at t = 40");
  }

  @Test void theCodeDoublesTheDeformationAt256AndTheDefaultDoesNot() {
    // spec: S = 256, t = 48, code as is: mean 11.4 % of S, about 15 % of voxels fold
    Stats ref = stats(new int[] {256, 256}, 48, 8, true, 3);
    near(0.114 * 256, ref.mean(), 0.2, "reference mean |psi_48:1|");
    near(0.15, ref.fold(), 0.5, "reference fold rate");
    Stats crop = stats(new int[] {256, 256}, 48, 8, new ForwardSampler.Settings(ForwardSampler.REFERENCE_SIGMA, ForwardSampler.NOISE_RATIO, false), 3);
    near(ref.mean() / 2, crop.mean(), 0.02, "the crop-rate scale halves the code's deformation at 256");
    Stats def = stats(new int[] {256, 256}, 48, 8, false, 3);
    assertTrue(def.fold() < 0.001, "and the default folds a hundred times less: " + def.fold());
  }

  @Test void threeDimensionsAt128MatchTheCode() {
    Stats late = stats(new int[] {128, 128, 128}, 79, 2, true, 4);
    near(12.5, late.mean(), 0.2, "3-D mean |psi_79:1| (voxels)");
    near(32.1, late.max(), 0.2, "3-D max |psi_79:1| (voxels)");
    assertTrue(late.fold() < 0.0005, "3-D fold rate under 0.05 %: " + late.fold());
  }

  @Test void theDefaultIsOverTenPercentAtEverySize() {
    for (int s : new int[] {64, 128, 256}) {
      Stats st = stats(new int[] {s, s}, 79, 24, false, 8);
      assertTrue(st.mean() / s > 0.10, s + ": mean |psi_79:1| over 10 % of the size: " + st.mean() / s);
      assertTrue(st.fold() < 0.01, s + ": under 1 % folds: " + st.fold());
    }
  }

  @Test void theDefaultIsTheSameFractionOfTheSizeAtEverySize() {
    Stats s64 = stats(new int[] {64, 64}, 79, 16, false, 5);
    Stats s256 = stats(new int[] {256, 256}, 79, 16, false, 5);
    // the same noise streams on the same control grid: only the resampling to the image differs
    near(s256.mean() / 256, s64.mean() / 64, 0.02, "mean |psi_79:1| / S");
    assertTrue(Math.abs(s64.fold() - s256.fold()) < 0.002, "fold rates " + s64.fold() + " and " + s256.fold());
  }
}
