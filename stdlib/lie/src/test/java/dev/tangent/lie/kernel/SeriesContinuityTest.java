package dev.tangent.lie.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Taylor branches meet the closed forms at their thresholds to near machine precision, so a
 * wrong series term (manif's SE(3) B sign, its SGal(3) constants) cannot hide there.
 */
class SeriesContinuityTest {
  interface Coef {
    double at(double t, double t2, double sh, double ch);
  }

  static void continuous(String name, Coef f, double threshold) {
    double below = threshold * (1 - 1e-15);
    double above = threshold * (1 + 1e-15);
    double a = f.at(below, below * below, Math.sin(below / 2), Math.cos(below / 2));
    double b = f.at(above, above * above, Math.sin(above / 2), Math.cos(above / 2));
    assertEquals(b, a, 1e-12 * Math.abs(b), name + " jumps at its threshold");
  }

  @Test
  void so3Coefficients() {
    double thr = Rot3.SERIES_THETA;
    continuous("(1 - cos t)/t^2", Rot3::coefA, thr);
    continuous("(t - sin t)/t^3", Rot3::coefB, thr);
    continuous("(1 - t/2 cot(t/2))/t^2", Rot3::coefC, thr);
    continuous("(t^2 + 2 cos t - 2)/(2 t^4)", Rot3::coefQ2, Rot3.SERIES_HIGH);
    continuous("(2t - 3 sin t + t cos t)/(2 t^5)", Rot3::coefQ3, Rot3.SERIES_HIGH);
  }

  @Test
  void quaternionExpAcrossItsThreshold() {
    double[] below = new double[4];
    double[] above = new double[4];
    double t = Rot3.SERIES_THETA;
    Rot3.expQuat(t * (1 - 1e-15), 0, 0, below, 0);
    Rot3.expQuat(t * (1 + 1e-15), 0, 0, above, 0);
    for (int i = 0; i < 4; i++) assertEquals(above[i], below[i], 1e-14);
  }

  @Test
  void sgal3JacobianAcrossItsThreshold() {
    SplittableRandom rng = new SplittableRandom(3);
    double[] tau = new double[10];
    SGal3.G.randomTangent(rng, tau, 0);
    double[] lo = tau.clone();
    double[] hi = tau.clone();
    double n = Math.sqrt(tau[6] * tau[6] + tau[7] * tau[7] + tau[8] * tau[8]);
    for (int i = 6; i < 9; i++) {
      lo[i] = tau[i] / n * SGal3Tangent.SERIES_THETA * (1 - 1e-15);
      hi[i] = tau[i] / n * SGal3Tangent.SERIES_THETA * (1 + 1e-15);
    }
    double[] jl = new double[100];
    double[] jh = new double[100];
    SGal3.G.rjac(lo, 0, jl, 0);
    SGal3.G.rjac(hi, 0, jh, 0);
    for (int i = 0; i < 100; i++) assertEquals(jh[i], jl[i], 1e-12, "entry " + i);
  }
}
