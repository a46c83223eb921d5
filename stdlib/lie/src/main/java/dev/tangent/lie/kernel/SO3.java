package dev.tangent.lie.kernel;

import java.util.SplittableRandom;

/** SO(3): storage [qx, qy, qz, qw] (Hamilton unit quaternion), tangent [theta_x, theta_y, theta_z]. */
public final class SO3 extends LieGroup {
  public static final SO3 G = new SO3();

  private SO3() {
    super(3, 3, 4, 3);
  }

  @Override public String name() { return "SO3"; }

  @Override public void identity(double[] x, int xo) {
    x[xo] = 0;
    x[xo + 1] = 0;
    x[xo + 2] = 0;
    x[xo + 3] = 1;
  }

  @Override public void inverse(double[] x, int xo, double[] out, int oo, double[] J, int jo) {
    double qx = x[xo];
    double qy = x[xo + 1];
    double qz = x[xo + 2];
    double qw = x[xo + 3];
    if (J != null) Rot3.toMatrix(qx, qy, qz, qw, -1, J, jo, 3);
    out[oo] = -qx;
    out[oo + 1] = -qy;
    out[oo + 2] = -qz;
    out[oo + 3] = qw;
  }

  @Override public void compose(double[] a, int ao, double[] b, int bo, double[] out, int oo,
      double[] Ja, int jao, double[] Jb, int jbo) {
    double ax = a[ao];
    double ay = a[ao + 1];
    double az = a[ao + 2];
    double aw = a[ao + 3];
    double bx = b[bo];
    double by = b[bo + 1];
    double bz = b[bo + 2];
    double bw = b[bo + 3];
    if (Ja != null) {
      Rot3.toMatrix(bx, by, bz, bw, 1, Ja, jao, 3);
      transposeInPlace3(Ja, jao);
    }
    if (Jb != null) Mat.identity(Jb, jbo, 3);
    out[oo] = aw * bx + ax * bw + ay * bz - az * by;
    out[oo + 1] = aw * by - ax * bz + ay * bw + az * bx;
    out[oo + 2] = aw * bz + ax * by - ay * bx + az * bw;
    out[oo + 3] = aw * bw - ax * bx - ay * by - az * bz;
    Rot3.renormalize(out, oo);
  }

  static void transposeInPlace3(double[] m, int o) {
    double t = m[o + 1];
    m[o + 1] = m[o + 3];
    m[o + 3] = t;
    t = m[o + 2];
    m[o + 2] = m[o + 6];
    m[o + 6] = t;
    t = m[o + 5];
    m[o + 5] = m[o + 7];
    m[o + 7] = t;
  }

  @Override public void log(double[] x, int xo, double[] tau, int to, double[] J, int jo) {
    SO3Tangent.logWithJac(x[xo], x[xo + 1], x[xo + 2], x[xo + 3], tau, to, J, jo, 3);
  }

  @Override public void act(double[] x, int xo, double[] p, int po, double[] out, int oo,
      double[] Jx, int jxo, double[] Jp, int jpo) {
    double qx = x[xo];
    double qy = x[xo + 1];
    double qz = x[xo + 2];
    double qw = x[xo + 3];
    double px = p[po];
    double py = p[po + 1];
    double pz = p[po + 2];
    if (Jp != null || Jx != null) {
      double[] r = Jp != null ? Jp : Jx;
      int ro = Jp != null ? jpo : jxo;
      Rot3.toMatrix(qx, qy, qz, qw, 1, r, ro, 3);
      if (Jx != null) {
        if (r == Jx && ro == jxo) {
          // J_x = -R [p]x computed in place from R: row i becomes -(r_i x p)
          for (int i = 0; i < 3; i++) {
            double a = Jx[jxo + 3 * i];
            double b = Jx[jxo + 3 * i + 1];
            double c = Jx[jxo + 3 * i + 2];
            Jx[jxo + 3 * i] = -(b * pz - c * py);
            Jx[jxo + 3 * i + 1] = -(c * px - a * pz);
            Jx[jxo + 3 * i + 2] = -(a * py - b * px);
          }
        } else {
          Mat.mulSkew3(r, ro, 3, px, py, pz, -1, Jx, jxo, 3);
        }
      }
    }
    Rot3.rotate(qx, qy, qz, qw, px, py, pz, out, oo);
  }

  @Override public void adj(double[] x, int xo, double[] ad, int ado) {
    Rot3.toMatrix(x[xo], x[xo + 1], x[xo + 2], x[xo + 3], 1, ad, ado, 3);
  }

  @Override public void matrix(double[] x, int xo, double[] m, int mo) {
    Rot3.toMatrix(x[xo], x[xo + 1], x[xo + 2], x[xo + 3], 1, m, mo, 3);
  }

  @Override public void fromMatrix(double[] m, int mo, double[] x, int xo) {
    Rot3.fromMatrix(m, mo, 3, x, xo);
  }

  @Override public void normalize(double[] x, int xo) {
    Rot3.normalize(x, xo);
  }

  @Override public void random(SplittableRandom rng, double[] x, int xo) {
    Rot3.randomQuat(rng, x, xo);
  }

  @Override public void randomTangent(SplittableRandom rng, double[] tau, int to) {
    Rot3.randomRotationVector(rng, tau, to);
  }

  // tangent primitives live in SO3Tangent

  @Override public void exp(double[] tau, int to, double[] x, int xo, double[] J, int jo) {
    SO3Tangent.exp(tau, to, x, xo, J, jo);
  }

  @Override public void hat(double[] tau, int to, double[] m, int mo) {
    Mat.skew3(tau[to], tau[to + 1], tau[to + 2], 1, m, mo, 3);
  }

  @Override public void vee(double[] m, int mo, double[] tau, int to) {
    SO3Tangent.vee(m, mo, 3, tau, to);
  }

  @Override public void rjac(double[] tau, int to, double[] j, int jo) {
    SO3Tangent.jac(tau[to], tau[to + 1], tau[to + 2], 1, j, jo, 3);
  }

  @Override public void ljac(double[] tau, int to, double[] j, int jo) {
    SO3Tangent.jac(tau[to], tau[to + 1], tau[to + 2], -1, j, jo, 3);
  }

  @Override public void rjacinv(double[] tau, int to, double[] j, int jo) {
    SO3Tangent.jacInv(tau[to], tau[to + 1], tau[to + 2], 1, j, jo, 3);
  }

  @Override public void ljacinv(double[] tau, int to, double[] j, int jo) {
    SO3Tangent.jacInv(tau[to], tau[to + 1], tau[to + 2], -1, j, jo, 3);
  }

  @Override public void smallAdj(double[] tau, int to, double[] ad, int ado) {
    Mat.skew3(tau[to], tau[to + 1], tau[to + 2], 1, ad, ado, 3);
  }
}
