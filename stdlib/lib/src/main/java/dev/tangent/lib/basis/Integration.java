package dev.tangent.lib.basis;

import dev.tangent.spi.TangentError;

/**
 * The integration points (α, w) of the integrated gradient along α·x, α in [0, 1] (spec §1.4):
 * "gradient" is α = 1 alone; "trapezoidal" and "gauss-legendre" use n_intervals + 1 points.
 */
public record Integration(String rule, int intervals, double[] alphas, double[] weights) {

  public static Integration of(String rule, int nIntervals) {
    if (nIntervals < 0) throw TangentError.runtime("n_intervals must be at least 0, got " + nIntervals);
    switch (rule) {
      case "gradient":
        if (nIntervals != 0) throw TangentError.runtime("integration \"gradient\" takes n_intervals: 0, got " + nIntervals);
        return new Integration(rule, 0, new double[] {1}, new double[] {1});
      case "trapezoidal":
        return trapezoidal(nIntervals);
      case "gauss-legendre":
        return gaussLegendre(nIntervals);
      default:
        throw TangentError.runtime("integration must be \"gradient\", \"trapezoidal\" or \"gauss-legendre\", got \"" + rule + "\"");
    }
  }

  /** n + 1 equally spaced points in [ε, 1 − ε], ε = 1e-3 / (n + 1); weights 1/n halved at both ends (n = 0: α = 0.5). */
  static Integration trapezoidal(int n) {
    if (n == 0) return new Integration("trapezoidal", 0, new double[] {0.5}, new double[] {1});
    double eps = 1e-3 / (n + 1);
    double[] a = new double[n + 1];
    double[] w = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      a[i] = eps + (1 - 2 * eps) * i / n;
      w[i] = (i == 0 || i == n) ? 0.5 / n : 1.0 / n;
    }
    return new Integration("trapezoidal", n, a, w);
  }

  /** n + 1 Gauss-Legendre nodes mapped from [-1, 1] to [0, 1], weights halved. */
  static Integration gaussLegendre(int n) {
    int m = n + 1;
    double[] a = new double[m];
    double[] w = new double[m];
    for (int i = 0; i < m; i++) {
      // Newton on the Legendre polynomial P_m from the Chebyshev guess.
      double x = Math.cos(Math.PI * (i + 0.75) / (m + 0.5));
      double dp = 1;
      for (int it = 0; it < 100; it++) {
        double p0 = 1;
        double p1 = x;
        for (int k = 2; k <= m; k++) {
          double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
          p0 = p1;
          p1 = p2;
        }
        double pm = m == 1 ? x : p1;
        double pm1 = m == 1 ? 1 : p0;
        dp = m * (x * pm - pm1) / (x * x - 1);
        double dx = pm / dp;
        x -= dx;
        if (Math.abs(dx) < 1e-16) break;
      }
      double node = x;
      double weight = 2 / ((1 - node * node) * dp * dp);
      // Ascending order in α.
      a[m - 1 - i] = (node + 1) / 2;
      w[m - 1 - i] = weight / 2;
    }
    return new Integration("gauss-legendre", n, a, w);
  }

  public int points() { return alphas.length; }

  /** Rules are equal when their names and interval counts are (the points follow from them). */
  @Override public boolean equals(Object o) {
    return o instanceof Integration i && i.rule.equals(rule) && i.intervals == intervals;
  }

  @Override public int hashCode() { return rule.hashCode() * 31 + intervals; }

  public boolean isGradient() { return rule.equals("gradient"); }
}
