package org.example.stats;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.Args;
import dev.tangent.spi.Context;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Types;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.random.Well19937c;

/** The computations behind `stats`, on Apache Commons Math (loaded when the first one runs). */
final class Computations {
  private Computations() {}

  enum Kind { PDF, CDF, QUANTILE }

  /** Elements between interrupt polls: long loops over user-sized data stay stoppable. */
  private static final int POLL = 1 << 14;

  static Object elementwise(Args a, Kind kind) {
    RealDistribution d = of((Distribution) a.get(0), null);
    Object x = a.get(1);
    if (x instanceof Double v) return apply(d, kind, v, a);
    if (x instanceof Tensor t) {
      double[] in = t.toDoubleArray();
      double[] out = new double[in.length];
      Context ctx = a.ctx();
      for (int i = 0; i < in.length; i++) {
        if ((i & (POLL - 1)) == 0) ctx.checkInterrupt();
        out[i] = apply(d, kind, in[i], a);
      }
      return Tensor.ofDoubles(t.shape(), out);
    }
    throw a.typeError(1, "a Number or a Tensor");
  }

  private static double apply(RealDistribution d, Kind kind, double x, Args a) {
    switch (kind) {
      case PDF: return d.density(x);
      case CDF: return d.cumulativeProbability(x);
      default:
        if (!(x >= 0 && x <= 1)) throw TangentError.runtime("quantile(): p must be in [0, 1], got " + x);
        return d.inverseCumulativeProbability(x);
    }
  }

  static Object sample(Args a) {
    int n = a.integer(1);
    if (n < 0) throw TangentError.runtime("sample(): n must not be negative, got " + n);
    Long seed = a.present(2) ? (long) a.num(2) : null;
    RealDistribution d = of((Distribution) a.get(0), seed);
    double[] out;
    try {
      out = new double[n];
    } catch (OutOfMemoryError e) {
      throw TangentError.runtime("sample(): out of memory for " + n + " draws");
    }
    Context ctx = a.ctx();
    for (int i = 0; i < n; i++) {
      if ((i & (POLL - 1)) == 0) ctx.checkInterrupt();
      out[i] = d.sample();
    }
    return Tensor.ofDoubles(new int[] {n}, out);
  }

  static Object moment(Args a, int k) {
    RealDistribution d = of((Distribution) a.get(0), null);
    return k == 1 ? d.getNumericalMean() : d.getNumericalVariance();
  }

  private static RealDistribution of(Distribution d, Long seed) {
    Well19937c rng = seed == null ? new Well19937c() : new Well19937c(seed);
    switch (d.family()) {
      case "normal": return new NormalDistribution(rng, d.a(), d.b());
      case "gamma": return new GammaDistribution(rng, d.a(), d.b());
      case "beta": return new BetaDistribution(rng, d.a(), d.b());
      default: throw TangentError.runtime("unknown distribution " + Types.typeName(d));
    }
  }
}
