package dev.tangent.spi;

import dev.tangent.spi.TangentError;

/** Numbers are doubles; where an integer is needed (indices, sizes) it must be integral. */
public final class Ints {
  private Ints() {}

  public static int toInt(Object v, String what) {
    if (v instanceof Double d) {
      double x = d;
      if (x == Math.rint(x) && Math.abs(x) <= Integer.MAX_VALUE) return (int) x;
      if (x == Math.rint(x) && !Double.isInfinite(x)) throw tooLarge(what, Display.number(x));
      throw TangentError.runtime(what + " must be an integer, got " + Display.number(x));
    }
    if (v instanceof Integer i) return i;
    if (v instanceof Long l && Math.abs(l) <= Integer.MAX_VALUE) return (int) (long) l;
    if (v instanceof Long l) throw tooLarge(what, Long.toString(l));
    throw TangentError.runtime(what + " must be an integer, got " + Types.typeName(v));
  }

  private static TangentError tooLarge(String what, String value) {
    return TangentError.runtime(what + " " + value + " is too large (at most "
        + String.format("%,d", Integer.MAX_VALUE) + " in magnitude)");
  }

  public static long toLong(Object v, String what) {
    if (v instanceof Double d) {
      double x = d;
      if (x == Math.rint(x) && Math.abs(x) <= 9.007199254740992E15) return (long) x;
      throw TangentError.runtime(what + " must be an integer, got " + Display.number(x));
    }
    if (v instanceof Integer i) return i;
    if (v instanceof Long l) return l;
    throw TangentError.runtime(what + " must be an integer, got " + Types.typeName(v));
  }

  /** Resolves a possibly negative index against a length, or fails with a clear message. */
  public static int index(Object v, int length, String what) {
    int i = toInt(v, "index");
    int j = i < 0 ? i + length : i;
    if (j < 0 || j >= length) {
      throw TangentError.runtime("index " + i + " out of range for " + what + " of length " + length);
    }
    return j;
  }
}
