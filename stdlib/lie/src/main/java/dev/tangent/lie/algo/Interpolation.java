package dev.tangent.lie.algo;

import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.kernel.Mat;

/**
 * Interpolation between two elements A (s = 0) and B (s = 1), with Jacobians of the result with
 * respect to A and B (either may be null). Methods: SLERP, a ⊕ s (b ⊖ a); CUBIC, a C1 Hermite
 * curve with end velocities ta and tb (cumulative Bezier form; manif's own cubic has its ends
 * swapped, which its tests flag as faulty); CNSMOOTH, manif's CN-smooth curve (Jakubiak, Silva
 * Leite, Rodrigues) with a degree-m smoothing polynomial.
 */
public final class Interpolation {
  private Interpolation() {}

  public enum Method { SLERP, CUBIC, CNSMOOTH }

  /** out = interpolate(a, b, s); ta, tb are end velocities (null means zero) for CUBIC and CNSMOOTH. */
  public static void interpolate(LieGroup g, Method method, double[] a, double[] b, double s, double[] ta,
      double[] tb, int degree, double[] out, double[] J_out_a, double[] J_out_b) {
    if (!(s >= 0 && s <= 1)) throw new IllegalArgumentException("s must be in [0, 1], got " + s);
    double[] za = ta == null ? new double[g.dof] : ta;
    double[] zb = tb == null ? new double[g.dof] : tb;
    switch (method) {
      case SLERP: slerp(g, a, b, s, out, J_out_a, J_out_b); break;
      case CUBIC: cubic(g, a, b, s, za, zb, out, J_out_a, J_out_b); break;
      default: smooth(g, a, b, s, za, zb, degree, out, J_out_a, J_out_b); break;
    }
  }

  static void slerp(LieGroup g, double[] a, double[] b, double s, double[] out, double[] Ja, double[] Jb) {
    int d = g.dof;
    double[] tau = new double[d];
    double[] jTb = new double[d * d];
    double[] jTa = new double[d * d];
    g.rminus(b, 0, a, 0, tau, 0, jTb, 0, jTa, 0);
    for (int i = 0; i < d; i++) tau[i] *= s;
    double[] jPx = new double[d * d];
    double[] jPt = new double[d * d];
    g.rplus(a, 0, tau, 0, out, 0, jPx, 0, jPt, 0);
    if (Ja != null) {
      Mat.mul(jPt, 0, jTa, 0, Ja, 0, d, d, d);
      for (int i = 0; i < d * d; i++) Ja[i] = jPx[i] + s * Ja[i];
    }
    if (Jb != null) {
      Mat.mul(jPt, 0, jTb, 0, Jb, 0, d, d, d);
      Mat.scale(Jb, 0, d * d, s);
    }
  }

  /** X(s) = a Exp(b1 ta/3) Exp(b2 w) Exp(b3 tb/3), w = (b (+) -tb/3) (-) (a (+) ta/3). */
  static void cubic(LieGroup g, double[] a, double[] b, double s, double[] ta, double[] tb, double[] out,
      double[] Ja, double[] Jb) {
    int d = g.dof;
    int dd = d * d;
    double u = 1 - s;
    double b1 = 1 - u * u * u;
    double b2 = 3 * s * s - 2 * s * s * s;
    double b3 = s * s * s;
    double[] c1 = new double[g.rep];
    double[] c2 = new double[g.rep];
    double[] jc1a = new double[dd];
    double[] jc2b = new double[dd];
    g.rplus(a, 0, scaled(ta, 1.0 / 3), 0, c1, 0, jc1a, 0, null, 0);
    g.rplus(b, 0, scaled(tb, -1.0 / 3), 0, c2, 0, jc2b, 0, null, 0);
    double[] w = new double[d];
    double[] jwc2 = new double[dd];
    double[] jwc1 = new double[dd];
    g.rminus(c2, 0, c1, 0, w, 0, jwc2, 0, jwc1, 0);
    double[] a1 = new double[g.rep];
    double[] a2 = new double[g.rep];
    double[] j1a = new double[dd];
    double[] j21 = new double[dd];
    double[] j2w = new double[dd];
    double[] j32 = new double[dd];
    g.rplus(a, 0, scaled(ta, b1 / 3), 0, a1, 0, j1a, 0, null, 0);
    g.rplus(a1, 0, scaled(w, b2), 0, a2, 0, j21, 0, j2w, 0);
    g.rplus(a2, 0, scaled(tb, b3 / 3), 0, out, 0, j32, 0, null, 0);
    double[] t1 = new double[dd];
    double[] t2 = new double[dd];
    if (Ja != null) {
      // J_a = j32 (j21 j1a + b2 j2w jwc1 jc1a)
      Mat.mul(j21, 0, j1a, 0, t1, 0, d, d, d);
      Mat.mul(jwc1, 0, jc1a, 0, t2, 0, d, d, d);
      double[] t3 = new double[dd];
      Mat.mul(j2w, 0, t2, 0, t3, 0, d, d, d);
      for (int i = 0; i < dd; i++) t1[i] += b2 * t3[i];
      Mat.mul(j32, 0, t1, 0, Ja, 0, d, d, d);
    }
    if (Jb != null) {
      // J_b = j32 b2 j2w jwc2 jc2b
      Mat.mul(jwc2, 0, jc2b, 0, t1, 0, d, d, d);
      Mat.mul(j2w, 0, t1, 0, t2, 0, d, d, d);
      Mat.mul(j32, 0, t2, 0, Jb, 0, d, d, d);
      Mat.scale(Jb, 0, dd, b2);
    }
  }

  /** manif's interpolate_smooth: l = a (+) s ta, r = b (+) (s-1) tb, out = Exp(phi(s) Log(r l^-1)) l. */
  static void smooth(LieGroup g, double[] a, double[] b, double s, double[] ta, double[] tb, int degree,
      double[] out, double[] Ja, double[] Jb) {
    int d = g.dof;
    int dd = d * d;
    double phi = phi(s, degree);
    double[] l = new double[g.rep];
    double[] r = new double[g.rep];
    double[] jla = new double[dd];
    double[] jrb = new double[dd];
    g.rplus(a, 0, scaled(ta, s), 0, l, 0, jla, 0, null, 0);
    g.rplus(b, 0, scaled(tb, s - 1), 0, r, 0, jrb, 0, null, 0);
    double[] beta = new double[d];
    double[] jBr = new double[dd];
    double[] jBl = new double[dd];
    g.lminus(r, 0, l, 0, beta, 0, jBr, 0, jBl, 0);
    double[] jOl = new double[dd];
    double[] jOB = new double[dd];
    g.lplus(l, 0, scaled(beta, phi), 0, out, 0, jOl, 0, jOB, 0);
    double[] t1 = new double[dd];
    double[] t2 = new double[dd];
    if (Ja != null) {
      Mat.mul(jOB, 0, jBl, 0, t1, 0, d, d, d);
      for (int i = 0; i < dd; i++) t1[i] = jOl[i] + phi * t1[i];
      Mat.mul(t1, 0, jla, 0, Ja, 0, d, d, d);
    }
    if (Jb != null) {
      Mat.mul(jOB, 0, jBr, 0, t1, 0, d, d, d);
      Mat.mul(t1, 0, jrb, 0, t2, 0, d, d, d);
      for (int i = 0; i < dd; i++) Jb[i] = phi * t2[i];
    }
  }

  /** manif's smoothing polynomials phi_m(s), m = 1..4 (phi(0) = 0, phi(1) = 1, flat to order m). */
  public static double phi(double t, int degree) {
    double t2 = t * t;
    double t3 = t2 * t;
    double t4 = t3 * t;
    double t5 = t4 * t;
    switch (degree) {
      case 1: return 3 * t2 - 2 * t3;
      case 2: return 10 * t3 - 15 * t4 + 6 * t5;
      case 3: return 35 * t4 - 84 * t5 + 70 * t5 * t - 20 * t5 * t2;
      case 4: return 126 * t5 - 420 * t5 * t + 540 * t5 * t2 - 315 * t5 * t3 + 70 * t5 * t4;
      default: throw new IllegalArgumentException("the smoothing degree must be 1 to 4, got " + degree);
    }
  }

  static double[] scaled(double[] v, double s) {
    double[] o = new double[v.length];
    for (int i = 0; i < o.length; i++) o[i] = s * v[i];
    return o;
  }
}
