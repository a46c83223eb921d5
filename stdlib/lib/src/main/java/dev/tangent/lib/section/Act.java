package dev.tangent.lib.section;

import dev.tangent.spi.TangentError;

/**
 * Elementwise activations of analysable layers, with derivatives. {@link #rootOne} is the input
 * where the activation equals 1: folding a bias through the layer sends the constant coordinate
 * there so that it stays 1 (rib's root_one).
 */
public enum Act {
  IDENTITY, RELU, LEAKY_RELU, GELU, GELU_TANH;

  public double apply(double x, double slope) {
    switch (this) {
      case IDENTITY: return x;
      case RELU: return x > 0 ? x : 0;
      case LEAKY_RELU: return x > 0 ? x : slope * x;
      case GELU: return 0.5 * x * (1 + Erf.erf(x / Math.sqrt(2)));
      default: {
        double u = Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x);
        return 0.5 * x * (1 + Math.tanh(u));
      }
    }
  }

  public double derivative(double x, double slope) {
    switch (this) {
      case IDENTITY: return 1;
      case RELU: return x > 0 ? 1 : 0;
      case LEAKY_RELU: return x > 0 ? 1 : slope;
      case GELU: {
        double cdf = 0.5 * (1 + Erf.erf(x / Math.sqrt(2)));
        double pdf = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
        return cdf + x * pdf;
      }
      default: {
        double k = Math.sqrt(2 / Math.PI);
        double u = k * (x + 0.044715 * x * x * x);
        double t = Math.tanh(u);
        return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * k * (1 + 3 * 0.044715 * x * x);
      }
    }
  }

  /** Positively homogeneous: act(αx) = α act(x) for α > 0, so every integration rule gives the gradient. */
  public boolean homogeneous() { return this == IDENTITY || this == RELU || this == LEAKY_RELU; }

  /** The x with act(x) = 1. */
  public double rootOne(double slope) {
    if (homogeneous()) return 1;
    double x = 1;
    for (int i = 0; i < 100; i++) {
      double f = apply(x, slope) - 1;
      double dx = f / derivative(x, slope);
      x -= dx;
      if (Math.abs(dx) < 1e-15) break;
    }
    return x;
  }

  public static Act of(String name) {
    switch (name) {
      case "relu": return RELU;
      case "identity": case "linear": return IDENTITY;
      case "leaky_relu": return LEAKY_RELU;
      case "gelu": return GELU;
      case "gelu_tanh": return GELU_TANH;
      default: throw TangentError.runtime("activation '" + name + "' cannot be analysed (relu, leaky_relu, gelu or none)");
    }
  }

  /** Abramowitz-Stegun-free erf: a continued series accurate to about 1e-15. */
  static final class Erf {
    private Erf() {}

    static double erf(double x) {
      double ax = Math.abs(x);
      double r;
      if (ax < 2.5) {
        // Maclaurin series
        double term = ax;
        double sum = ax;
        double x2 = ax * ax;
        for (int n = 1; n < 200; n++) {
          term *= -x2 / n;
          double add = term / (2 * n + 1);
          sum += add;
          if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
        }
        r = 2 / Math.sqrt(Math.PI) * sum;
      } else {
        // Continued fraction for erfc
        double x2 = ax * ax;
        double f = 0;
        for (int n = 60; n >= 1; n--) f = n / 2.0 / (ax + f);
        r = 1 - Math.exp(-x2) / Math.sqrt(Math.PI) / (ax + f);
      }
      return x < 0 ? -r : r;
    }
  }
}
