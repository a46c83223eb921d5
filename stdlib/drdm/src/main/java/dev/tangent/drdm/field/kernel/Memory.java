package dev.tangent.drdm.field.kernel;

import dev.tangent.spi.TangentError;

/** Allocations of user-sized arrays: a size past the Java limit or an exhausted heap is a language error. */
public final class Memory {
  private Memory() {}

  public static float[] floats(long n, String what) {
    check(n, 4, what);
    try {
      return new float[(int) n];
    } catch (OutOfMemoryError e) {
      throw outOfMemory(n * 4, what);
    }
  }

  public static double[] doubles(long n, String what) {
    check(n, 8, what);
    try {
      return new double[(int) n];
    } catch (OutOfMemoryError e) {
      throw outOfMemory(n * 8, what);
    }
  }

  public static long[] longs(long n, String what) {
    check(n, 8, what);
    try {
      return new long[(int) n];
    } catch (OutOfMemoryError e) {
      throw outOfMemory(n * 8, what);
    }
  }

  public static boolean[] bools(long n, String what) {
    check(n, 1, what);
    try {
      return new boolean[(int) n];
    } catch (OutOfMemoryError e) {
      throw outOfMemory(n, what);
    }
  }

  private static void check(long n, int bytes, String what) {
    if (n < 0 || n > Integer.MAX_VALUE - 8) {
      throw TangentError.runtime(what + " needs " + n + " elements, more than one Java array holds (2^31 - 9)");
    }
  }

  public static TangentError outOfMemory(long bytes, String what) {
    long max = Runtime.getRuntime().maxMemory();
    return TangentError.runtime("out of memory: " + what + " needs " + mb(bytes) + " MB more (the Java heap is limited to "
        + mb(max) + " MB; raise it with -Xmx, e.g. TANGENT_JAVA_OPTS=-Xmx8g)");
  }

  private static long mb(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }
}
