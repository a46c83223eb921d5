package dev.tangent.lie.kernel;

import java.util.SplittableRandom;

/**
 * SE_2(3), the extended poses (manif's SE_2_3): storage [x, y, z, qx, qy, qz, qw, vx, vy, vz]
 * (position, Hamilton quaternion, velocity), tangent [rho(3), theta(3), nu(3)], Jacobians 9x9,
 * matrix form [[R, p, v], [0, 1, 0], [0, 0, 1]]. Element outputs may alias inputs.
 */
public final class SE23 extends LieGroup {
  public static final SE23 G = new SE23();

  private SE23() {
    super(9, 3, 10, 5);
  }

  @Override public String name() { return "SE_2_3"; }

  @Override public void identity(double[] x, int xo) {
    java.util.Arrays.fill(x, xo, xo + 10, 0);
    x[xo + 6] = 1;
  }

  /** s Ad = s [[R, [p]x R, 0], [0, R, 0], [0, [v]x R, R]] into a 9x9 matrix. */
  static void adjoint(double px, double py, double pz, double qx, double qy, double qz, double qw,
      double vx, double vy, double vz, double s, double[] d, int o) {
    Mat.zero(d, o, 81);
    Rot3.toMatrix(qx, qy, qz, qw, s, d, o, 9);
    Mat.skewMul3(px, py, pz, d, o, 9, 1, d, o + 3, 9);
    Mat.copy3(d, o, 9, 1, d, o + 30, 9);
    Mat.skewMul3(vx, vy, vz, d, o, 9, 1, d, o + 57, 9);
    Mat.copy3(d, o, 9, 1, d, o + 60, 9);
  }

  @Override public void inverse(double[] x, int xo, double[] out, int oo, double[] J, int jo) {
    double px = x[xo];
    double py = x[xo + 1];
    double pz = x[xo + 2];
    double qx = x[xo + 3];
    double qy = x[xo + 4];
    double qz = x[xo + 5];
    double qw = x[xo + 6];
    double vx = x[xo + 7];
    double vy = x[xo + 8];
    double vz = x[xo + 9];
    if (J != null) adjoint(px, py, pz, qx, qy, qz, qw, vx, vy, vz, -1, J, jo);
    Rot3.rotate(-qx, -qy, -qz, qw, -px, -py, -pz, out, oo);
    Rot3.rotate(-qx, -qy, -qz, qw, -vx, -vy, -vz, out, oo + 7);
    out[oo + 3] = -qx;
    out[oo + 4] = -qy;
    out[oo + 5] = -qz;
    out[oo + 6] = qw;
  }

  @Override public void compose(double[] a, int ao, double[] b, int bo, double[] out, int oo,
      double[] Ja, int jao, double[] Jb, int jbo) {
    if (Ja != null) {
      double[] inv = new double[10];
      inverse(b, bo, inv, 0, null, 0);
      adjoint(inv[0], inv[1], inv[2], inv[3], inv[4], inv[5], inv[6], inv[7], inv[8], inv[9], 1, Ja, jao);
    }
    if (Jb != null) Mat.identity(Jb, jbo, 9);
    double aqx = a[ao + 3];
    double aqy = a[ao + 4];
    double aqz = a[ao + 5];
    double aqw = a[ao + 6];
    double bqx = b[bo + 3];
    double bqy = b[bo + 4];
    double bqz = b[bo + 5];
    double bqw = b[bo + 6];
    double ax = a[ao];
    double ay = a[ao + 1];
    double az = a[ao + 2];
    double avx = a[ao + 7];
    double avy = a[ao + 8];
    double avz = a[ao + 9];
    double bx = b[bo];
    double by = b[bo + 1];
    double bz = b[bo + 2];
    double bvx = b[bo + 7];
    double bvy = b[bo + 8];
    double bvz = b[bo + 9];
    Rot3.rotate(aqx, aqy, aqz, aqw, bx, by, bz, out, oo);
    out[oo] += ax;
    out[oo + 1] += ay;
    out[oo + 2] += az;
    Rot3.rotate(aqx, aqy, aqz, aqw, bvx, bvy, bvz, out, oo + 7);
    out[oo + 7] += avx;
    out[oo + 8] += avy;
    out[oo + 9] += avz;
    out[oo + 3] = aqw * bqx + aqx * bqw + aqy * bqz - aqz * bqy;
    out[oo + 4] = aqw * bqy - aqx * bqz + aqy * bqw + aqz * bqx;
    out[oo + 5] = aqw * bqz + aqx * bqy - aqy * bqx + aqz * bqw;
    out[oo + 6] = aqw * bqw - aqx * bqx - aqy * bqy - aqz * bqz;
    Rot3.renormalize(out, oo + 3);
  }

  @Override public void log(double[] x, int xo, double[] tau, int to, double[] J, int jo) {
    double px = x[xo];
    double py = x[xo + 1];
    double pz = x[xo + 2];
    double qx = x[xo + 3];
    double qy = x[xo + 4];
    double qz = x[xo + 5];
    double qw = x[xo + 6];
    double vx = x[xo + 7];
    double vy = x[xo + 8];
    double vz = x[xo + 9];
    Rot3.logQuat(qx, qy, qz, qw, tau, to + 3);
    double tx = tau[to + 3];
    double ty = tau[to + 4];
    double tz = tau[to + 5];
    double t2 = tx * tx + ty * ty + tz * tz;
    double t = Math.sqrt(t2);
    double sh = Math.sqrt(qx * qx + qy * qy + qz * qz);
    double ch = Math.abs(qw);
    double c = Rot3.coefC(t, t2, sh, ch);
    SE23Tangent.jlInvApply(tx, ty, tz, c, px, py, pz, tau, to);
    SE23Tangent.jlInvApply(tx, ty, tz, c, vx, vy, vz, tau, to + 6);
    if (J != null) SE23Tangent.jacInv(tau, to, t, t2, sh, ch, 1, J, jo);
  }

  @Override public void act(double[] x, int xo, double[] p, int po, double[] out, int oo,
      double[] Jx, int jxo, double[] Jp, int jpo) {
    double qx = x[xo + 3];
    double qy = x[xo + 4];
    double qz = x[xo + 5];
    double qw = x[xo + 6];
    double px = p[po];
    double py = p[po + 1];
    double pz = p[po + 2];
    if (Jx != null) {
      Rot3.toMatrix(qx, qy, qz, qw, 1, Jx, jxo, 9);
      Mat.mulSkew3(Jx, jxo, 9, px, py, pz, -1, Jx, jxo + 3, 9);
      Mat.zero3(Jx, jxo + 6, 9);
    }
    if (Jp != null) Rot3.toMatrix(qx, qy, qz, qw, 1, Jp, jpo, 3);
    double x0 = x[xo];
    double y0 = x[xo + 1];
    double z0 = x[xo + 2];
    Rot3.rotate(qx, qy, qz, qw, px, py, pz, out, oo);
    out[oo] += x0;
    out[oo + 1] += y0;
    out[oo + 2] += z0;
  }

  @Override public void adj(double[] x, int xo, double[] ad, int ado) {
    adjoint(x[xo], x[xo + 1], x[xo + 2], x[xo + 3], x[xo + 4], x[xo + 5], x[xo + 6],
        x[xo + 7], x[xo + 8], x[xo + 9], 1, ad, ado);
  }

  @Override public void matrix(double[] x, int xo, double[] m, int mo) {
    Mat.identity(m, mo, 5);
    Rot3.toMatrix(x[xo + 3], x[xo + 4], x[xo + 5], x[xo + 6], 1, m, mo, 5);
    for (int i = 0; i < 3; i++) {
      m[mo + i * 5 + 3] = x[xo + i];
      m[mo + i * 5 + 4] = x[xo + 7 + i];
    }
  }

  @Override public void fromMatrix(double[] m, int mo, double[] x, int xo) {
    for (int i = 0; i < 3; i++) {
      x[xo + i] = m[mo + i * 5 + 3];
      x[xo + 7 + i] = m[mo + i * 5 + 4];
    }
    Rot3.fromMatrix(m, mo, 5, x, xo + 3);
  }

  @Override public void normalize(double[] x, int xo) {
    Rot3.normalize(x, xo + 3);
  }

  @Override public void random(SplittableRandom rng, double[] x, int xo) {
    for (int i = 0; i < 3; i++) {
      x[xo + i] = 2 * rng.nextDouble() - 1;
      x[xo + 7 + i] = 2 * rng.nextDouble() - 1;
    }
    Rot3.randomQuat(rng, x, xo + 3);
  }

  @Override public void randomTangent(SplittableRandom rng, double[] tau, int to) {
    for (int i = 0; i < 3; i++) {
      tau[to + i] = 2 * rng.nextDouble() - 1;
      tau[to + 6 + i] = 2 * rng.nextDouble() - 1;
    }
    Rot3.randomRotationVector(rng, tau, to + 3);
  }

  @Override public void exp(double[] tau, int to, double[] x, int xo, double[] J, int jo) {
    SE23Tangent.exp(tau, to, x, xo, J, jo);
  }

  @Override public void hat(double[] tau, int to, double[] m, int mo) {
    Mat.zero(m, mo, 25);
    Mat.skew3(tau[to + 3], tau[to + 4], tau[to + 5], 1, m, mo, 5);
    for (int i = 0; i < 3; i++) {
      m[mo + i * 5 + 3] = tau[to + i];
      m[mo + i * 5 + 4] = tau[to + 6 + i];
    }
  }

  @Override public void vee(double[] m, int mo, double[] tau, int to) {
    for (int i = 0; i < 3; i++) {
      tau[to + i] = m[mo + i * 5 + 3];
      tau[to + 6 + i] = m[mo + i * 5 + 4];
    }
    SO3Tangent.vee(m, mo, 5, tau, to + 3);
  }

  @Override public void rjac(double[] tau, int to, double[] j, int jo) {
    SE23Tangent.jac(tau, to, 1, j, jo);
  }

  @Override public void ljac(double[] tau, int to, double[] j, int jo) {
    SE23Tangent.jac(tau, to, -1, j, jo);
  }

  @Override public void rjacinv(double[] tau, int to, double[] j, int jo) {
    SE23Tangent.jacInv(tau, to, 1, j, jo);
  }

  @Override public void ljacinv(double[] tau, int to, double[] j, int jo) {
    SE23Tangent.jacInv(tau, to, -1, j, jo);
  }

  @Override public void smallAdj(double[] tau, int to, double[] ad, int ado) {
    Mat.zero(ad, ado, 81);
    Mat.skew3(tau[to + 3], tau[to + 4], tau[to + 5], 1, ad, ado, 9);
    Mat.skew3(tau[to], tau[to + 1], tau[to + 2], 1, ad, ado + 3, 9);
    Mat.copy3(ad, ado, 9, 1, ad, ado + 30, 9);
    Mat.skew3(tau[to + 6], tau[to + 7], tau[to + 8], 1, ad, ado + 57, 9);
    Mat.copy3(ad, ado, 9, 1, ad, ado + 60, 9);
  }
}
