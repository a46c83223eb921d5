package dev.tangent.lie.kernel;

/** The tangent kernels of SE(2), static: Exp, Jr and Jr^-1 (Jl(tau) = Jr(-tau)). */
public final class SE2Tangent {
  private SE2Tangent() {}

  /** sin t / t. */
  static double sinc(double t, double t2) {
    if (t2 < Rot3.SERIES_THETA2) return 1.0 + t2 * (-1.0 / 6.0 + t2 * (1.0 / 120.0 + t2 * (-1.0 / 5040.0 + t2 * (1.0 / 362880.0 + t2 * (-1.0 / 39916800.0 + t2 * (1.0 / 6227020800.0))))));
    return Math.sin(t) / t;
  }

  /** (1 - cos t) / t^2. */
  static double oneMinusCosOverT2(double t, double t2) {
    double h = Math.sin(0.5 * t);
    return Rot3.coefA(t, t2, h, 0);
  }

  /** (t - sin t) / t^3. */
  static double tMinusSinOverT3(double t, double t2) {
    return Rot3.coefB(t, t2, Math.sin(0.5 * t), Math.cos(0.5 * t));
  }

  /** X = Exp(tau); J = Jr(tau) unless null. */
  public static void exp(double[] tau, int to, double[] x, int xo, double[] J, int jo) {
    double rx = tau[to];
    double ry = tau[to + 1];
    double t = tau[to + 2];
    double t2 = t * t;
    double a = sinc(t, t2);
    double b = t * oneMinusCosOverT2(t, t2);
    x[xo] = a * rx - b * ry;
    x[xo + 1] = b * rx + a * ry;
    x[xo + 2] = Math.cos(t);
    x[xo + 3] = Math.sin(t);
    if (J != null) jac(rx, ry, t, J, jo);
  }

  /** Jr(rho, theta) (call with -tau for Jl). */
  public static void jac(double rx, double ry, double t, double[] J, int jo) {
    double t2 = t * t;
    double a = sinc(t, t2);
    double ca = oneMinusCosOverT2(t, t2);
    double cb = tMinusSinOverT3(t, t2);
    double b = t * ca;
    J[jo] = a;
    J[jo + 1] = b;
    J[jo + 2] = rx * t * cb - ry * ca;
    J[jo + 3] = -b;
    J[jo + 4] = a;
    J[jo + 5] = rx * ca + ry * t * cb;
    J[jo + 6] = 0;
    J[jo + 7] = 0;
    J[jo + 8] = 1;
  }

  /** Jr^-1(rho, theta) (call with -tau for Jl^-1), in closed form. */
  public static void jacInv(double rx, double ry, double t, double[] J, int jo) {
    double t2 = t * t;
    double ca = oneMinusCosOverT2(t, t2);
    double cb = tMinusSinOverT3(t, t2);
    double sh = Math.sin(0.5 * t);
    double ch = Math.cos(0.5 * t);
    // alpha = (t/2) cot(t/2) = 1 - t^2 c with c the SO(3) Jr^-1 coefficient
    double alpha = 1 - t2 * Rot3.coefC(t, t2, sh, ch);
    double h = 0.5 * t;
    double u = rx * t * cb - ry * ca;
    double v = rx * ca + ry * t * cb;
    J[jo] = alpha;
    J[jo + 1] = -h;
    J[jo + 2] = -(alpha * u - h * v);
    J[jo + 3] = h;
    J[jo + 4] = alpha;
    J[jo + 5] = -(h * u + alpha * v);
    J[jo + 6] = 0;
    J[jo + 7] = 0;
    J[jo + 8] = 1;
  }
}
