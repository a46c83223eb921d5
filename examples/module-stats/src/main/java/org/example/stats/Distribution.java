package org.example.stats;

/**
 * A distribution as a script value: its family and parameters only. It holds no Commons Math
 * object, so that creating one (or importing the module) loads no Commons Math class; the
 * computations live in {@link Computations}.
 */
public record Distribution(String family, double a, double b) {
  @Override public String toString() {
    switch (family) {
      case "normal": return "Normal(mean=" + num(a) + ", sd=" + num(b) + ")";
      case "gamma": return "Gamma(shape=" + num(a) + ", scale=" + num(b) + ")";
      default: return "Beta(a=" + num(a) + ", b=" + num(b) + ")";
    }
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }
}
