package dev.tangent.spi;

import dev.tangent.spi.TangentError;

/**
 * The one place where the JVM's OutOfMemoryError becomes a language error. Every built-in call
 * (Builtin), operator and indexing node, and the interpreter's top level, catch it and throw
 * this instead: the failed allocation is released as the stack unwinds, so the REPL or the
 * embedding host keeps running with its variables.
 */
public final class OutOfMemory {
  private OutOfMemory() {}

  /**
   * Memory set aside to report the error with: when the heap is full of data the script still
   * holds (a global list that grew until it failed), even the message could not be allocated, and
   * the error escaped as a crash. Freed on the first out-of-memory, set aside again by
   * {@link #replenish} before the next evaluation.
   */
  private static volatile byte[] reserve = new byte[4 << 20];

  /** Sets the reserve aside again if it was used (and the heap has room for it now). */
  public static void replenish() {
    if (reserve != null) return;
    try {
      reserve = new byte[4 << 20];
    } catch (OutOfMemoryError e) {
      // Still full: the next report has less room, but the attempt costs nothing.
    }
  }

  public static TangentError error(OutOfMemoryError e, String where) {
    reserve = null;
    String why = e.getMessage() == null ? "" : e.getMessage();
    String detail;
    if (why.contains("Requested array size exceeds VM limit")) detail = "an array larger than the JVM allows";
    else if (why.contains("Java heap space") || why.isEmpty()) detail = "the Java heap is full";
    else if (why.contains("Direct buffer memory")) detail = "direct (off-heap) memory is full";
    else detail = Printable.of(why, 120);
    long max = Runtime.getRuntime().maxMemory();
    String heap = max == Long.MAX_VALUE ? "" : " (heap limit " + (max >> 20) + " MiB)";
    return TangentError.runtime("out of memory" + (where == null ? "" : " in " + where) + ": " + detail + heap)
        .withHint("use smaller data, or give the JVM more memory: TANGENT_JAVA_OPTS=-Xmx8g");
  }
}
