package dev.tangent.lie.kernel;

/**
 * The tangent kernels of SE(3), static and allocation-free. Tangent [rho(3), theta(3)];
 * Jacobians are 6x6 blocks with row stride {@code ld} (6 for SE3, larger when SE_2_3 reuses them).
 */
public final class SE3Tangent {
  private SE3Tangent() {}

  /** X = Exp(tau) at x[xo..xo+6]; J = Jr(tau) (6x6) unless null. */
  public static void exp(double[] tau, int to, double[] x, int xo, double[] J, int jo) {
    double rx = tau[to];
    double ry = tau[to + 1];
    double rz = tau[to + 2];
    double tx = tau[to + 3];
    double ty = tau[to + 4];
    double tz = tau[to + 5];
    double t2 = tx * tx + ty * ty + tz * tz;
    double t = Math.sqrt(t2);
    double sh = Math.sin(0.5 * t);
    double ch = Math.cos(0.5 * t);
    double a = Rot3.coefA(t, t2, sh, ch);
    double b = Rot3.coefB(t, t2, sh, ch);
    // p = Jl(theta) rho = rho + a theta x rho + b theta x (theta x rho)
    double cx = ty * rz - tz * ry;
    double cy = tz * rx - tx * rz;
    double cz = tx * ry - ty * rx;
    double px = rx + a * cx + b * (ty * cz - tz * cy);
    double py = ry + a * cy + b * (tz * cx - tx * cz);
    double pz = rz + a * cz + b * (tx * cy - ty * cx);
    SO3Tangent.quatFromHalfAngle(tx, ty, tz, t, t2, sh, ch, x, xo + 3);
    x[xo] = px;
    x[xo + 1] = py;
    x[xo + 2] = pz;
    if (J != null) {
      jacBlocks(rx, ry, rz, tx, ty, tz, t, t2, sh, ch, a, b, 1, J, jo, 6);
    }
  }

  /** Jr(tau) (s = 1) or Jl(tau) (s = -1), 6x6 with row stride 6. */
  public static void jac(double[] tau, int to, double s, double[] J, int jo) {
    double tx = tau[to + 3];
    double ty = tau[to + 4];
    double tz = tau[to + 5];
    double t2 = tx * tx + ty * ty + tz * tz;
    double t = Math.sqrt(t2);
    double sh = Math.sin(0.5 * t);
    double ch = Math.cos(0.5 * t);
    jacBlocks(tau[to], tau[to + 1], tau[to + 2], tx, ty, tz, t, t2, sh, ch,
        Rot3.coefA(t, t2, sh, ch), Rot3.coefB(t, t2, sh, ch), s, J, jo, 6);
  }

  /**
   * [[J(theta), Q], [0, J(theta)]] into a 6x6 block with row stride ld: s = 1 gives Jr(tau) with
   * Q = Q(-rho, -theta), s = -1 gives Jl(tau) with Q = Q(rho, theta).
   */
  static void jacBlocks(double rx, double ry, double rz, double tx, double ty, double tz, double t, double t2,
      double sh, double ch, double a, double b, double s, double[] J, int jo, int ld) {
    Rot3.jac(tx, ty, tz, t2, a, b, s, J, jo, ld);
    Mat.copy3(J, jo, ld, 1, J, jo + 3 * ld + 3, ld);
    Mat.zero3(J, jo + 3 * ld, ld);
    Rot3.fillQ(-s * rx, -s * ry, -s * rz, -s * tx, -s * ty, -s * tz, t2,
        b, Rot3.coefQ2(t, t2, sh, ch), Rot3.coefQ3(t, t2, sh, ch), 1, J, jo + 3, ld);
  }

  /** Jr^-1(tau) (s = 1) or Jl^-1(tau) (s = -1), 6x6 with row stride 6. */
  public static void jacInv(double[] tau, int to, double s, double[] J, int jo) {
    double tx = tau[to + 3];
    double ty = tau[to + 4];
    double tz = tau[to + 5];
    double t2 = tx * tx + ty * ty + tz * tz;
    double t = Math.sqrt(t2);
    double sh = Math.sin(0.5 * t);
    double ch = Math.cos(0.5 * t);
    jacInv(tau[to], tau[to + 1], tau[to + 2], tx, ty, tz, t, t2, sh, ch, s, J, jo, 6);
  }

  /**
   * [[A, -A Q A], [0, A]] with A = J(theta)^-1 into a 6x6 block with row stride ld; Q as in
   * {@link #jacBlocks}. The lower-left block serves as scratch before it is zeroed.
   */
  static void jacInv(double rx, double ry, double rz, double tx, double ty, double tz, double t, double t2,
      double sh, double ch, double s, double[] J, int jo, int ld) {
    jacInv(rx, ry, rz, tx, ty, tz, t2, Rot3.coefC(t, t2, sh, ch), Rot3.coefB(t, t2, sh, ch),
        Rot3.coefQ2(t, t2, sh, ch), Rot3.coefQ3(t, t2, sh, ch), s, J, jo, ld);
  }

  /**
   * Jr^-1(tau) into jr and Jl^-1(tau) into jl (6x6, row stride 6; either may be null), sharing the
   * coefficients: what rminus needs at one tangent.
   */
  static void jacInvPair(double rx, double ry, double rz, double tx, double ty, double tz, double t, double t2,
      double sh, double ch, double[] jr, int jro, double[] jl, int jlo) {
    double c = Rot3.coefC(t, t2, sh, ch);
    double b = Rot3.coefB(t, t2, sh, ch);
    double q2 = Rot3.coefQ2(t, t2, sh, ch);
    double q3 = Rot3.coefQ3(t, t2, sh, ch);
    if (jr != null) jacInv(rx, ry, rz, tx, ty, tz, t2, c, b, q2, q3, 1, jr, jro, 6);
    if (jl != null) jacInv(rx, ry, rz, tx, ty, tz, t2, c, b, q2, q3, -1, jl, jlo, 6);
  }

  /** The same with the coefficients given: c of J(theta)^-1 and b, q2, q3 of Q. */
  private static void jacInv(double rx, double ry, double rz, double tx, double ty, double tz, double t2,
      double c, double b, double q2, double q3, double s, double[] J, int jo, int ld) {
    Rot3.jacInv(tx, ty, tz, t2, c, s, J, jo, ld);
    Mat.copy3(J, jo, ld, 1, J, jo + 3 * ld + 3, ld);
    int low = jo + 3 * ld;
    Rot3.fillQ(-s * rx, -s * ry, -s * rz, -s * tx, -s * ty, -s * tz, t2, b, q2, q3, 1, J, low, ld);
    negSandwich(J, jo, low, jo + 3, ld);
  }

  /**
   * out = -A Q A for 3x3 blocks, where the Q block is scratch and ends zeroed (A, Q and out are
   * distinct blocks of the same matrix).
   */
  static void negSandwich(double[] J, int a, int q, int out, int ld) {
    Mat.mul3(J, a, ld, J, q, ld, 1, J, out, ld);
    Mat.copy3(J, out, ld, 1, J, q, ld);
    Mat.mul3(J, q, ld, J, a, ld, -1, J, out, ld);
    Mat.zero3(J, q, ld);
  }

  public static void hat(double[] tau, int to, double[] m, int mo) {
    Mat.skew3(tau[to + 3], tau[to + 4], tau[to + 5], 1, m, mo, 4);
    m[mo + 3] = tau[to];
    m[mo + 7] = tau[to + 1];
    m[mo + 11] = tau[to + 2];
    m[mo + 12] = 0;
    m[mo + 13] = 0;
    m[mo + 14] = 0;
    m[mo + 15] = 0;
  }

  /** ad_tau = [[W, V], [0, W]] with W = [theta]x, V = [rho]x. */
  public static void smallAdj(double[] tau, int to, double[] ad, int ado) {
    Mat.skew3(tau[to + 3], tau[to + 4], tau[to + 5], 1, ad, ado, 6);
    Mat.skew3(tau[to], tau[to + 1], tau[to + 2], 1, ad, ado + 3, 6);
    Mat.zero3(ad, ado + 18, 6);
    Mat.copy3(ad, ado, 6, 1, ad, ado + 21, 6);
  }
}
