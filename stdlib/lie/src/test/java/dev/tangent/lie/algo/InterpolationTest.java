package dev.tangent.lie.algo;

import static dev.tangent.lie.kernel.Fd.assertClose;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tangent.lie.kernel.Fd;
import dev.tangent.lie.kernel.LieCases;
import dev.tangent.lie.kernel.LieGroup;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Interpolation on every group: end points, end velocities, and Jacobians by finite differences. */
class InterpolationTest {
  static Stream<Arguments> cases() {
    return LieCases.groups().stream().flatMap(g -> Stream.of(Interpolation.Method.values()).map(m -> Arguments.of(g, m)));
  }

  record Data(double[] a, double[] b, double[] ta, double[] tb) {}

  static Data data(LieGroup g, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] a = new double[g.rep];
    double[] b = new double[g.rep];
    g.random(rng, a, 0);
    // keep B within reach of A (B (-) A well inside the cut of Log)
    double[] d = new double[g.dof];
    g.randomTangent(rng, d, 0);
    for (int i = 0; i < d.length; i++) d[i] *= 0.5;
    g.rplus(a, 0, d, 0, b, 0, null, 0, null, 0);
    double[] ta = new double[g.dof];
    double[] tb = new double[g.dof];
    g.randomTangent(rng, ta, 0);
    g.randomTangent(rng, tb, 0);
    for (int i = 0; i < g.dof; i++) {
      ta[i] *= 0.3;
      tb[i] *= 0.3;
    }
    return new Data(a, b, ta, tb);
  }

  static double[] at(LieGroup g, Interpolation.Method m, Data d, double[] a, double[] b, double s, boolean tangents) {
    double[] out = new double[g.rep];
    Interpolation.interpolate(g, m, a, b, s, tangents ? d.ta() : null, tangents ? d.tb() : null, 3, out, null, null);
    return out;
  }

  @ParameterizedTest(name = "{0} {1}") @MethodSource("cases")
  void endPointsAreTheInputs(LieGroup g, Interpolation.Method m) {
    Data d = data(g, 11);
    for (boolean tangents : m == Interpolation.Method.SLERP ? new boolean[] {false} : new boolean[] {false, true}) {
      assertClose("s = 0", new double[g.dof], Fd.diff(g, at(g, m, d, d.a(), d.b(), 0, tangents), d.a()), 1e-12);
      assertClose("s = 1", new double[g.dof], Fd.diff(g, at(g, m, d, d.a(), d.b(), 1, tangents), d.b()), 1e-12);
    }
  }

  @ParameterizedTest(name = "{0} {1}") @MethodSource("cases")
  void sOutsideTheUnitIntervalIsRejected(LieGroup g, Interpolation.Method m) {
    Data d = data(g, 12);
    assertThrows(IllegalArgumentException.class, () -> at(g, m, d, d.a(), d.b(), 1.5, false));
    assertThrows(IllegalArgumentException.class, () -> at(g, m, d, d.a(), d.b(), -0.1, false));
  }

  @ParameterizedTest(name = "{0} {1}") @MethodSource("cases")
  void jacobiansMatchFiniteDifferences(LieGroup g, Interpolation.Method m) {
    Data d = data(g, 13);
    boolean tangents = m != Interpolation.Method.SLERP;
    for (double s : new double[] {0.0, 0.3, 0.7, 1.0}) {
      double[] ja = new double[g.dof * g.dof];
      double[] jb = new double[g.dof * g.dof];
      Interpolation.interpolate(g, m, d.a(), d.b(), s, tangents ? d.ta() : null, tangents ? d.tb() : null, 3,
          new double[g.rep], ja, jb);
      assertClose("J_a at s = " + s, Fd.jacobian(g, d.a(), g, u -> at(g, m, d, u, d.b(), s, tangents), Fd.H), ja, 1e-6);
      assertClose("J_b at s = " + s, Fd.jacobian(g, d.b(), g, u -> at(g, m, d, d.a(), u, s, tangents), Fd.H), jb, 1e-6);
    }
  }

  /** The cubic curve leaves A with body velocity ta and reaches B with body velocity tb. */
  @ParameterizedTest(name = "{0}") @MethodSource("groups")
  void cubicHasTheGivenEndVelocities(LieGroup g) {
    Data d = data(g, 14);
    double h = 1e-6;
    Interpolation.Method m = Interpolation.Method.CUBIC;
    double[] v0 = Fd.diff(g, at(g, m, d, d.a(), d.b(), h, true), d.a());
    double[] v1 = Fd.diff(g, d.b(), at(g, m, d, d.a(), d.b(), 1 - h, true));
    for (int i = 0; i < g.dof; i++) {
      v0[i] /= h;
      v1[i] /= h;
    }
    assertClose("velocity at A", d.ta(), v0, 1e-5);
    assertClose("velocity at B", d.tb(), v1, 1e-5);
  }

  static List<LieGroup> groups() {
    return LieCases.groups();
  }
}
