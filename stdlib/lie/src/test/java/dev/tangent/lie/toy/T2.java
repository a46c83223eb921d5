package dev.tangent.lie.toy;

import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.kernel.Mat;
import java.util.SplittableRandom;

/**
 * T(2), the translations of the plane: the kernels of a toy group that the test tree registers
 * (see {@link T2Group}) to show that a group is its kernels and its descriptor, nothing else.
 * Mathematically R^2, but written out here (rather than reusing Rn) so that the generic suite
 * checks code it has not seen: storage [dx, dy], tangent [dx, dy], points of the plane, matrix
 * form [[1, 0, dx], [0, 1, dy], [0, 0, 1]]. Exp and Log are the identity and every Jacobian is
 * +-I; rjacinv, ljacinv and the small adjoint are left to LieGroup's generic defaults.
 */
public final class T2 extends LieGroup {
  public static final T2 G = new T2();

  private T2() {
    super(2, 2, 2, 3);
  }

  @Override public String name() { return "T2"; }

  @Override public void identity(double[] x, int xo) {
    x[xo] = 0;
    x[xo + 1] = 0;
  }

  @Override public void inverse(double[] x, int xo, double[] out, int oo, double[] J, int jo) {
    if (J != null) eye(J, jo, -1);
    out[oo] = -x[xo];
    out[oo + 1] = -x[xo + 1];
  }

  @Override public void compose(double[] a, int ao, double[] b, int bo, double[] out, int oo,
      double[] Ja, int jao, double[] Jb, int jbo) {
    if (Ja != null) eye(Ja, jao, 1);
    if (Jb != null) eye(Jb, jbo, 1);
    double x = a[ao] + b[bo];
    double y = a[ao + 1] + b[bo + 1];
    out[oo] = x;
    out[oo + 1] = y;
  }

  @Override public void log(double[] x, int xo, double[] tau, int to, double[] J, int jo) {
    if (J != null) eye(J, jo, 1);
    tau[to] = x[xo];
    tau[to + 1] = x[xo + 1];
  }

  @Override public void act(double[] x, int xo, double[] p, int po, double[] out, int oo,
      double[] Jx, int jxo, double[] Jp, int jpo) {
    if (Jx != null) eye(Jx, jxo, 1);
    if (Jp != null) eye(Jp, jpo, 1);
    double px = p[po] + x[xo];
    double py = p[po + 1] + x[xo + 1];
    out[oo] = px;
    out[oo + 1] = py;
  }

  @Override public void adj(double[] x, int xo, double[] ad, int ado) {
    eye(ad, ado, 1);
  }

  @Override public void matrix(double[] x, int xo, double[] m, int mo) {
    Mat.identity(m, mo, 3);
    m[mo + 2] = x[xo];
    m[mo + 5] = x[xo + 1];
  }

  @Override public void fromMatrix(double[] m, int mo, double[] x, int xo) {
    x[xo] = m[mo + 2];
    x[xo + 1] = m[mo + 5];
  }

  @Override public void normalize(double[] x, int xo) {}

  @Override public void random(SplittableRandom rng, double[] x, int xo) {
    x[xo] = 4 * rng.nextDouble() - 2;
    x[xo + 1] = 4 * rng.nextDouble() - 2;
  }

  @Override public void exp(double[] tau, int to, double[] x, int xo, double[] J, int jo) {
    if (J != null) eye(J, jo, 1);
    x[xo] = tau[to];
    x[xo + 1] = tau[to + 1];
  }

  @Override public void hat(double[] tau, int to, double[] m, int mo) {
    Mat.zero(m, mo, 9);
    m[mo + 2] = tau[to];
    m[mo + 5] = tau[to + 1];
  }

  @Override public void vee(double[] m, int mo, double[] tau, int to) {
    tau[to] = m[mo + 2];
    tau[to + 1] = m[mo + 5];
  }

  @Override public void rjac(double[] tau, int to, double[] j, int jo) { eye(j, jo, 1); }

  @Override public void ljac(double[] tau, int to, double[] j, int jo) { eye(j, jo, 1); }

  /** s I (2x2) at jo. */
  private static void eye(double[] j, int jo, double s) {
    j[jo] = s;
    j[jo + 1] = 0;
    j[jo + 2] = 0;
    j[jo + 3] = s;
  }
}
