package dev.tangent.lie;

import dev.tangent.lie.kernel.Bundle;
import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.kernel.Rn;
import dev.tangent.lie.kernel.Rot3;
import dev.tangent.lie.kernel.SE2;
import dev.tangent.lie.kernel.SE23;
import dev.tangent.lie.kernel.SE3;
import dev.tangent.lie.kernel.SGal3;
import dev.tangent.lie.kernel.SO2;
import dev.tangent.lie.kernel.SO3;

/**
 * d coeffs(X (+) t) / dt at t = 0 (rep x dof): how the stored coefficients move along the right
 * tangent, manif's "local parameterization" Jacobian. Translations and velocities move by R rho
 * (R nu), unit complex numbers by (-s, c) dtheta, quaternions by q * (dtheta / 2, 0).
 */
final class CoeffJacobian {
  private CoeffJacobian() {}

  static double[] of(LieGroup k, double[] x, int xo) {
    double[] j = new double[k.rep * k.dof];
    fill(k, x, xo, j, 0, 0, k.dof);
    return j;
  }

  /** Writes the block at (row0, col0) of a matrix with ld columns. */
  private static void fill(LieGroup k, double[] x, int xo, double[] j, int row0, int col0, int ld) {
    if (k instanceof Rn) {
      for (int i = 0; i < k.dof; i++) j[(row0 + i) * ld + col0 + i] = 1;
    } else if (k instanceof SO2) {
      complex(x, xo, j, row0, col0, ld);
    } else if (k instanceof SE2) {
      double c = x[xo + 2];
      double s = x[xo + 3];
      put2(c, s, j, row0, col0, ld);
      complex(x, xo + 2, j, row0 + 2, col0 + 2, ld);
    } else if (k instanceof SO3) {
      quaternion(x, xo, j, row0, col0, ld);
    } else if (k instanceof SE3) {
      rotation(x, xo + 3, j, row0, col0, ld);
      quaternion(x, xo + 3, j, row0 + 3, col0 + 3, ld);
    } else if (k instanceof SE23) {
      // [t, q, v] with tangent [rho, theta, nu]
      rotation(x, xo + 3, j, row0, col0, ld);
      quaternion(x, xo + 3, j, row0 + 3, col0 + 3, ld);
      rotation(x, xo + 3, j, row0 + 7, col0 + 6, ld);
    } else if (k instanceof SGal3) {
      // [t, q, v, s] with tangent [rho, nu, theta, s]: t moves by R rho + v ds, v by R nu
      rotation(x, xo + 3, j, row0, col0, ld);
      for (int i = 0; i < 3; i++) j[(row0 + i) * ld + col0 + 9] = x[xo + 7 + i];
      quaternion(x, xo + 3, j, row0 + 3, col0 + 6, ld);
      rotation(x, xo + 3, j, row0 + 7, col0 + 3, ld);
      j[(row0 + 10) * ld + col0 + 9] = 1;
    } else if (k instanceof Bundle b) {
      for (int i = 0; i < b.size(); i++) {
        fill(b.part(i), x, xo + b.repOffset(i), j, row0 + b.repOffset(i), col0 + b.dofOffset(i), ld);
      }
    } else {
      throw new IllegalArgumentException("no coefficient Jacobian for " + k.name());
    }
  }

  private static void put2(double c, double s, double[] j, int row0, int col0, int ld) {
    j[row0 * ld + col0] = c;
    j[row0 * ld + col0 + 1] = -s;
    j[(row0 + 1) * ld + col0] = s;
    j[(row0 + 1) * ld + col0 + 1] = c;
  }

  private static void complex(double[] x, int xo, double[] j, int row0, int col0, int ld) {
    j[row0 * ld + col0] = -x[xo + 1];
    j[(row0 + 1) * ld + col0] = x[xo];
  }

  /** The 3x3 rotation of the quaternion at qo. */
  private static void rotation(double[] x, int qo, double[] j, int row0, int col0, int ld) {
    Rot3.toMatrix(x[qo], x[qo + 1], x[qo + 2], x[qo + 3], 1, j, row0 * ld + col0, ld);
  }

  /** q * (dtheta / 2, 0): vector part (w I + [v]x) dtheta / 2, real part -v . dtheta / 2. */
  private static void quaternion(double[] x, int qo, double[] j, int row0, int col0, int ld) {
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
