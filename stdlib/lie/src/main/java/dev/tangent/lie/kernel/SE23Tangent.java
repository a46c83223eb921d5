package dev.tangent.lie.kernel;

/**
 * The tangent kernels of SE_2(3), static. Tangent [rho, theta, nu]; the Jacobians follow the
 * SE(3) pattern with a second Q block for nu: Jr = [[Jr, Q(-rho,-theta), 0], [0, Jr, 0],
 * [0, Q(-nu,-theta), Jr]].
 */
public final class SE23Tangent {
  private SE23Tangent() {}

  /** out = Jl^-1(theta) u = u - 1/2 theta x u + c theta x (theta x u). */
  static void jlInvApply(double tx, double ty, double tz, double c, double ux, double uy, double uz,
      double[] out, int oo) {
    double cx = ty * uz - tz * uy;
    double cy = tz * ux - tx * uz;
    double cz = tx * uy - ty * ux;
    out[oo] = ux - 0.5 * cx + c * (ty * cz - tz * cy);
    out[oo + 1] = uy - 0.5 * cy + c * (tz * cx - tx * cz);
    out[oo + 2] = uz - 0.5 * cz + c * (tx * cy - ty * cx);
  }

  /** out = Jl(theta) u = u + a theta x u + b theta x (theta x u). */
  static void jlApply(double tx, double ty, double tz, double a, double b, double ux, double uy, double uz,
      double[] out, int oo) {
    double cx = ty * uz - tz * uy;
    double cy = tz * ux - tx * uz;
    double cz = tx * uy - ty * ux;
    out[oo] = ux + a * cx + b * (ty * cz - tz * cy);
    out[oo + 1] = uy + a * cy + b * (tz * cx - tx * cz);
    out[oo + 2] = uz + a * cz + b * (tx * cy - ty * cx);
  }

  public static void exp(double[] tau, int to, double[] x, int xo, double[] J, int jo) {
    double rx = tau[to];
    double ry = tau[to + 1];
    double rz = tau[to + 2];
    double tx = tau[to + 3];
    double ty = tau[to + 4];
    double tz = tau[to + 5];
    double nx = tau[to + 6];
    double ny = tau[to + 7];
    double nz = tau[to + 8];
    double t2 = tx * tx + ty * ty + tz * tz;
    double t = Math.sqrt(t2);
    double sh = Math.sin(0.5 * t);
    double ch = Math.cos(0.5 * t);
    double a = Rot3.coefA(t, t2, sh, ch);
    double b = Rot3.coefB(t, t2, sh, ch);
    if (J != null) jac(rx, ry, rz, tx, ty, tz, nx, ny, nz, t, t2, sh, ch, 1, J, jo);
    SO3Tangent.quatFromHalfAngle(tx, ty, tz, t, t2, sh, ch, x, xo + 3);
    jlApply(tx, ty, tz, a, b, rx, ry, rz, x, xo);
    jlApply(tx, ty, tz, a, b, nx, ny, nz, x, xo + 7);
  }

  /** Jr(tau) (s = 1) or Jl(tau) (s = -1), 9x9. */
  public static void jac(double[] tau, int to, double s, double[] J, int jo) {
    double tx = tau[to + 3];
    double ty = tau[to + 4];
    double tz = tau[to + 5];
    double t2 = tx * tx + ty * ty + tz * tz;
    double t = Math.sqrt(t2);
    jac(tau[to], tau[to + 1], tau[to + 2], tx, ty, tz, tau[to + 6], tau[to + 7], tau[to + 8], t, t2,
        Math.sin(0.5 * t), Math.cos(0.5 * t), s, J, jo);
  }

  static void jac(double rx, double ry, double rz, double tx, double ty, double tz, double nx, double ny, double nz,
      double t, double t2, double sh, double ch, double s, double[] J, int jo) {
    Mat.zero(J, jo, 81);
    double a = Rot3.coefA(t, t2, sh, ch);
    double b = Rot3.coefB(t, t2, sh, ch);
    SE3Tangent.jacBlocks(rx, ry, rz, tx, ty, tz, t, t2, sh, ch, a, b, s, J, jo, 9);
    Mat.copy3(J, jo, 9, 1, J, jo + 60, 9);
    Rot3.fillQ(-s * nx, -s * ny, -s * nz, -s * tx, -s * ty, -s * tz, t2, b,
        Rot3.coefQ2(t, t2, sh, ch), Rot3.coefQ3(t, t2, sh, ch), 1, J, jo + 57, 9);
  }

  /** Jr^-1(tau) (s = 1) or Jl^-1(tau) (s = -1), 9x9, in closed form. */
  public static void jacInv(double[] tau, int to, double s, double[] J, int jo) {
    double tx = tau[to + 3];
    double ty = tau[to + 4];
    double tz = tau[to + 5];
    double t2 = tx * tx + ty * ty + tz * tz;
    double t = Math.sqrt(t2);
    jacInv(tau, to, t, t2, Math.sin(0.5 * t), Math.cos(0.5 * t), s, J, jo);
  }

  static void jacInv(double[] tau, int to, double t, double t2, double sh, double ch, double s, double[] J, int jo) {
    double tx = tau[to + 3];
    double ty = tau[to + 4];
    double tz = tau[to + 5];
    Mat.zero(J, jo, 81);
    SE3Tangent.jacInv(tau[to], tau[to + 1], tau[to + 2], tx, ty, tz, t, t2, sh, ch, s, J, jo, 9);
    Mat.copy3(J, jo, 9, 1, J, jo + 60, 9);
    // rows of nu: [0, -A Q(nu) A, A]; the (nu, rho) block is scratch
    int tmp = jo + 54;
    Rot3.fillQ(-s * tau[to + 6], -s * tau[to + 7], -s * tau[to + 8], -s * tx, -s * ty, -s * tz, t2,
        Rot3.coefB(t, t2, sh, ch), Rot3.coefQ2(t, t2, sh, ch), Rot3.coefQ3(t, t2, sh, ch), 1, J, tmp, 9);
    SE3Tangent.negSandwich(J, jo, tmp, jo + 57, 9);
  }
}
