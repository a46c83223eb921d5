package dev.tangent.lie.ops;

import dev.tangent.lie.kernel.Rot3;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.TangentError;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/** Checked rotations from user input: quaternions, rotation matrices, roll-pitch-yaw, axis-angle. */
public final class Rotations {
  private Rotations() {}

  /** How far from unit norm a typed quaternion (or from orthonormal a matrix) may be. */
  static final double TOL = 1e-6;

  /** A unit quaternion [qx, qy, qz, qw]; off-unit input is an error unless normalize. */
  static double[] quaternion(Object v, boolean normalize, String what) {
    double[] q = Values.vector(v, 4, what + " (a quaternion [qx, qy, qz, qw])");
    double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
    if (n == 0) throw TangentError.runtime(what + " is the zero quaternion, which is no rotation");
    if (Math.abs(n - 1) > TOL && !normalize) {
      throw TangentError.runtime(what + " must be a unit quaternion, but |q| = " + dev.tangent.spi.Display.number(n))
          .withHint("pass normalize: true to normalise it");
    }
    for (int i = 0; i < 4; i++) q[i] /= n;
    return q;
  }

  /** A quaternion from an n x n rotation matrix (n = 3), checked or projected. */
  static double[] quaternionOfMatrix(Object v, boolean normalize, String what) {
    double[] r = Values.matrix(v, 3, 3, what);
    r = checkRotation(r, 3, normalize, what);
    double[] q = new double[4];
    Rot3.fromMatrix(r, 0, 3, q, 0);
    return q;
  }

  /**
   * Checks that an n x n block is a rotation: det > 0 and |R^T R - I| <= TOL. With normalize,
   * an off-orthonormal block is replaced by the nearest rotation (U V^T of its SVD).
   */
  static double[] checkRotation(double[] r, int n, boolean normalize, String what) {
    double err = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) s += r[k * n + i] * r[k * n + j];
        err = Math.max(err, Math.abs(s - (i == j ? 1 : 0)));
      }
    }
    double det = CommonOps_DDRM.det(DMatrixRMaj.wrap(n, n, r.clone()));
    if (det <= 0) {
      throw TangentError.runtime(what + ": the rotation block is not a rotation (its determinant is "
          + dev.tangent.spi.Display.number(det) + ")");
    }
    if (err <= TOL) return r;
    if (!normalize) {
      throw TangentError.runtime(what + ": the rotation block is not orthonormal (max |R^T R - I| = "
          + dev.tangent.spi.Display.number(err) + ")").withHint("pass normalize: true to project it onto the nearest rotation");
    }
    return nearestRotation(r, n);
  }

  static double[] nearestRotation(double[] r, int n) {
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, n, true, true, false);
    if (!svd.decompose(DMatrixRMaj.wrap(n, n, r.clone()))) throw TangentError.runtime("SVD failed to converge");
    DMatrixRMaj u = svd.getU(null, false);
    DMatrixRMaj vt = svd.getV(null, true);
    DMatrixRMaj out = new DMatrixRMaj(n, n);
    CommonOps_DDRM.mult(u, vt, out);
    return out.data;
  }

  /** The quaternion of R = Rz(yaw) Ry(pitch) Rx(roll), as manif's SO3(roll, pitch, yaw). */
  public static double[] fromRpy(double roll, double pitch, double yaw) {
    double cr = Math.cos(roll / 2);
    double sr = Math.sin(roll / 2);
    double cp = Math.cos(pitch / 2);
    double sp = Math.sin(pitch / 2);
    double cy = Math.cos(yaw / 2);
    double sy = Math.sin(yaw / 2);
    return new double[] {
        sr * cp * cy - cr * sp * sy,
        cr * sp * cy + sr * cp * sy,
        cr * cp * sy - sr * sp * cy,
        cr * cp * cy + sr * sp * sy};
  }

  /** [roll, pitch, yaw] with R = Rz(yaw) Ry(pitch) Rx(roll), pitch in [-pi/2, pi/2]. */
  static double[] toRpy(double[] q, int qo) {
    double[] r = new double[9];
    Rot3.toMatrix(q[qo], q[qo + 1], q[qo + 2], q[qo + 3], 1, r, 0, 3);
    double roll = Math.atan2(r[7], r[8]);
    double pitch = Math.atan2(-r[6], Math.hypot(r[7], r[8]));
    double yaw = Math.atan2(r[3], r[0]);
    return new double[] {roll, pitch, yaw};
  }

  /** The quaternion of a rotation by angle about axis (normalised; a zero axis is an error). */
  public static double[] fromAxisAngle(double[] axis, double angle, String what) {
    double n = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
    if (n == 0) throw TangentError.runtime(what + ": the axis is the zero vector");
    double[] q = new double[4];
    Rot3.expQuat(axis[0] / n * angle, axis[1] / n * angle, axis[2] / n * angle, q, 0);
    return q;
  }

  /** The quaternion given by at most one of q, R and rpy (nil when absent); identity when none. */
  public static double[] fromArgs(Object q, Object r, Object rpy, boolean normalize, String fn) {
    int given = (present(q) ? 1 : 0) + (present(r) ? 1 : 0) + (present(rpy) ? 1 : 0);
    if (given > 1) throw TangentError.runtime(fn + ": give the rotation once, as q:, R: or rpy:");
    if (present(q)) return quaternion(q, normalize, fn + ": q");
    if (present(r)) return quaternionOfMatrix(r, normalize, fn + ": R");
    if (present(rpy)) {
      double[] a = Values.vector(rpy, 3, fn + ": rpy ([roll, pitch, yaw])");
      return fromRpy(a[0], a[1], a[2]);
    }
    return new double[] {0, 0, 0, 1};
  }

  static boolean present(Object v) {
    return v != null && v != dev.tangent.spi.Nil.NIL;
  }

  /** A 3-vector argument, zero when absent. */
  public static double[] vec3(Object v, String what) {
    return present(v) ? Values.vector(v, 3, what) : new double[3];
  }
}
