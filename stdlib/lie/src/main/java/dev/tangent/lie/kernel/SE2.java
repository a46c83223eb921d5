package dev.tangent.lie.kernel;

import java.util.SplittableRandom;

/**
 * SE(2): storage [x, y, cos theta, sin theta], tangent [rho_x, rho_y, theta], Jacobians 3x3
 * row-major, act Jacobians 2x3 and 2x2. Element outputs may alias inputs.
 */
public final class SE2 extends LieGroup {
  public static final SE2 G = new SE2();

  private SE2() {
    super(3, 2, 4, 3);
  }

  @Override public String name() { return "SE2"; }

  @Override public void identity(double[] x, int xo) {
    x[xo] = 0;
    x[xo + 1] = 0;
    x[xo + 2] = 1;
    x[xo + 3] = 0;
  }

  @Override public void inverse(double[] x, int xo, double[] out, int oo, double[] J, int jo) {
    double px = x[xo];
    double py = x[xo + 1];
    double c = x[xo + 2];
    double s = x[xo + 3];
    if (J != null) adjoint(px, py, c, s, -1, J, jo);
    out[oo] = -(c * px + s * py);
    out[oo + 1] = -(-s * px + c * py);
    out[oo + 2] = c;
    out[oo + 3] = -s;
  }

  @Override public void compose(double[] a, int ao, double[] b, int bo, double[] out, int oo,
      double[] Ja, int jao, double[] Jb, int jbo) {
    double ax = a[ao];
    double ay = a[ao + 1];
    double ac = a[ao + 2];
    double as = a[ao + 3];
    double bx = b[bo];
    double by = b[bo + 1];
    double bc = b[bo + 2];
    double bs = b[bo + 3];
    if (Ja != null) {
      // Ad of B^-1 = (-Rb^T tb, Rb^T)
      double ix = -(bc * bx + bs * by);
      double iy = -(-bs * bx + bc * by);
      adjoint(ix, iy, bc, -bs, 1, Ja, jao);
    }
    if (Jb != null) Mat.identity(Jb, jbo, 3);
    out[oo] = ax + ac * bx - as * by;
    out[oo + 1] = ay + as * bx + ac * by;
    out[oo + 2] = ac * bc - as * bs;
    out[oo + 3] = ac * bs + as * bc;
    SO2.renormalize(out, oo + 2);
  }

  /** s Ad = s [[R, (y, -x)], [0, 0, 1]]. */
  static void adjoint(double px, double py, double c, double sn, double s, double[] J, int jo) {
    J[jo] = s * c;
    J[jo + 1] = -s * sn;
    J[jo + 2] = s * py;
    J[jo + 3] = s * sn;
    J[jo + 4] = s * c;
    J[jo + 5] = -s * px;
    J[jo + 6] = 0;
    J[jo + 7] = 0;
    J[jo + 8] = s;
  }

  @Override public void log(double[] x, int xo, double[] tau, int to, double[] J, int jo) {
    double px = x[xo];
    double py = x[xo + 1];
    double t = Math.atan2(x[xo + 3], x[xo + 2]);
    double t2 = t * t;
    double a = SE2Tangent.sinc(t, t2);
    double b = t * SE2Tangent.oneMinusCosOverT2(t, t2);
    double den = a * a + b * b;
    double rx = (a * px + b * py) / den;
    double ry = (-b * px + a * py) / den;
    tau[to] = rx;
    tau[to + 1] = ry;
    tau[to + 2] = t;
    if (J != null) SE2Tangent.jacInv(rx, ry, t, J, jo);
  }

  @Override public void act(double[] x, int xo, double[] p, int po, double[] out, int oo,
      double[] Jx, int jxo, double[] Jp, int jpo) {
    double c = x[xo + 2];
    double s = x[xo + 3];
    double px = p[po];
    double py = p[po + 1];
    if (Jx != null) {
      Jx[jxo] = c;
      Jx[jxo + 1] = -s;
      Jx[jxo + 2] = -c * py - s * px;
      Jx[jxo + 3] = s;
      Jx[jxo + 4] = c;
      Jx[jxo + 5] = -s * py + c * px;
    }
    if (Jp != null) {
      Jp[jpo] = c;
      Jp[jpo + 1] = -s;
      Jp[jpo + 2] = s;
      Jp[jpo + 3] = c;
    }
    out[oo] = x[xo] + c * px - s * py;
    out[oo + 1] = x[xo + 1] + s * px + c * py;
  }

  @Override public void adj(double[] x, int xo, double[] ad, int ado) {
    adjoint(x[xo], x[xo + 1], x[xo + 2], x[xo + 3], 1, ad, ado);
  }

  @Override public void matrix(double[] x, int xo, double[] m, int mo) {
    m[mo] = x[xo + 2];
    m[mo + 1] = -x[xo + 3];
    m[mo + 2] = x[xo];
    m[mo + 3] = x[xo + 3];
    m[mo + 4] = x[xo + 2];
    m[mo + 5] = x[xo + 1];
    m[mo + 6] = 0;
    m[mo + 7] = 0;
    m[mo + 8] = 1;
  }

  @Override public void fromMatrix(double[] m, int mo, double[] x, int xo) {
    double c = m[mo];
    double s = m[mo + 3];
    double inv = 1 / Math.hypot(c, s);
    x[xo] = m[mo + 2];
    x[xo + 1] = m[mo + 5];
    x[xo + 2] = c * inv;
    x[xo + 3] = s * inv;
  }

  @Override public void normalize(double[] x, int xo) {
    double inv = 1 / Math.hypot(x[xo + 2], x[xo + 3]);
    x[xo + 2] *= inv;
    x[xo + 3] *= inv;
  }

  @Override public void random(SplittableRandom rng, double[] x, int xo) {
    double[] tau = new double[3];
    randomTangent(rng, tau, 0);
    exp(tau, 0, x, xo, null, 0);
  }

  @Override public void randomTangent(SplittableRandom rng, double[] tau, int to) {
    tau[to] = 2 * rng.nextDouble() - 1;
    tau[to + 1] = 2 * rng.nextDouble() - 1;
    tau[to + 2] = Math.PI * (2 * rng.nextDouble() - 1);
  }

  @Override public void exp(double[] tau, int to, double[] x, int xo, double[] J, int jo) {
    SE2Tangent.exp(tau, to, x, xo, J, jo);
  }

  @Override public void hat(double[] tau, int to, double[] m, int mo) {
    m[mo] = 0;
    m[mo + 1] = -tau[to + 2];
    m[mo + 2] = tau[to];
    m[mo + 3] = tau[to + 2];
    m[mo + 4] = 0;
    m[mo + 5] = tau[to + 1];
    m[mo + 6] = 0;
    m[mo + 7] = 0;
    m[mo + 8] = 0;
  }

  @Override public void vee(double[] m, int mo, double[] tau, int to) {
    tau[to] = m[mo + 2];
    tau[to + 1] = m[mo + 5];
    tau[to + 2] = m[mo + 3];
  }

  @Override public void rjac(double[] tau, int to, double[] j, int jo) {
    SE2Tangent.jac(tau[to], tau[to + 1], tau[to + 2], j, jo);
  }

  @Override public void ljac(double[] tau, int to, double[] j, int jo) {
    SE2Tangent.jac(-tau[to], -tau[to + 1], -tau[to + 2], j, jo);
  }

  @Override public void rjacinv(double[] tau, int to, double[] j, int jo) {
    SE2Tangent.jacInv(tau[to], tau[to + 1], tau[to + 2], j, jo);
  }

  @Override public void ljacinv(double[] tau, int to, double[] j, int jo) {
    SE2Tangent.jacInv(-tau[to], -tau[to + 1], -tau[to + 2], j, jo);
  }

  @Override public void smallAdj(double[] tau, int to, double[] ad, int ado) {
    ad[ado] = 0;
    ad[ado + 1] = -tau[to + 2];
    ad[ado + 2] = tau[to + 1];
    ad[ado + 3] = tau[to + 2];
    ad[ado + 4] = 0;
    ad[ado + 5] = -tau[to];
    ad[ado + 6] = 0;
    ad[ado + 7] = 0;
    ad[ado + 8] = 0;
  }
}
