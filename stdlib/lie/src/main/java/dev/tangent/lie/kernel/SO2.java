package dev.tangent.lie.kernel;

import java.util.SplittableRandom;

/** SO(2): storage [cos theta, sin theta] (a unit complex number), tangent [theta]. */
public final class SO2 extends LieGroup {
  public static final SO2 G = new SO2();

  private SO2() {
    super(1, 2, 2, 2);
  }

  @Override public String name() { return "SO2"; }

  @Override public void identity(double[] x, int xo) {
    x[xo] = 1;
    x[xo + 1] = 0;
  }

  @Override public void inverse(double[] x, int xo, double[] out, int oo, double[] J, int jo) {
    if (J != null) J[jo] = -1;
    out[oo] = x[xo];
    out[oo + 1] = -x[xo + 1];
  }

  @Override public void compose(double[] a, int ao, double[] b, int bo, double[] out, int oo,
      double[] Ja, int jao, double[] Jb, int jbo) {
    double ac = a[ao];
    double as = a[ao + 1];
    double bc = b[bo];
    double bs = b[bo + 1];
    if (Ja != null) Ja[jao] = 1;
    if (Jb != null) Jb[jbo] = 1;
    out[oo] = ac * bc - as * bs;
    out[oo + 1] = ac * bs + as * bc;
    renormalize(out, oo);
  }

  /** Renormalises a unit complex number that drifted beyond {@link Rot3#NORM_EPS}. */
  static void renormalize(double[] z, int zo) {
    double n2 = z[zo] * z[zo] + z[zo + 1] * z[zo + 1];
    if (Math.abs(n2 - 1) > Rot3.NORM_EPS) {
      double inv = 1 / Math.sqrt(n2);
      z[zo] *= inv;
      z[zo + 1] *= inv;
    }
  }

  @Override public void log(double[] x, int xo, double[] tau, int to, double[] J, int jo) {
    if (J != null) J[jo] = 1;
    tau[to] = Math.atan2(x[xo + 1], x[xo]);
  }

  @Override public void act(double[] x, int xo, double[] p, int po, double[] out, int oo,
      double[] Jx, int jxo, double[] Jp, int jpo) {
    double c = x[xo];
    double s = x[xo + 1];
    double px = p[po];
    double py = p[po + 1];
    if (Jx != null) {
      // R [1]x p = R (-py, px)
      Jx[jxo] = -c * py - s * px;
      Jx[jxo + 1] = -s * py + c * px;
    }
    if (Jp != null) {
      Jp[jpo] = c;
      Jp[jpo + 1] = -s;
      Jp[jpo + 2] = s;
      Jp[jpo + 3] = c;
    }
    out[oo] = c * px - s * py;
    out[oo + 1] = s * px + c * py;
  }

  @Override public void adj(double[] x, int xo, double[] ad, int ado) {
    ad[ado] = 1;
  }

  @Override public void matrix(double[] x, int xo, double[] m, int mo) {
    m[mo] = x[xo];
    m[mo + 1] = -x[xo + 1];
    m[mo + 2] = x[xo + 1];
    m[mo + 3] = x[xo];
  }

  @Override public void fromMatrix(double[] m, int mo, double[] x, int xo) {
    double c = m[mo];
    double s = m[mo + 2];
    double inv = 1 / Math.hypot(c, s);
    x[xo] = c * inv;
    x[xo + 1] = s * inv;
  }

  @Override public void normalize(double[] x, int xo) {
    double inv = 1 / Math.hypot(x[xo], x[xo + 1]);
    x[xo] *= inv;
    x[xo + 1] *= inv;
  }

  @Override public void random(SplittableRandom rng, double[] x, int xo) {
    double t = Math.PI * (2 * rng.nextDouble() - 1);
    x[xo] = Math.cos(t);
    x[xo + 1] = Math.sin(t);
  }

  @Override public void randomTangent(SplittableRandom rng, double[] tau, int to) {
    tau[to] = Math.PI * (2 * rng.nextDouble() - 1);
  }

  @Override public void exp(double[] tau, int to, double[] x, int xo, double[] J, int jo) {
    double t = tau[to];
    if (J != null) J[jo] = 1;
    x[xo] = Math.cos(t);
    x[xo + 1] = Math.sin(t);
  }

  @Override public void hat(double[] tau, int to, double[] m, int mo) {
    m[mo] = 0;
    m[mo + 1] = -tau[to];
    m[mo + 2] = tau[to];
    m[mo + 3] = 0;
  }

  @Override public void vee(double[] m, int mo, double[] tau, int to) {
    tau[to] = m[mo + 2];
  }

  @Override public void rjac(double[] tau, int to, double[] j, int jo) { j[jo] = 1; }

  @Override public void ljac(double[] tau, int to, double[] j, int jo) { j[jo] = 1; }

  @Override public void rjacinv(double[] tau, int to, double[] j, int jo) { j[jo] = 1; }

  @Override public void ljacinv(double[] tau, int to, double[] j, int jo) { j[jo] = 1; }

  @Override public void smallAdj(double[] tau, int to, double[] ad, int ado) { ad[ado] = 0; }
}
