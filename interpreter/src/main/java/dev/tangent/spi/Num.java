package dev.tangent.spi;

/**
 * Boxing for arithmetic results. Small integral values (loop counters, indices, sizes) come from
 * a cache, so the hottest arithmetic allocates nothing; other values box as usual.
 */
public final class Num {
  private Num() {}

  private static final int LOW = -128;
  private static final int HIGH = 1024;
  private static final Double[] CACHE = new Double[HIGH - LOW];

  static {
    for (int i = 0; i < CACHE.length; i++) CACHE[i] = (double) (i + LOW);
  }

  public static Double box(double d) {
    // Range first: converting a double beyond int range to int takes a slow stub on x86.
    if (d >= LOW && d < HIGH) {
      int i = (int) d;
      if (i == d && (i != 0 || 1 / d > 0)) return CACHE[i - LOW];
    }
    return d;
  }
}
