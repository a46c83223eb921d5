package dev.tangent.lie.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.UnaryOperator;

/**
 * Central finite differences on manifolds, as manif's tests measure Jacobians: element inputs are
 * perturbed with X (+) h e_i, vector inputs additively; element outputs are measured with
 * (-) against f(X), vector outputs by subtraction.
 */
public final class Fd {
  private Fd() {}

  public static final double H = 1e-5;

  /**
   * The numerical Jacobian of f at u. {@code in} is the input's group (null for a vector input of
   * u.length), {@code out} the output's group (null for a vector output).
   */
  public static double[] jacobian(LieGroup in, double[] u, LieGroup out, UnaryOperator<double[]> f, double h) {
    int n = in == null ? u.length : in.dof;
    double[] f0 = f.apply(u);
    int m = out == null ? f0.length : out.dof;
    double[] jac = new double[m * n];
    for (int i = 0; i < n; i++) {
      double[] fp = f.apply(perturb(in, u, i, h));
      double[] fm = f.apply(perturb(in, u, i, -h));
      double[] dp = diff(out, fp, f0);
      double[] dm = diff(out, fm, f0);
      for (int r = 0; r < m; r++) jac[r * n + i] = (dp[r] - dm[r]) / (2 * h);
    }
    return jac;
  }

  static double[] perturb(LieGroup g, double[] u, int i, double h) {
    if (g == null) {
      double[] v = u.clone();
      v[i] += h;
      return v;
    }
    double[] d = new double[g.dof];
    d[i] = h;
    double[] v = new double[g.rep];
    g.rplus(u, 0, d, 0, v, 0, null, 0, null, 0);
    return v;
  }

  public static double[] diff(LieGroup g, double[] a, double[] b) {
    if (g == null) {
      double[] d = new double[a.length];
      for (int i = 0; i < d.length; i++) d[i] = a[i] - b[i];
      return d;
    }
    double[] d = new double[g.dof];
    g.rminus(a, 0, b, 0, d, 0, null, 0, null, 0);
    return d;
  }

  public static void assertClose(String what, double[] expected, double[] actual, double tol) {
    if (expected.length != actual.length) fail(what + ": sizes " + expected.length + " and " + actual.length);
    double worst = 0;
    int at = -1;
    for (int i = 0; i < expected.length; i++) {
      double d = Math.abs(expected[i] - actual[i]);
      if (!(d <= worst)) {
        worst = d;
        at = i;
      }
    }
    if (!(worst <= tol)) {
      fail(what + ": differs by " + worst + " at index " + at + " (expected " + expected[at] + ", got "
          + actual[at] + ")\n expected " + java.util.Arrays.toString(expected) + "\n actual   "
          + java.util.Arrays.toString(actual));
    }
  }
}
