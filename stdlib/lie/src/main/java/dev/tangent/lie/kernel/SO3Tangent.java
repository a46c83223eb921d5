package dev.tangent.lie.kernel;

/**
 * The tangent kernels of SO(3) (rotation vectors), static and allocation-free; SE3, SE_2_3 and
 * SGal3 reuse them for their rotation blocks. Blocks are written with a row stride {@code ld}.
 */
public final class SO3Tangent {
  private SO3Tangent() {}

  /** q = Exp(theta) at x[xo..xo+3]; J = Jr(theta) (3x3, row stride 3) unless null. */
  public static void exp(double[] tau, int to, double[] x, int xo, double[] J, int jo) {
    double tx = tau[to];
    double ty = tau[to + 1];
    double tz = tau[to + 2];
    if (J == null) {
      Rot3.expQuat(tx, ty, tz, x, xo);
      return;
    }
    double t2 = tx * tx + ty * ty + tz * tz;
    double t = Math.sqrt(t2);
    double sh = Math.sin(0.5 * t);
    double ch = Math.cos(0.5 * t);
    quatFromHalfAngle(tx, ty, tz, t, t2, sh, ch, x, xo);
    Rot3.jac(tx, ty, tz, t2, Rot3.coefA(t, t2, sh, ch), Rot3.coefB(t, t2, sh, ch), 1, J, jo, 3);
  }

  /** The quaternion of theta from its precomputed half-angle sine and cosine. */
  static void quatFromHalfAngle(double tx, double ty, double tz, double t, double t2, double sh, double ch,
      double[] x, int xo) {
    double k;
    double w;
    if (t2 < Rot3.SERIES_THETA2) {
      w = 1.0 + t2 * (-1.0 / 8.0 + t2 * (1.0 / 384.0 + t2 * (-1.0 / 46080.0 + t2 * (1.0 / 10321920.0 + t2 * (-1.0 / 3715891200.0 + t2 * (1.0 / 1961990553600.0))))));
      k = 1.0 / 2.0 + t2 * (-1.0 / 48.0 + t2 * (1.0 / 3840.0 + t2 * (-1.0 / 645120.0 + t2 * (1.0 / 185794560.0 + t2 * (-1.0 / 81749606400.0 + t2 * (1.0 / 51011754393600.0))))));
    } else {
      w = ch;
      k = sh / t;
    }
    x[xo] = k * tx;
    x[xo + 1] = k * ty;
    x[xo + 2] = k * tz;
    x[xo + 3] = w;
  }

  /**
   * theta = Log(q) at tau[to..to+2] and, unless J is null, J = Jr^-1(theta) as a 3x3 block with
   * row stride ld. The half-angle sine and cosine come from the quaternion itself.
   */
  public static void logWithJac(double qx, double qy, double qz, double qw, double[] tau, int to,
      double[] J, int jo, int ld) {
    Rot3.logQuat(qx, qy, qz, qw, tau, to);
    if (J == null) return;
    double tx = tau[to];
    double ty = tau[to + 1];
    double tz = tau[to + 2];
    double t2 = tx * tx + ty * ty + tz * tz;
    double t = Math.sqrt(t2);
    double sh = Math.sqrt(qx * qx + qy * qy + qz * qz);
    double ch = Math.abs(qw);
    Rot3.jacInv(tx, ty, tz, t2, Rot3.coefC(t, t2, sh, ch), 1, J, jo, ld);
  }

  /** Jr(theta) (s = 1) or Jl(theta) (s = -1) into a 3x3 block with row stride ld. */
  public static void jac(double tx, double ty, double tz, double s, double[] J, int jo, int ld) {
    double t2 = tx * tx + ty * ty + tz * tz;
    double t = Math.sqrt(t2);
    double sh = t2 < Rot3.SERIES_THETA2 ? 0 : Math.sin(0.5 * t);
    double ch = t2 < Rot3.SERIES_THETA2 ? 1 : Math.cos(0.5 * t);
    Rot3.jac(tx, ty, tz, t2, Rot3.coefA(t, t2, sh, ch), Rot3.coefB(t, t2, sh, ch), s, J, jo, ld);
  }

  /** Jr^-1(theta) (s = 1) or Jl^-1(theta) (s = -1) into a 3x3 block with row stride ld. */
  public static void jacInv(double tx, double ty, double tz, double s, double[] J, int jo, int ld) {
    double t2 = tx * tx + ty * ty + tz * tz;
    double t = Math.sqrt(t2);
    double sh = t2 < Rot3.SERIES_THETA2 ? 0 : Math.sin(0.5 * t);
    double ch = t2 < Rot3.SERIES_THETA2 ? 1 : Math.cos(0.5 * t);
    Rot3.jacInv(tx, ty, tz, t2, Rot3.coefC(t, t2, sh, ch), s, J, jo, ld);
  }

  /** Reads theta from the skew block of m (row stride ld), as manif: (m21, m02, m10). */
  public static void vee(double[] m, int mo, int ld, double[] tau, int to) {
    tau[to] = m[mo + 2 * ld + 1];
    tau[to + 1] = m[mo + 2];
    tau[to + 2] = m[mo + ld];
  }
}
