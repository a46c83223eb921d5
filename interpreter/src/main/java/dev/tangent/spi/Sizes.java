package dev.tangent.spi;

import dev.tangent.spi.TangentError;

/**
 * Overflow-checked size arithmetic for everything a user or a file declares: shapes, element
 * counts, byte lengths and repeat counts. Readers, tensor creation and collection built-ins all
 * go through here, so a negative or astronomically large size becomes one clear message instead
 * of a wrapped-around int, a NegativeArraySizeException or an attempt to allocate it.
 */
public final class Sizes {
  private Sizes() {}

  /** The largest Java array: a little under 2^31 elements (the JVM reserves a few header words). */
  public static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

  /** A size that is negative, overflows, or exceeds what one buffer can hold. */
  public static final class Invalid extends IllegalArgumentException {
    public Invalid(String message) {
      super(message, null);
    }
  }

  /** The number of elements of a shape; every dimension must be ≥ 0 and the product must fit in a long. */
  public static long count(int[] shape) {
    long n = 1;
    for (int d : shape) {
      if (d < 0) throw new Invalid("negative dimension " + d + " in shape " + text(shape));
    }
    for (int d : shape) {
      try {
        n = Math.multiplyExact(n, d);
      } catch (ArithmeticException e) {
        if (count0(shape)) return 0;
        throw new Invalid("shape " + text(shape) + " has more than 2^63 elements");
      }
    }
    return n;
  }

  /** As {@link #count(int[])} for dimensions declared as longs (safetensors, JSON headers). */
  public static long count(long[] shape) {
    long n = 1;
    for (long d : shape) {
      if (d < 0) throw new Invalid("negative dimension " + d + " in shape " + text(shape));
    }
    for (long d : shape) {
      if (d == 0) return 0;
    }
    for (long d : shape) {
      try {
        n = Math.multiplyExact(n, d);
      } catch (ArithmeticException e) {
        throw new Invalid("shape " + text(shape) + " has more than 2^63 elements");
      }
    }
    return n;
  }

  private static boolean count0(int[] shape) {
    for (int d : shape) if (d == 0) return true;
    return false;
  }

  /** count × width in bytes, or an error naming {@code what} when it overflows. */
  public static long bytes(long count, int width, String what) {
    try {
      return Math.multiplyExact(count, (long) width);
    } catch (ArithmeticException e) {
      throw new Invalid(what + " of " + count + " elements of " + width + " bytes overflows 2^63 bytes");
    }
  }

  /**
   * A byte length that one Java array must hold: checked against {@link #MAX_ARRAY} and returned
   * as an int.
   */
  public static int arrayLength(long n, String what) {
    if (n < 0) throw new Invalid(what + ": negative length " + n);
    if (n > MAX_ARRAY) throw new Invalid(what + " needs " + n + " elements or bytes in one buffer; the limit is " + MAX_ARRAY);
    return (int) n;
  }

  /** a × b for user-facing sizes (repeat counts, list lengths): an error instead of wrapping around. */
  public static long multiply(long a, long b, String what) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      throw new Invalid(what + " is too large (" + a + " × " + b + " overflows)");
    }
  }

  /**
   * Refuses an allocation of {@code elements} values above the running interpreter's ceiling
   * ({@link Limits#maxElements}) or above what one buffer holds, before anything is allocated.
   */
  public static void checkAllocation(long elements, String what) {
    if (elements < 0) throw TangentError.runtime(what + ": negative size " + elements);
    long ceiling = Limits.current().maxElements();
    if (elements > ceiling) {
      throw TangentError.runtime(what + " would hold " + String.format("%,d", elements)
          + " elements; this interpreter allows at most " + String.format("%,d", ceiling))
          .withHint("the host set the ceiling with Tangent.builder().maxElements(...)");
    }
  }

  public static String text(int[] shape) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) sb.append(i > 0 ? ", " : "").append(shape[i]);
    return sb.append(shape.length == 1 ? ",)" : ")").toString();
  }

  public static String text(long[] shape) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) sb.append(i > 0 ? ", " : "").append(shape[i]);
    return sb.append(shape.length == 1 ? ",)" : ")").toString();
  }
}
