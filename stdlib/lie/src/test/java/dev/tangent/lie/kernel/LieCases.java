package dev.tangent.lie.kernel;

import dev.tangent.lie.TestGroups;
import dev.tangent.lie.groups.GroupRegistry;
import dev.tangent.lie.value.GroupDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The data sets of the generic suite, for every group of {@link TestGroups#kernels()} (each
 * registered group, R(1), R(3) and a bundle): identity, near-identity (tangents scaled by 1e-8),
 * random elements, and near theta = pi (angles pi - 1e-6 and pi, and quaternions stored with
 * w &lt; 0). Where the angles and quaternions are comes from each group's descriptor.
 */
public final class LieCases {
  private LieCases() {}

  public static List<LieGroup> groups() {
    return TestGroups.kernels();
  }

  /** One data set: elements X, Y, tangents tau, sigma, a point p, and whether angles sit at pi. */
  public record Case(LieGroup g, String label, double[] x, double[] y, double[] tau, double[] sigma, double[] p,
      boolean atPi, boolean nearPi) {
    @Override public String toString() { return g.name() + " " + label; }
  }

  public static List<Case> all() {
    List<Case> out = new ArrayList<>();
    for (LieGroup g : groups()) out.addAll(forGroup(g));
    return out;
  }

  public static List<Case> forGroup(LieGroup g) {
    List<Case> out = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(g.name().hashCode());
    double[] e = new double[g.rep];
    g.identity(e, 0);
    double[] zero = new double[g.dof];
    out.add(new Case(g, "identity", e, e.clone(), zero, zero.clone(), point(g, rng), false, false));
    for (int k = 0; k < 2; k++) {
      double[] t1 = scaled(g, rng, 1e-8);
      double[] t2 = scaled(g, rng, 1e-8);
      out.add(new Case(g, "near-identity " + k, exp(g, t1), exp(g, t2), scaled(g, rng, 1e-8), scaled(g, rng, 1e-8),
          point(g, rng), false, false));
    }
    for (int k = 0; k < 4; k++) {
      double[] x = new double[g.rep];
      double[] y = new double[g.rep];
      g.random(rng, x, 0);
      g.random(rng, y, 0);
      double[] tau = new double[g.dof];
      double[] sigma = new double[g.dof];
      g.randomTangent(rng, tau, 0);
      g.randomTangent(rng, sigma, 0);
      out.add(new Case(g, "random " + k, x, y, tau, sigma, point(g, rng), false, false));
    }
    if (!angles(g).isEmpty()) {
      // inside the Taylor-series ranges (0.5 for A, B, C; 0.7 for Q and SGal(3))
      for (double angle : new double[] {0.1, 0.45, 0.6}) {
        double[] tau = withAngle(g, rng, angle);
        double[] sigma = withAngle(g, rng, angle);
        double[] x = exp(g, tau);
        double[] y = new double[g.rep];
        g.rplus(x, 0, sigma, 0, y, 0, null, 0, null, 0);
        out.add(new Case(g, "angle " + angle, x, y, tau, sigma, point(g, rng), false, false));
      }
      for (double angle : new double[] {Math.PI - 1e-6, Math.PI}) {
        boolean exact = angle == Math.PI;
        // X = Exp(tau) and Y = X (+) sigma, with tau and sigma at the angle: Log(X) and Y (-) X sit there
        double[] tau = withAngle(g, rng, angle);
        double[] sigma = withAngle(g, rng, angle);
        double[] x = exp(g, tau);
        double[] y = new double[g.rep];
        g.rplus(x, 0, sigma, 0, y, 0, null, 0, null, 0);
        String name = exact ? "pi" : "pi - 1e-6";
        out.add(new Case(g, "angle " + name, x, y, tau, sigma, point(g, rng), exact, !exact));
        // the same rotations stored with w < 0
        double[] xn = x.clone();
        double[] yn = y.clone();
        if (flipQuaternions(g, xn) && flipQuaternions(g, yn)) {
          out.add(new Case(g, "angle " + name + ", w < 0", xn, yn, tau, sigma, point(g, rng), exact, !exact));
        }
      }
      double[] x = new double[g.rep];
      double[] y = new double[g.rep];
      g.random(rng, x, 0);
      g.random(rng, y, 0);
      if (flipQuaternions(g, x) && flipQuaternions(g, y)) {
        double[] tau = new double[g.dof];
        double[] sigma = new double[g.dof];
        g.randomTangent(rng, tau, 0);
        g.randomTangent(rng, sigma, 0);
        out.add(new Case(g, "random, w < 0", x, y, tau, sigma, point(g, rng), false, false));
      }
    }
    return out;
  }

  static double[] exp(LieGroup g, double[] tau) {
    double[] x = new double[g.rep];
    g.exp(tau, 0, x, 0, null, 0);
    return x;
  }

  static double[] scaled(LieGroup g, SplittableRandom rng, double s) {
    double[] t = new double[g.dof];
    g.randomTangent(rng, t, 0);
    for (int i = 0; i < t.length; i++) t[i] *= s;
    return t;
  }

  static double[] point(LieGroup g, SplittableRandom rng) {
    double[] p = new double[g.dim];
    for (int i = 0; i < p.length; i++) p[i] = 4 * rng.nextDouble() - 2;
    return p;
  }

  /** The rotation parts of a tangent, {start, size} with size 1 (2D) or 3 (3D). */
  public static List<int[]> angles(LieGroup g) {
    return List.of(descriptor(g).angleBlocks());
  }

  public static GroupDescriptor descriptor(LieGroup g) {
    return GroupRegistry.of(g).descriptor;
  }

  /** A random tangent whose every rotation part has the given angle. */
  static double[] withAngle(LieGroup g, SplittableRandom rng, double angle) {
    double[] t = new double[g.dof];
    g.randomTangent(rng, t, 0);
    for (int[] a : angles(g)) {
      double n = 0;
      for (int i = 0; i < a[1]; i++) n += t[a[0] + i] * t[a[0] + i];
      n = Math.sqrt(n);
      for (int i = 0; i < a[1]; i++) t[a[0] + i] *= angle / n;
    }
    return t;
  }

  /** Negates the stored quaternions (the same rotations); false when the group has none. */
  static boolean flipQuaternions(LieGroup g, double[] x) {
    int[] qs = descriptor(g).quaternionOffsets();
    for (int q : qs) for (int i = 0; i < 4; i++) x[q + i] = -x[q + i];
    return qs.length > 0;
  }
}
