package dev.tangent.lie.algo;

import static dev.tangent.lie.kernel.Fd.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.lie.kernel.Fd;
import dev.tangent.lie.kernel.LieCases;
import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.kernel.SE2;
import dev.tangent.lie.kernel.SO2;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Means: the published reference values, order invariance, and each method's optimality condition. */
class AveragesTest {
  static double[] se2(double x, double y, double t) {
    return new double[] {x, y, Math.cos(t), Math.sin(t)};
  }

  static List<double[]> manifSe2Points() {
    double s = Math.sqrt(2) / 2;
    return List.of(se2(-s, s, Math.PI / 4), se2(Math.sqrt(2), 0, 0), se2(-s, -s, -Math.PI / 4));
  }

  /** lie.md 2.7: x = 0.2170972625 is the iterate after 3 bi-invariant updates (what manif's example prints as 0.2171). */
  @Test
  void se2BiinvariantReferenceAfterThreeIterations() {
    Averages.Result r = Averages.average(SE2.G, manifSe2Points(), Averages.Method.BIINVARIANT, 0, 3);
    assertEquals(0.2170972625, r.mean()[0], 1e-10);
    assertEquals(0, r.mean()[1], 1e-12);
    assertEquals(0, Math.atan2(r.mean()[3], r.mean()[2]), 1e-12);
  }

  /** Run to convergence, the mean is the fixed point computed independently with scipy expm/logm. */
  @Test
  void se2BiinvariantConvergedMean() {
    Averages.Result r = Averages.average(SE2.G, manifSe2Points(), Averages.Method.BIINVARIANT, 1e-14, 50);
    assertTrue(r.converged());
    assertEquals(0.21712347494557602, r.mean()[0], 1e-12);
  }

  @Test
  void so2MeanOfFourAngles() {
    List<double[]> xs = new ArrayList<>();
    for (double a : new double[] {Math.PI / 4, 3 * Math.PI / 8, 5 * Math.PI / 8, 3 * Math.PI / 4}) {
      xs.add(new double[] {Math.cos(a), Math.sin(a)});
    }
    for (Averages.Method m : Averages.Method.values()) {
      double[] mean = Averages.average(SO2.G, xs, m, 1e-14, 50).mean();
      assertEquals(Math.PI / 2, Math.atan2(mean[1], mean[0]), 1e-12, m.name());
    }
  }

  static Stream<Arguments> cases() {
    return LieCases.groups().stream().flatMap(g -> Stream.of(Averages.Method.values()).map(m -> Arguments.of(g, m)));
  }

  /** 15 points around a centroid with 0.25-scale noise (manif's test), averaged in 20 orders. */
  static List<double[]> cloud(LieGroup g) {
    SplittableRandom rng = new SplittableRandom(5);
    double[] center = new double[g.rep];
    g.random(rng, center, 0);
    List<double[]> xs = new ArrayList<>();
    double[] t = new double[g.dof];
    for (int i = 0; i < 15; i++) {
      g.randomTangent(rng, t, 0);
      for (int k = 0; k < t.length; k++) t[k] *= 0.25;
      double[] x = new double[g.rep];
      g.rplus(center, 0, t, 0, x, 0, null, 0, null, 0);
      xs.add(x);
    }
    return xs;
  }

  @ParameterizedTest(name = "{0} {1}") @MethodSource("cases")
  void meanDoesNotDependOnTheOrder(LieGroup g, Averages.Method m) {
    List<double[]> xs = cloud(g);
    Averages.Result first = Averages.average(g, xs, m, 1e-13, 100);
    assertTrue(first.converged(), "converged");
    Random shuffle = new Random(9);
    for (int k = 0; k < 20; k++) {
      List<double[]> ys = new ArrayList<>(xs);
      Collections.shuffle(ys, shuffle);
      double[] mean = Averages.average(g, ys, m, 1e-13, 100).mean();
      assertClose("shuffle " + k, new double[g.dof], Fd.diff(g, mean, first.mean()), 1e-9);
    }
  }

  /** Each mean zeroes the gradient of its own cost, checked with residuals computed from scratch. */
  @ParameterizedTest(name = "{0} {1}") @MethodSource("cases")
  void meanSatisfiesItsOptimalityCondition(LieGroup g, Averages.Method m) {
    List<double[]> xs = cloud(g);
    double[] mean = Averages.average(g, xs, m, 1e-14, 100).mean();
    int d = g.dof;
    double[] grad = new double[d];
    double[] tau = new double[d];
    double[] j = new double[d * d];
    for (double[] x : xs) {
      switch (m) {
        case BIINVARIANT:
          g.rminus(x, 0, mean, 0, tau, 0, null, 0, null, 0);
          for (int i = 0; i < d; i++) grad[i] += tau[i];
          break;
        case JR_WEIGHTED:
          g.rminus(x, 0, mean, 0, tau, 0, null, 0, null, 0);
          g.rjac(tau, 0, j, 0);
          addJtJv(j, tau, grad, d);
          break;
        case FRECHET_LEFT:
          // d/dX sum |Log(X^-1 X_i)|^2 = -2 sum Jl^-1(tau_i)^T tau_i
          g.rminus(x, 0, mean, 0, tau, 0, null, 0, null, 0);
          g.ljacinv(tau, 0, j, 0);
          addJtv(j, tau, grad, d);
          break;
        default:
          // d/dX sum |Log(X_i X^-1)|^2 = -2 sum (Jr^-1(tau_i) Ad_X)^T tau_i
          g.lminus(x, 0, mean, 0, tau, 0, j, 0, null, 0);
          addJtv(j, tau, grad, d);
          break;
      }
    }
    assertClose("gradient", new double[d], grad, 1e-10);
  }

  static void addJtv(double[] j, double[] v, double[] out, int d) {
    for (int i = 0; i < d; i++) for (int r = 0; r < d; r++) out[i] += j[r * d + i] * v[r];
  }

  static void addJtJv(double[] j, double[] v, double[] out, int d) {
    double[] jv = new double[d];
    for (int r = 0; r < d; r++) for (int k = 0; k < d; k++) jv[r] += j[r * d + k] * v[k];
    addJtv(j, jv, out, d);
  }
}
