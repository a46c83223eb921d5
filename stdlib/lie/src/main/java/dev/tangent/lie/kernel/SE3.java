package dev.tangent.lie.kernel;

import java.util.SplittableRandom;

/**
 * SE(3): storage [x, y, z, qx, qy, qz, qw] (translation, then a Hamilton unit quaternion), tangent
 * [rho(3), theta(3)], Jacobians 6x6 row-major, act Jacobians 3x6 and 3x3. Every kernel reads its
 * inputs into locals first, so element outputs may alias inputs, and allocates nothing.
 */
public final class SE3 extends LieGroup {
  public static final SE3 G = new SE3();

  private SE3() {
    super(6, 3, 7, 4);
  }

  @Override public String name() { return "SE3"; }

  @Override public void identity(double[] x, int xo) {
    java.util.Arrays.fill(x, xo, xo + 6, 0);
    x[xo + 6] = 1;
  }

  @Override public void inverse(double[] x, int xo, double[] out, int oo, double[] J, int jo) {
    double px = x[xo];
    double py = x[xo + 1];
    double pz = x[xo + 2];
    double qx = x[xo + 3];
    double qy = x[xo + 4];
    double qz = x[xo + 5];
    double qw = x[xo + 6];
    if (J != null) adjoint(px, py, pz, qx, qy, qz, qw, -1, J, jo);
    Rot3.rotate(-qx, -qy, -qz, qw, -px, -py, -pz, out, oo);
    out[oo + 3] = -qx;
    out[oo + 4] = -qy;
    out[oo + 5] = -qz;
    out[oo + 6] = qw;
  }

  @Override public void compose(double[] a, int ao, double[] b, int bo, double[] out, int oo,
      double[] Ja, int jao, double[] Jb, int jbo) {
    // Kept under HotSpot's inlining limit (325 bytecodes): the work is in small static helpers.
    if (Ja != null) adjointOfInverse(b, bo, Ja, jao);
    if (Jb != null) Mat.identity(Jb, jbo, 6);
    double ax = a[ao];
    double ay = a[ao + 1];
    double az = a[ao + 2];
    double aqx = a[ao + 3];
    double aqy = a[ao + 4];
    double aqz = a[ao + 5];
    double aqw = a[ao + 6];
    double bqx = b[bo + 3];
    double bqy = b[bo + 4];
    double bqz = b[bo + 5];
    double bqw = b[bo + 6];
    Rot3.rotate(aqx, aqy, aqz, aqw, b[bo], b[bo + 1], b[bo + 2], out, oo);
    out[oo] += ax;
    out[oo + 1] += ay;
    out[oo + 2] += az;
    Rot3.multiply(aqx, aqy, aqz, aqw, bqx, bqy, bqz, bqw, out, oo + 3);
  }

  /** Ad_B^-1 = [[Rb^T, -Rb^T [tb]x], [0, Rb^T]], the Jacobian of A B w.r.t. A. */
  static void adjointOfInverse(double[] b, int bo, double[] J, int jo) {
    Rot3.toMatrix(-b[bo + 3], -b[bo + 4], -b[bo + 5], b[bo + 6], 1, J, jo, 6);
    Mat.mulSkew3(J, jo, 6, b[bo], b[bo + 1], b[bo + 2], -1, J, jo + 3, 6);
    Mat.copy3(J, jo, 6, 1, J, jo + 21, 6);
    Mat.zero3(J, jo + 18, 6);
  }

  @Override public void log(double[] x, int xo, double[] tau, int to, double[] J, int jo) {
    logWithInverseJacobians(x, xo, tau, to, J, jo, null, 0);
  }

  @Override protected void logWithInverseJacobians(double[] x, int xo, double[] tau, int to,
      double[] jr, int jro, double[] jl, int jlo) {
    double px = x[xo];
    double py = x[xo + 1];
    double pz = x[xo + 2];
    double qx = x[xo + 3];
    double qy = x[xo + 4];
    double qz = x[xo + 5];
    double qw = x[xo + 6];
    Rot3.logQuat(qx, qy, qz, qw, tau, to + 3);
    double tx = tau[to + 3];
    double ty = tau[to + 4];
    double tz = tau[to + 5];
    double t2 = tx * tx + ty * ty + tz * tz;
    double t = Math.sqrt(t2);
    double sh = Math.sqrt(qx * qx + qy * qy + qz * qz);
    double ch = Math.abs(qw);
    // rho = Jl^-1(theta) p
    SE23Tangent.jlInvApply(tx, ty, tz, Rot3.coefC(t, t2, sh, ch), px, py, pz, tau, to);
    if (jr != null || jl != null) SE3Tangent.jacInvPair(tau[to], tau[to + 1], tau[to + 2], tx, ty, tz, t, t2, sh, ch, jr, jro, jl, jlo);
  }

  @Override public void act(double[] x, int xo, double[] p, int po, double[] out, int oo,
      double[] Jx, int jxo, double[] Jp, int jpo) {
    double px = p[po];
    double py = p[po + 1];
    double pz = p[po + 2];
    if (Jx == null && Jp == null) {
      Rot3.rotate(x[xo + 3], x[xo + 4], x[xo + 5], x[xo + 6], px, py, pz, out, oo);
    } else if (Jx != null && Jp != null) {
      actBoth(x, xo, px, py, pz, out, oo, Jx, jxo, Jp, jpo);
      return;
    } else if (Jx != null) {
      // [R, -R [p]x]: R goes into the first block, then rows of -R [p]x are p x r_i
      Rot3.toMatrix(x[xo + 3], x[xo + 4], x[xo + 5], x[xo + 6], 1, Jx, jxo, 6);
      Rot3.crossRowsAndApply(Jx, jxo, 6, px, py, pz, Jx, jxo + 3, 6, out, oo);
    } else {
      Rot3.toMatrix(x[xo + 3], x[xo + 4], x[xo + 5], x[xo + 6], 1, Jp, jpo, 3);
      Rot3.crossRowsAndApply(Jp, jpo, 3, px, py, pz, null, 0, 0, out, oo);
    }
    out[oo] += x[xo];
    out[oo + 1] += x[xo + 1];
    out[oo + 2] += x[xo + 2];
  }

  /**
   * act with both Jacobians, the common case (manif's act(p, J_q_X, J_q_p)): R stays in locals and
   * every output is written once, never read back; the highest offset of each block is written
   * first, so that one range check covers the block (C2 folds the others into it).
   */
  private static void actBoth(double[] x, int xo, double px, double py, double pz, double[] out, int oo,
      double[] Jx, int jxo, double[] Jp, int jpo) {
    double qx = x[xo + 3];
    double qy = x[xo + 4];
    double qz = x[xo + 5];
    double qw = x[xo + 6];
    double x2 = qx + qx;
    double y2 = qy + qy;
    double z2 = qz + qz;
    double xx = qx * x2;
    double yy = qy * y2;
    double zz = qz * z2;
    double xy = qx * y2;
    double xz = qx * z2;
    double yz = qy * z2;
    double wx = qw * x2;
    double wy = qw * y2;
    double wz = qw * z2;
    double r00 = 1 - (yy + zz);
    double r01 = xy - wz;
    double r02 = xz + wy;
    double r10 = xy + wz;
    double r11 = 1 - (xx + zz);
    double r12 = yz - wx;
    double r20 = xz - wy;
    double r21 = yz + wx;
    double r22 = 1 - (xx + yy);
    out[oo + 2] = r20 * px + r21 * py + r22 * pz + x[xo + 2];
    out[oo] = r00 * px + r01 * py + r02 * pz + x[xo];
    out[oo + 1] = r10 * px + r11 * py + r12 * pz + x[xo + 1];
    Jp[jpo + 8] = r22;
    Jp[jpo] = r00;
    Jp[jpo + 1] = r01;
    Jp[jpo + 2] = r02;
    Jp[jpo + 3] = r10;
    Jp[jpo + 4] = r11;
    Jp[jpo + 5] = r12;
    Jp[jpo + 6] = r20;
    Jp[jpo + 7] = r21;
    // [R, -R [p]x]: the rows of -R [p]x are p x r_i
    Jx[jxo + 17] = px * r21 - py * r20;
    Jx[jxo] = r00;
    Jx[jxo + 1] = r01;
    Jx[jxo + 2] = r02;
    Jx[jxo + 3] = py * r02 - pz * r01;
    Jx[jxo + 4] = pz * r00 - px * r02;
    Jx[jxo + 5] = px * r01 - py * r00;
    Jx[jxo + 6] = r10;
    Jx[jxo + 7] = r11;
    Jx[jxo + 8] = r12;
    Jx[jxo + 9] = py * r12 - pz * r11;
    Jx[jxo + 10] = pz * r10 - px * r12;
    Jx[jxo + 11] = px * r11 - py * r10;
    Jx[jxo + 12] = r20;
    Jx[jxo + 13] = r21;
    Jx[jxo + 14] = r22;
    Jx[jxo + 15] = py * r22 - pz * r21;
    Jx[jxo + 16] = pz * r20 - px * r22;
  }

  @Override public void adj(double[] x, int xo, double[] ad, int ado) {
    adjoint(x[xo], x[xo + 1], x[xo + 2], x[xo + 3], x[xo + 4], x[xo + 5], x[xo + 6], 1, ad, ado);
  }

  /** s Ad = s [[R, [t]x R], [0, R]] into a 6x6 matrix. */
  static void adjoint(double px, double py, double pz, double qx, double qy, double qz, double qw, double s,
      double[] d, int o) {
    Rot3.toMatrix(qx, qy, qz, qw, s, d, o, 6);
    Mat.skewMul3(px, py, pz, d, o, 6, 1, d, o + 3, 6);
    Mat.copy3(d, o, 6, 1, d, o + 21, 6);
    Mat.zero3(d, o + 18, 6);
  }

  @Override public void matrix(double[] x, int xo, double[] m, int mo) {
    Rot3.toMatrix(x[xo + 3], x[xo + 4], x[xo + 5], x[xo + 6], 1, m, mo, 4);
    m[mo + 3] = x[xo];
    m[mo + 7] = x[xo + 1];
    m[mo + 11] = x[xo + 2];
    m[mo + 12] = 0;
    m[mo + 13] = 0;
    m[mo + 14] = 0;
    m[mo + 15] = 1;
  }

  @Override public void fromMatrix(double[] m, int mo, double[] x, int xo) {
    x[xo] = m[mo + 3];
    x[xo + 1] = m[mo + 7];
    x[xo + 2] = m[mo + 11];
    Rot3.fromMatrix(m, mo, 4, x, xo + 3);
  }

  @Override public void normalize(double[] x, int xo) {
    Rot3.normalize(x, xo + 3);
  }

  @Override public void random(SplittableRandom rng, double[] x, int xo) {
    for (int i = 0; i < 3; i++) x[xo + i] = 2 * rng.nextDouble() - 1;
    Rot3.randomQuat(rng, x, xo + 3);
  }

  @Override public void randomTangent(SplittableRandom rng, double[] tau, int to) {
    for (int i = 0; i < 3; i++) tau[to + i] = 2 * rng.nextDouble() - 1;
    Rot3.randomRotationVector(rng, tau, to + 3);
  }

  // ------------------------------------------------------------------ tangent primitives (SE3Tangent)

  @Override public void exp(double[] tau, int to, double[] x, int xo, double[] J, int jo) {
    SE3Tangent.exp(tau, to, x, xo, J, jo);
  }

  @Override public void hat(double[] tau, int to, double[] m, int mo) {
    SE3Tangent.hat(tau, to, m, mo);
  }

  @Override public void vee(double[] m, int mo, double[] tau, int to) {
    tau[to] = m[mo + 3];
    tau[to + 1] = m[mo + 7];
    tau[to + 2] = m[mo + 11];
    SO3Tangent.vee(m, mo, 4, tau, to + 3);
  }

  @Override public void rjac(double[] tau, int to, double[] j, int jo) {
    SE3Tangent.jac(tau, to, 1, j, jo);
  }

  @Override public void ljac(double[] tau, int to, double[] j, int jo) {
    SE3Tangent.jac(tau, to, -1, j, jo);
  }

  @Override public void rjacinv(double[] tau, int to, double[] j, int jo) {
    SE3Tangent.jacInv(tau, to, 1, j, jo);
  }

  @Override public void ljacinv(double[] tau, int to, double[] j, int jo) {
    SE3Tangent.jacInv(tau, to, -1, j, jo);
  }

  @Override public void smallAdj(double[] tau, int to, double[] ad, int ado) {
    SE3Tangent.smallAdj(tau, to, ad, ado);
  }
}
