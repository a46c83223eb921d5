package dev.tangent.lie.value;

import dev.tangent.lie.kernel.Rot3;

/**
 * The usual blocks of a coefficient Jacobian d coeffs(X (+) t) / dt at t = 0 (rep x dof, see
 * {@link GroupDescriptor#coeffJacobian}): plain vectors move by the identity, translations and
 * velocities by R rho (R nu), unit complex numbers by (-s, c) dtheta, quaternions by
 * q * (dtheta / 2, 0). Each writes one block at (row0, col0) of a row-major matrix with ld columns.
 */
public final class CoeffBlocks {
  private CoeffBlocks() {}

  /** The whole rep x dof Jacobian of the element at x[xo..] of the group d. */
  public static double[] of(GroupDescriptor d, double[] x, int xo) {
    int rep = d.kernel().rep;
    int dof = d.kernel().dof;
    double[] j = new double[rep * dof];
    d.coeffJacobian(x, xo, j, 0, 0, dof);
    return j;
  }

  /** The n x n identity: coefficients that are the tangent coordinates themselves. */
  public static void identity(int n, double[] j, int row0, int col0, int ld) {
    for (int i = 0; i < n; i++) j[(row0 + i) * ld + col0 + i] = 1;
  }

  /** The 2x2 rotation of the unit complex number (c, s): a planar translation moves by R rho. */
  public static void rotation2(double c, double s, double[] j, int row0, int col0, int ld) {
    j[row0 * ld + col0] = c;
    j[row0 * ld + col0 + 1] = -s;
    j[(row0 + 1) * ld + col0] = s;
    j[(row0 + 1) * ld + col0 + 1] = c;
  }

  /** The unit complex number at x[xo..] moves by (-s, c) dtheta (a 2x1 block). */
  public static void complex(double[] x, int xo, double[] j, int row0, int col0, int ld) {
    j[row0 * ld + col0] = -x[xo + 1];
    j[(row0 + 1) * ld + col0] = x[xo];
  }

  /** The 3x3 rotation of the quaternion at x[qo..]: a translation or velocity moves by R rho. */
  public static void rotation3(double[] x, int qo, double[] j, int row0, int col0, int ld) {
    Rot3.toMatrix(x[qo], x[qo + 1], x[qo + 2], x[qo + 3], 1, j, row0 * ld + col0, ld);
  }

  /** q * (dtheta / 2, 0) for the quaternion at x[qo..] (a 4x3 block): vector part (w I + [v]x) dtheta / 2, real part -v . dtheta / 2. */
  public static void quaternion(double[] x, int qo, double[] j, int row0, int col0, int ld) {
    double vx = x[qo];
    double vy = x[qo + 1];
    double vz = x[qo + 2];
    double w = x[qo + 3];
    double[] m = {
        w, -vz, vy,
        vz, w, -vx,
        -vy, vx, w,
        -vx, -vy, -vz};
    for (int r = 0; r < 4; r++) for (int c = 0; c < 3; c++) j[(row0 + r) * ld + col0 + c] = 0.5 * m[r * 3 + c];
  }
}
