package dev.tangent.lie.algo;

import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.kernel.Mat;
import java.util.List;

/**
 * Means of group elements by fixed-point iteration from the first element, as in manif's
 * average.h. Every method stops when its update is shorter than tol or after maxIter steps.
 */
public final class Averages {
  private Averages() {}

  public enum Method { BIINVARIANT, FRECHET_LEFT, FRECHET_RIGHT, JR_WEIGHTED }

  /** The result and the number of iterations it took. */
  public record Result(double[] mean, int iterations, boolean converged) {}

  public static Result average(LieGroup g, List<double[]> xs, Method method, double tol, int maxIter) {
    if (xs.isEmpty()) throw new IllegalArgumentException("cannot average an empty list");
    int d = g.dof;
    double[] avg = xs.get(0).clone();
    if (xs.size() == 1) return new Result(avg, 0, true);
    double w = 1.0 / xs.size();
    double[] step = new double[d];
    double[] tau = new double[d];
    double[] jac = new double[d * d];
    for (int it = 1; it <= maxIter; it++) {
      java.util.Arrays.fill(step, 0);
      switch (method) {
        case BIINVARIANT:
          // Arsigny & Pennec: avg <- avg (+) mean(X_i (-) avg)
          for (double[] x : xs) {
            g.rminus(x, 0, avg, 0, tau, 0, null, 0, null, 0);
            for (int i = 0; i < d; i++) step[i] += w * tau[i];
          }
          break;
        case JR_WEIGHTED:
          // manif's average(): the same update with each term weighted by Jr^T Jr
          for (double[] x : xs) {
            g.rminus(x, 0, avg, 0, tau, 0, null, 0, null, 0);
            g.rjac(tau, 0, jac, 0);
            double[] jt = new double[d];
            Mat.mul(jac, 0, tau, 0, jt, 0, d, d, 1);
            for (int i = 0; i < d; i++) {
              double s = 0;
              for (int k = 0; k < d; k++) s += jac[k * d + i] * jt[k];
              step[i] += w * s;
            }
          }
          break;
        default:
          gaussNewtonStep(g, xs, avg, method == Method.FRECHET_LEFT, step);
          break;
      }
      double n = 0;
      for (int i = 0; i < d; i++) n += step[i] * step[i];
      g.rplus(avg, 0, step, 0, avg, 0, null, 0, null, 0);
      if (Math.sqrt(n) < tol) return new Result(avg, it, true);
    }
    return new Result(avg, maxIter, false);
  }

  /**
   * A Gauss-Newton step for the Frechet mean of the left-invariant distance |Log(avg^-1 X_i)|
   * (left = true) or the right-invariant one |Log(X_i avg^-1)|, perturbing avg on the right:
   * residuals r_i with r_i(avg (+) d) ~ r_i - A_i d, step = (sum A_i^T A_i)^-1 sum A_i^T r_i.
   */
  static void gaussNewtonStep(LieGroup g, List<double[]> xs, double[] avg, boolean left, double[] step) {
    int d = g.dof;
    double[] h = new double[d * d];
    double[] rhs = new double[d];
    double[] r = new double[d];
    double[] a = new double[d * d];
    double[] ja = new double[d * d];
    for (double[] x : xs) {
      if (left) {
        g.rminus(x, 0, avg, 0, r, 0, null, 0, ja, 0);
      } else {
        g.lminus(x, 0, avg, 0, r, 0, null, 0, ja, 0);
      }
      for (int i = 0; i < d * d; i++) a[i] = -ja[i];
      for (int i = 0; i < d; i++) {
        for (int k = 0; k < d; k++) {
          double s = 0;
          for (int l = 0; l < d; l++) s += a[l * d + i] * a[l * d + k];
          h[i * d + k] += s;
        }
        double s = 0;
        for (int l = 0; l < d; l++) s += a[l * d + i] * r[l];
        rhs[i] += s;
      }
    }
    Mat.invertInPlace(h, 0, d);
    Mat.mul(h, 0, rhs, 0, step, 0, d, d, 1);
  }
}
