package org.example.stats;

import dev.tangent.spi.Args;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Display;
import dev.tangent.spi.ModuleBuilder;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.TypeInfo;
import dev.tangent.spi.TypeValue;

/**
 * Every export of `stats`: signature, documentation, and a lambda into {@link Computations}. The
 * Exports/Impl rule: this class names no Commons Math type, and a lambda's body (unlike a method
 * reference) resolves its target only when it runs, so defining the module loads nothing heavy.
 */
final class StatsExports {
  private StatsExports() {}

  static final TypeValue DISTRIBUTION = new TypeValue("Distribution", v -> v instanceof Distribution,
      "A probability distribution: stats.normal(mean, sd), stats.gamma(shape, scale), stats.beta(a, b).");

  static void define(ModuleBuilder m) {
    m.value("Distribution", DISTRIBUTION, DISTRIBUTION.doc());
    m.functions(
        Builtin.of("normal(mean=0, sd=1)", "The normal distribution N(mean, sd²).",
            a -> new Distribution("normal", a.num(0, 0), positive(a, 1, 1))),
        Builtin.of("gamma(shape, scale=1)", "The gamma distribution with a shape and a scale (mean shape·scale).",
            a -> new Distribution("gamma", positive(a, 0, Double.NaN), positive(a, 1, 1))),
        Builtin.of("beta(a, b)", "The beta distribution on [0, 1].",
            a -> new Distribution("beta", positive(a, 0, Double.NaN), positive(a, 1, Double.NaN))));

    TypeInfo t = m.type(Distribution.class, DISTRIBUTION);
    t.method(Builtin.of("pdf(self, x)", "The density at x (a number, or each element of a Tensor).",
        a -> Computations.elementwise(a, Computations.Kind.PDF)));
    t.method(Builtin.of("cdf(self, x)", "P(X ≤ x), for a number or each element of a Tensor.",
        a -> Computations.elementwise(a, Computations.Kind.CDF)));
    t.method(Builtin.of("quantile(self, p)", "The x with P(X ≤ x) = p, for p in [0, 1] (a number or a Tensor).",
        a -> Computations.elementwise(a, Computations.Kind.QUANTILE)));
    t.method(Builtin.of("sample(self, n, *, seed=nil)",
        "n draws as a Tensor; the same seed gives the same draws. Polls the interrupt, so Ctrl-C stops a long draw.",
        a -> Computations.sample(a)));
    t.property(Builtin.of("mean(self)", "The mean.", a -> Computations.moment(a, 1)));
    t.property(Builtin.of("variance(self)", "The variance.", a -> Computations.moment(a, 2)));
  }

  /** Parameter i, which must be a finite positive number (dflt when absent; NaN: required). */
  private static double positive(Args a, int i, double dflt) {
    double v = a.present(i) || Double.isNaN(dflt) ? a.num(i) : dflt;
    if (!(v > 0) || Double.isInfinite(v)) {
      throw TangentError.runtime(a.label(i) + " must be a positive number, got " + Display.str(v));
    }
    return v;
  }
}
