package dev.tangent.lie.kernel;

import java.util.SplittableRandom;

/**
 * SGal(3), the special Galilean group (Kelly 2023, manif's SGal3): storage
 * [x, y, z, qx, qy, qz, qw, vx, vy, vz, s] (position, quaternion, velocity, time), tangent
 * [rho(3), nu(3), theta(3), s], Jacobians 10x10, matrix form [[R, v, p], [0, 1, s], [0, 0, 1]].
 */
public final class SGal3 extends LieGroup {
  public static final SGal3 G = new SGal3();

  private SGal3() {
    super(10, 3, 11, 5);
  }

  @Override public String name() { return "SGal3"; }

  @Override public void identity(double[] x, int xo) {
    java.util.Arrays.fill(x, xo, xo + 11, 0);
    x[xo + 6] = 1;
  }

  /**
   * s Ad = s [[R, -t R, [p - t v]x R, v], [0, R, [v]x R, 0], [0, 0, R, 0], [0, 0, 0, 1]]
   * (rows and columns [rho, nu, theta, s]).
   */
  static void adjoint(double[] x, int xo, double s, double[] d, int o) {
    double qx = x[xo + 3];
    double qy = x[xo + 4];
    double qz = x[xo + 5];
    double qw = x[xo + 6];
    double t = x[xo + 10];
    Mat.zero(d, o, 100);
    Rot3.toMatrix(qx, qy, qz, qw, s, d, o, 10);
    Mat.copy3(d, o, 10, -t, d, o + 3, 10);
    Mat.skewMul3(x[xo] - t * x[xo + 7], x[xo + 1] - t * x[xo + 8], x[xo + 2] - t * x[xo + 9], d, o, 10, 1,
        d, o + 6, 10);
    for (int i = 0; i < 3; i++) d[o + i * 10 + 9] = s * x[xo + 7 + i];
    Mat.copy3(d, o, 10, 1, d, o + 33, 10);
    Mat.skewMul3(x[xo + 7], x[xo + 8], x[xo + 9], d, o, 10, 1, d, o + 36, 10);
    Mat.copy3(d, o, 10, 1, d, o + 66, 10);
    d[o + 99] = s;
  }

  @Override public void inverse(double[] x, int xo, double[] out, int oo, double[] J, int jo) {
    if (J != null) adjoint(x, xo, -1, J, jo);
    double qx = x[xo + 3];
    double qy = x[xo + 4];
    double qz = x[xo + 5];
    double qw = x[xo + 6];
    double t = x[xo + 10];
    double vx = x[xo + 7];
    double vy = x[xo + 8];
    double vz = x[xo + 9];
    double px = x[xo] - t * vx;
    double py = x[xo + 1] - t * vy;
    double pz = x[xo + 2] - t * vz;
    Rot3.rotate(-qx, -qy, -qz, qw, -px, -py, -pz, out, oo);
    Rot3.rotate(-qx, -qy, -qz, qw, -vx, -vy, -vz, out, oo + 7);
    out[oo + 3] = -qx;
    out[oo + 4] = -qy;
    out[oo + 5] = -qz;
    out[oo + 6] = qw;
    out[oo + 10] = -t;
  }

  @Override public void compose(double[] a, int ao, double[] b, int bo, double[] out, int oo,
      double[] Ja, int jao, double[] Jb, int jbo) {
    if (Ja != null) {
      double[] inv = new double[11];
      inverse(b, bo, inv, 0, null, 0);
      adjoint(inv, 0, 1, Ja, jao);
    }
    if (Jb != null) Mat.identity(Jb, jbo, 10);
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
    double at = a[ao + 10];
    double bx = b[bo];
    double by = b[bo + 1];
    double bz = b[bo + 2];
    double bvx = b[bo + 7];
    double bvy = b[bo + 8];
    double bvz = b[bo + 9];
    double bt = b[bo + 10];
    Rot3.rotate(aqx, aqy, aqz, aqw, bx, by, bz, out, oo);
    out[oo] += ax + bt * avx;
    out[oo + 1] += ay + bt * avy;
    out[oo + 2] += az + bt * avz;
    Rot3.rotate(aqx, aqy, aqz, aqw, bvx, bvy, bvz, out, oo + 7);
    out[oo + 7] += avx;
    out[oo + 8] += avy;
    out[oo + 9] += avz;
    out[oo + 10] = at + bt;
    out[oo + 3] = aqw * bqx + aqx * bqw + aqy * bqz - aqz * bqy;
    out[oo + 4] = aqw * bqy - aqx * bqz + aqy * bqw + aqz * bqx;
    out[oo + 5] = aqw * bqz + aqx * bqy - aqy * bqx + aqz * bqw;
    out[oo + 6] = aqw * bqw - aqx * bqx - aqy * bqy - aqz * bqz;
    Rot3.renormalize(out, oo + 3);
  }

  @Override public void log(double[] x, int xo, double[] tau, int to, double[] J, int jo) {
    double qx = x[xo + 3];
    double qy = x[xo + 4];
    double qz = x[xo + 5];
    double qw = x[xo + 6];
    double s = x[xo + 10];
    double px = x[xo];
    double py = x[xo + 1];
    double pz = x[xo + 2];
    double vx = x[xo + 7];
    double vy = x[xo + 8];
    double vz = x[xo + 9];
    Rot3.logQuat(qx, qy, qz, qw, tau, to + 6);
    double tx = tau[to + 6];
    double ty = tau[to + 7];
    double tz = tau[to + 8];
    double t2 = tx * tx + ty * ty + tz * tz;
    double t = Math.sqrt(t2);
    double sh = Math.sqrt(qx * qx + qy * qy + qz * qz);
    double ch = Math.abs(qw);
    double c = Rot3.coefC(t, t2, sh, ch);
    SE23Tangent.jlInvApply(tx, ty, tz, c, vx, vy, vz, tau, to + 3);
    // rho = Jl^-1 (p - E (s nu))
    double e1 = Rot3.coefB(t, t2, sh, ch);
    double e2 = Rot3.coefQ2(t, t2, sh, ch);
    double ux = s * tau[to + 3];
    double uy = s * tau[to + 4];
    double uz = s * tau[to + 5];
    double[] eu = new double[3];
    SGal3Tangent.applyE(tx, ty, tz, e1, e2, ux, uy, uz, eu);
    SE23Tangent.jlInvApply(tx, ty, tz, c, px - eu[0], py - eu[1], pz - eu[2], tau, to);
    tau[to + 9] = s;
    if (J != null) rjacinv(tau, to, J, jo);
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
      Mat.zero(Jx, jxo, 30);
      Rot3.toMatrix(qx, qy, qz, qw, 1, Jx, jxo, 10);
      Mat.mulSkew3(Jx, jxo, 10, px, py, pz, -1, Jx, jxo + 6, 10);
      for (int i = 0; i < 3; i++) Jx[jxo + i * 10 + 9] = x[xo + 7 + i];
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
    adjoint(x, xo, 1, ad, ado);
  }

  @Override public void matrix(double[] x, int xo, double[] m, int mo) {
    Mat.identity(m, mo, 5);
    Rot3.toMatrix(x[xo + 3], x[xo + 4], x[xo + 5], x[xo + 6], 1, m, mo, 5);
    for (int i = 0; i < 3; i++) {
      m[mo + i * 5 + 3] = x[xo + 7 + i];
      m[mo + i * 5 + 4] = x[xo + i];
    }
    m[mo + 19] = x[xo + 10];
  }

  @Override public void fromMatrix(double[] m, int mo, double[] x, int xo) {
    for (int i = 0; i < 3; i++) {
      x[xo + 7 + i] = m[mo + i * 5 + 3];
      x[xo + i] = m[mo + i * 5 + 4];
    }
    x[xo + 10] = m[mo + 19];
    Rot3.fromMatrix(m, mo, 5, x, xo + 3);
  }

  @Override public void normalize(double[] x, int xo) {
    Rot3.normalize(x, xo + 3);
  }

  @Override public void random(SplittableRandom rng, double[] x, int xo) {
    for (int i = 0; i < 11; i++) x[xo + i] = 2 * rng.nextDouble() - 1;
    Rot3.randomQuat(rng, x, xo + 3);
  }

  @Override public void randomTangent(SplittableRandom rng, double[] tau, int to) {
    for (int i = 0; i < 10; i++) tau[to + i] = 2 * rng.nextDouble() - 1;
    Rot3.randomRotationVector(rng, tau, to + 6);
  }

  @Override public void exp(double[] tau, int to, double[] x, int xo, double[] J, int jo) {
    SGal3Tangent.exp(tau, to, x, xo, J, jo);
  }

  @Override public void hat(double[] tau, int to, double[] m, int mo) {
    Mat.zero(m, mo, 25);
    Mat.skew3(tau[to + 6], tau[to + 7], tau[to + 8], 1, m, mo, 5);
    for (int i = 0; i < 3; i++) {
      m[mo + i * 5 + 3] = tau[to + 3 + i];
      m[mo + i * 5 + 4] = tau[to + i];
    }
    m[mo + 19] = tau[to + 9];
  }

  @Override public void vee(double[] m, int mo, double[] tau, int to) {
    for (int i = 0; i < 3; i++) {
      tau[to + 3 + i] = m[mo + i * 5 + 3];
      tau[to + i] = m[mo + i * 5 + 4];
    }
    SO3Tangent.vee(m, mo, 5, tau, to + 6);
    tau[to + 9] = m[mo + 19];
  }

  @Override public void rjac(double[] tau, int to, double[] j, int jo) {
    SGal3Tangent.ljac(tau, to, -1, j, jo);
  }

  @Override public void ljac(double[] tau, int to, double[] j, int jo) {
    SGal3Tangent.ljac(tau, to, 1, j, jo);
  }

  @Override public void smallAdj(double[] tau, int to, double[] ad, int ado) {
    SGal3Tangent.smallAdj(tau, to, ad, ado);
  }
}
