package dev.tangent.spi;

import dev.tangent.spi.TangentError;

/** a..b (end excluded), a..=b (end included), or range(a, b, step). Integral steps only. */
public final class Range {
  public final double start;
  public final double step;
  public final long length;

  public Range(double start, double end, double step, boolean inclusive) {
    if (step == 0) throw TangentError.runtime("range step must not be zero");
    this.start = start;
    this.step = step;
    double span = (end - start) / step;
    long n;
    if (inclusive) n = (long) Math.floor(span + 1e-9) + 1;
    else n = (long) Math.ceil(span - 1e-9);
    this.length = Math.max(0, n);
  }

  public double at(long i) { return start + i * step; }

  public double end() { return start + length * step; }

  @Override public boolean equals(Object o) {
    return o instanceof Range r && r.start == start && r.step == step && r.length == length;
  }

  @Override public int hashCode() { return Double.hashCode(start) * 31 + Long.hashCode(length); }

  @Override public String toString() {
    String s = Display.number(start) + ".." + Display.number(end());
    return step == 1 ? s : "range(" + Display.number(start) + ", " + Display.number(end()) + ", " + Display.number(step) + ")";
  }
}
