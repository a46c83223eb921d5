package dev.tangent.lie.kernel;

import java.util.SplittableRandom;

/**
 * R^n under addition: storage, tangent and points are n-vectors; Exp and Log are the identity and
 * every Jacobian is +-I. Its matrix form is the (n+1)x(n+1) translation [[I, x], [0, 1]].
 */
public final class Rn extends LieGroup {
  private static final Rn[] SMALL = new Rn[17];

  private Rn(int n) {
    super(n, n, n, n + 1);
  }

  /** R^n (n >= 1); small ones are shared. */
  public static Rn of(int n) {
    if (n < 1) throw new IllegalArgumentException("R(n) needs n >= 1, got " + n);
    if (n < SMALL.length) {
      synchronized (SMALL) {
        if (SMALL[n] == null) SMALL[n] = new Rn(n);
        return SMALL[n];
      }
    }
    return new Rn(n);
  }

  @Override public String name() { return "R" + dof; }

  @Override public void identity(double[] x, int xo) {
    java.util.Arrays.fill(x, xo, xo + dof, 0);
  }

  @Override public void inverse(double[] x, int xo, double[] out, int oo, double[] J, int jo) {
    if (J != null) negIdentity(J, jo);
    for (int i = 0; i < dof; i++) out[oo + i] = -x[xo + i];
  }

  private void negIdentity(double[] J, int jo) {
    Mat.identity(J, jo, dof);
    Mat.scale(J, jo, dof * dof, -1);
  }

  @Override public void compose(double[] a, int ao, double[] b, int bo, double[] out, int oo,
      double[] Ja, int jao, double[] Jb, int jbo) {
    if (Ja != null) Mat.identity(Ja, jao, dof);
    if (Jb != null) Mat.identity(Jb, jbo, dof);
    for (int i = 0; i < dof; i++) out[oo + i] = a[ao + i] + b[bo + i];
  }

  @Override public void log(double[] x, int xo, double[] tau, int to, double[] J, int jo) {
    if (J != null) Mat.identity(J, jo, dof);
    System.arraycopy(x, xo, tau, to, dof);
  }

  @Override public void act(double[] x, int xo, double[] p, int po, double[] out, int oo,
      double[] Jx, int jxo, double[] Jp, int jpo) {
    if (Jx != null) Mat.identity(Jx, jxo, dof);
    if (Jp != null) Mat.identity(Jp, jpo, dof);
    for (int i = 0; i < dof; i++) out[oo + i] = x[xo + i] + p[po + i];
  }

  @Override public void adj(double[] x, int xo, double[] ad, int ado) {
    Mat.identity(ad, ado, dof);
  }

  @Override public void matrix(double[] x, int xo, double[] m, int mo) {
    Mat.identity(m, mo, mat);
    for (int i = 0; i < dof; i++) m[mo + i * mat + dof] = x[xo + i];
  }

  @Override public void fromMatrix(double[] m, int mo, double[] x, int xo) {
    for (int i = 0; i < dof; i++) x[xo + i] = m[mo + i * mat + dof];
  }

  @Override public void normalize(double[] x, int xo) {}

  @Override public void random(SplittableRandom rng, double[] x, int xo) {
    for (int i = 0; i < dof; i++) x[xo + i] = 2 * rng.nextDouble() - 1;
  }

  @Override public void exp(double[] tau, int to, double[] x, int xo, double[] J, int jo) {
    if (J != null) Mat.identity(J, jo, dof);
    System.arraycopy(tau, to, x, xo, dof);
  }

  @Override public void hat(double[] tau, int to, double[] m, int mo) {
    Mat.zero(m, mo, mat * mat);
    for (int i = 0; i < dof; i++) m[mo + i * mat + dof] = tau[to + i];
  }

  @Override public void vee(double[] m, int mo, double[] tau, int to) {
    for (int i = 0; i < dof; i++) tau[to + i] = m[mo + i * mat + dof];
  }

  @Override public void rjac(double[] tau, int to, double[] j, int jo) { Mat.identity(j, jo, dof); }

  @Override public void ljac(double[] tau, int to, double[] j, int jo) { Mat.identity(j, jo, dof); }

  @Override public void rjacinv(double[] tau, int to, double[] j, int jo) { Mat.identity(j, jo, dof); }

  @Override public void ljacinv(double[] tau, int to, double[] j, int jo) { Mat.identity(j, jo, dof); }

  @Override public void smallAdj(double[] tau, int to, double[] ad, int ado) { Mat.zero(ad, ado, dof * dof); }
}
