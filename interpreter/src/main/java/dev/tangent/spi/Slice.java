package dev.tangent.spi;

import dev.tangent.spi.TangentError;

/** lo:hi:step inside [...]. Missing parts are null. Python semantics for negatives and clamping. */
public record Slice(Object lo, Object hi, Object step) {
  /** start, stop (exclusive), step and count of the slice over a sequence of length n. */
  public record Bounds(int start, int stop, int step, int count) {}

  public Bounds bounds(int n) {
    int st = step == null || step == Nil.NIL ? 1 : Ints.toInt(step, "slice step");
    if (st == 0) throw TangentError.runtime("slice step must not be zero");
    int start;
    int stop;
    if (st > 0) {
      start = clamp(lo, 0, n, 0, n);
      stop = clamp(hi, n, n, 0, n);
    } else {
      start = clamp(lo, n - 1, n, -1, n - 1);
      stop = clamp(hi, -1, n, -1, n - 1);
    }
    int count;
    if (st > 0) count = stop > start ? (stop - start + st - 1) / st : 0;
    else count = start > stop ? (start - stop - st - 1) / (-st) : 0;
    return new Bounds(start, stop, st, count);
  }

  private static int clamp(Object v, int dflt, int n, int min, int max) {
    if (v == null || v == Nil.NIL) return dflt;
    int i = Ints.toInt(v, "slice bound");
    if (i < 0) i += n;
    return Math.max(min, Math.min(max, i));
  }

  @Override public String toString() {
    return (lo == null ? "" : Display.repr(lo)) + ":" + (hi == null ? "" : Display.repr(hi))
        + (step == null ? "" : ":" + Display.repr(step));
  }
}
