package dev.tangent.lie.kernel;

/**
 * The tangent kernels of SGal(3). Tangent [rho(3), nu(3), theta(3), s]. The left Jacobian is
 * Kelly's closed form (arXiv 2312.07555, Eqs. 18-36) as arranged in manif, with Taylor series
 * through theta^8 for every coefficient below {@link #SERIES_THETA}; Jr(tau) = Jl(-tau).
 */
public final class SGal3Tangent {
  private SGal3Tangent() {}

  /** These coefficients cancel up to theta^6 in closed form: they switch with Q's. */
  public static final double SERIES_THETA = Rot3.SERIES_HIGH;
  private static final double SERIES_THETA2 = SERIES_THETA * SERIES_THETA;

  /** out = E(theta) u with E = 1/2 I + e1 W + e2 W^2. */
  static void applyE(double tx, double ty, double tz, double e1, double e2, double ux, double uy, double uz,
      double[] out) {
    double cx = ty * uz - tz * uy;
    double cy = tz * ux - tx * uz;
    double cz = tx * uy - ty * ux;
    out[0] = 0.5 * ux + e1 * cx + e2 * (ty * cz - tz * cy);
    out[1] = 0.5 * uy + e1 * cy + e2 * (tz * cx - tx * cz);
    out[2] = 0.5 * uz + e1 * cz + e2 * (tx * cy - ty * cx);
  }

  public static void exp(double[] tau, int to, double[] x, int xo, double[] J, int jo) {
    if (J != null) ljac(tau, to, -1, J, jo);
    double tx = tau[to + 6];
    double ty = tau[to + 7];
    double tz = tau[to + 8];
    double s = tau[to + 9];
    double t2 = tx * tx + ty * ty + tz * tz;
    double t = Math.sqrt(t2);
    double sh = Math.sin(0.5 * t);
    double ch = Math.cos(0.5 * t);
    double a = Rot3.coefA(t, t2, sh, ch);
    double b = Rot3.coefB(t, t2, sh, ch);
    double[] eu = new double[3];
    applyE(tx, ty, tz, b, Rot3.coefQ2(t, t2, sh, ch), s * tau[to + 3], s * tau[to + 4], s * tau[to + 5], eu);
    SE23Tangent.jlApply(tx, ty, tz, a, b, tau[to], tau[to + 1], tau[to + 2], x, xo);
    x[xo] += eu[0];
    x[xo + 1] += eu[1];
    x[xo + 2] += eu[2];
    SE23Tangent.jlApply(tx, ty, tz, a, b, tau[to + 3], tau[to + 4], tau[to + 5], x, xo + 7);
    SO3Tangent.quatFromHalfAngle(tx, ty, tz, t, t2, sh, ch, x, xo + 3);
    x[xo + 10] = s;
  }

  /** Jl(sign * tau) into a 10x10 matrix: sign = 1 gives Jl(tau), sign = -1 gives Jr(tau). */
  public static void ljac(double[] tau, int to, double sign, double[] J, int jo) {
    double rx = sign * tau[to];
    double ry = sign * tau[to + 1];
    double rz = sign * tau[to + 2];
    double nx = sign * tau[to + 3];
    double ny = sign * tau[to + 4];
    double nz = sign * tau[to + 5];
    double tx = sign * tau[to + 6];
    double ty = sign * tau[to + 7];
    double tz = sign * tau[to + 8];
    double s = sign * tau[to + 9];
    double t2 = tx * tx + ty * ty + tz * tz;
    double t = Math.sqrt(t2);
    double sh = Math.sin(0.5 * t);
    double ch = Math.cos(0.5 * t);
    double sin = Math.sin(t);
    double cos = Math.cos(t);
    double a = Rot3.coefA(t, t2, sh, ch);
    double b = Rot3.coefB(t, t2, sh, ch);
    double q2 = Rot3.coefQ2(t, t2, sh, ch);
    double q3 = Rot3.coefQ3(t, t2, sh, ch);
    boolean series = t2 < SERIES_THETA2;
    double t4 = t2 * t2;
    double t3 = t2 * t;
    double t5 = t4 * t;
    double t6 = t4 * t2;
    // L = 1/2 I + la W + lb W^2
    double la = series ? 1.0 / 3.0 + t2 * (-1.0 / 30.0 + t2 * (1.0 / 840.0 + t2 * (-1.0 / 45360.0 + t2 * (1.0 / 3991680.0 + t2 * (-1.0 / 518918400.0 + t2 * (1.0 / 93405312000.0))))))
        : (sin - t * cos) / t3;
    double lb = series ? 1.0 / 8.0 + t2 * (-1.0 / 144.0 + t2 * (1.0 / 5760.0 + t2 * (-1.0 / 403200.0 + t2 * (1.0 / 43545600.0 + t2 * (-1.0 / 6706022400.0 + t2 * (1.0 / 1394852659200.0))))))
        : (t2 + 2 * (1 - t * sin - cos)) / (2 * t4);
    // N2 coefficients
    double na = series ? 1.0 / 12.0 + t2 * (-1.0 / 180.0 + t2 * (1.0 / 6720.0 + t2 * (-1.0 / 453600.0 + t2 * (1.0 / 47900160.0 + t2 * (-1.0 / 7264857600.0 + t2 * (1.0 / 1494484992000.0))))))
        : (2 - t * sin - 2 * cos) / t4;
    double nb = series ? 1.0 / 40.0 + t2 * (-1.0 / 1008.0 + t2 * (1.0 / 51840.0 + t2 * (-1.0 / 4435200.0 + t2 * (1.0 / 566092800.0 + t2 * (-1.0 / 100590336000.0 + t2 * (1.0 / 23712495206400.0))))))
        : (t3 + 6 * t + 6 * t * cos - 12 * sin) / (6 * t5);
    double nc = series ? 1.0 / 60.0 + t2 * (-1.0 / 560.0 + t2 * (1.0 / 18144.0 + t2 * (-1.0 / 1140480.0 + t2 * (1.0 / 115315200.0 + t2 * (-1.0 / 16982784000.0 + t2 * (1.0 / 3420071424000.0))))))
        : (12 * sin - t3 - 3 * t2 * sin - 12 * t * cos) / (6 * t5);
    double nd = series ? 1.0 / 144.0 + t2 * (-1.0 / 2880.0 + t2 * (1.0 / 134400.0 + t2 * (-1.0 / 10886400.0 + t2 * (1.0 / 1341204480.0 + t2 * (-1.0 / 232475443200.0 + t2 * (1.0 / 53801459712000.0))))))
        : (4 + t2 * (1 + cos) - 4 * (t * sin + cos)) / (2 * t6);
    double ne = q2;
    double nf = series ? 1.0 / 120.0 + t2 * (-1.0 / 5040.0 + t2 * (1.0 / 362880.0 + t2 * (-1.0 / 39916800.0 + t2 * (1.0 / 6227020800.0 + t2 * (-1.0 / 1307674368000.0 + t2 * (1.0 / 355687428096000.0))))))
        : (t3 + 6 * (sin - t)) / (6 * t5);

    double[] w = new double[9];
    double[] ww = new double[9];
    double[] v = new double[9];
    Mat.skew3(tx, ty, tz, 1, w, 0, 3);
    Mat.mul3(w, 0, 3, w, 0, 3, 1, ww, 0, 3);
    Mat.skew3(nx, ny, nz, 1, v, 0, 3);

    Mat.zero(J, jo, 100);
    // D blocks
    Rot3.jac(tx, ty, tz, t2, a, b, -1, J, jo, 10);
    Mat.copy3(J, jo, 10, 1, J, jo + 33, 10);
    Mat.copy3(J, jo, 10, 1, J, jo + 66, 10);
    // -L s at (rho, nu)
    for (int k = 0; k < 9; k++) {
      int i = k / 3;
      int j = k % 3;
      J[jo + i * 10 + 3 + j] = -s * ((i == j ? 0.5 : 0) + la * w[k] + lb * ww[k]);
    }
    // E nu at (rho, s)
    double[] en = new double[3];
    applyE(tx, ty, tz, b, q2, nx, ny, nz, en);
    for (int i = 0; i < 3; i++) J[jo + i * 10 + 9] = en[i];
    // M = Q(nu, theta) at (nu, theta)
    Rot3.fillQ(nx, ny, nz, tx, ty, tz, t2, b, q2, q3, 1, J, jo + 36, 10);
    // N = Q(rho, theta) - N2 at (rho, theta)
    Rot3.fillQ(rx, ry, rz, tx, ty, tz, t2, b, q2, q3, 1, J, jo + 6, 10);
    double[] n2 = new double[9];
    double[] tmp = new double[9];
    double[] tmp2 = new double[9];
    // (na W + nb WW) V
    for (int k = 0; k < 9; k++) tmp[k] = na * w[k] + nb * ww[k];
    Mat.mul3(tmp, 0, 3, v, 0, 3, 1, n2, 0, 3);
    // + V (ne W + nf WW)
    for (int k = 0; k < 9; k++) tmp[k] = ne * w[k] + nf * ww[k];
    Mat.mul3(v, 0, 3, tmp, 0, 3, 1, tmp2, 0, 3);
    for (int k = 0; k < 9; k++) n2[k] += tmp2[k] + v[k] / 6;
    // + nc W V W + nd WW V W
    Mat.mul3(v, 0, 3, w, 0, 3, 1, tmp, 0, 3);
    Mat.mul3(w, 0, 3, tmp, 0, 3, nc, tmp2, 0, 3);
    for (int k = 0; k < 9; k++) n2[k] += tmp2[k];
    Mat.mul3(ww, 0, 3, tmp, 0, 3, nd, tmp2, 0, 3);
    for (int k = 0; k < 9; k++) n2[k] += tmp2[k];
    for (int k = 0; k < 9; k++) J[jo + (k / 3) * 10 + 6 + k % 3] -= s * n2[k];
    J[jo + 99] = 1;
  }

  /** ad = [[W, -s I, [rho]x, nu], [0, W, [nu]x, 0], [0, 0, W, 0], [0, 0, 0, 0]]. */
  public static void smallAdj(double[] tau, int to, double[] ad, int ado) {
    Mat.zero(ad, ado, 100);
    Mat.skew3(tau[to + 6], tau[to + 7], tau[to + 8], 1, ad, ado, 10);
    Mat.diag3(-tau[to + 9], ad, ado + 3, 10);
    Mat.skew3(tau[to], tau[to + 1], tau[to + 2], 1, ad, ado + 6, 10);
    for (int i = 0; i < 3; i++) ad[ado + i * 10 + 9] = tau[to + 3 + i];
    Mat.copy3(ad, ado, 10, 1, ad, ado + 33, 10);
    Mat.skew3(tau[to + 3], tau[to + 4], tau[to + 5], 1, ad, ado + 36, 10);
    Mat.copy3(ad, ado, 10, 1, ad, ado + 66, 10);
  }
}
