package dev.tangent.lie.algo;

import static dev.tangent.lie.kernel.Fd.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tangent.lie.kernel.Fd;
import dev.tangent.lie.kernel.LieCases;
import dev.tangent.lie.kernel.LieGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bezier curves by De Casteljau: end points, the two-point case, sampling. */
class CurvesTest {
  static List<LieGroup> groups() {
    return LieCases.groups();
  }

  static List<double[]> points(LieGroup g, int n) {
    SplittableRandom rng = new SplittableRandom(21);
    List<double[]> out = new ArrayList<>();
    double[] x = new double[g.rep];
    g.random(rng, x, 0);
    double[] t = new double[g.dof];
    for (int i = 0; i < n; i++) {
      g.randomTangent(rng, t, 0);
      for (int k = 0; k < t.length; k++) t[k] *= 0.4;
      double[] y = new double[g.rep];
      g.rplus(x, 0, t, 0, y, 0, null, 0, null, 0);
      out.add(y);
      x = y;
    }
    return out;
  }

  @ParameterizedTest(name = "{0}") @MethodSource("groups")
  void bezierStartsAndEndsAtTheEndControlPoints(LieGroup g) {
    List<double[]> p = points(g, 4);
    assertClose("s = 0", new double[g.dof], Fd.diff(g, Curves.bezier(g, p, 0), p.get(0)), 1e-12);
    assertClose("s = 1", new double[g.dof], Fd.diff(g, Curves.bezier(g, p, 1), p.get(3)), 1e-12);
  }

  @ParameterizedTest(name = "{0}") @MethodSource("groups")
  void twoPointBezierIsSlerp(LieGroup g) {
    List<double[]> p = points(g, 2);
    double[] slerp = new double[g.rep];
    Interpolation.interpolate(g, Interpolation.Method.SLERP, p.get(0), p.get(1), 0.3, null, null, 3, slerp, null, null);
    assertClose("bezier = slerp", new double[g.dof], Fd.diff(g, Curves.bezier(g, p, 0.3), slerp), 1e-12);
  }

  @ParameterizedTest(name = "{0}") @MethodSource("groups")
  void decasteljauSamples(LieGroup g) {
    List<double[]> p = points(g, 5);
    List<double[]> whole = Curves.decasteljau(g, p, 7, 0);
    assertEquals(7, whole.size());
    assertClose("first", new double[g.dof], Fd.diff(g, whole.get(0), p.get(0)), 1e-12);
    assertClose("middle", new double[g.dof], Fd.diff(g, whole.get(3), Curves.bezier(g, p, 0.5)), 1e-12);
    List<double[]> pieces = Curves.decasteljau(g, p, 4, 3);
    // segments [0,1,2] and [2,3,4], each sampled at 4 points after the first point
    assertEquals(1 + 2 * 4, pieces.size());
    assertClose("end of segment 1", new double[g.dof], Fd.diff(g, pieces.get(4), p.get(2)), 1e-12);
    assertClose("last", new double[g.dof], Fd.diff(g, pieces.get(8), p.get(4)), 1e-12);
  }
}
