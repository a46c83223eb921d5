package dev.tangent.spi;

import dev.tangent.spi.TangentError;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Stops a script before the heap is exhausted. A script that fills the heap a little at a time
 * (a list that grows in a loop) meets the OutOfMemoryError at some small allocation anywhere,
 * often in optimised code whose handlers the JVM then skips (it cannot deoptimise without
 * memory), and the error escaped every catch and killed the process. So the script's own thread
 * looks at the heap whenever it polls the interrupt (every 1024 loop steps or calls, every 4096
 * items of a built-in's loop): when the heap is more than {@link #THRESHOLD} of its room full, it
 * collects garbage once (at most once a second), and when the live data still fills it, the
 * script stops with an "out of memory" error at its position. Checking costs two reads of the
 * heap's counters per poll. The catches of OutOfMemoryError (OutOfMemory) remain for single
 * allocations too large to fit.
 */
final class MemoryGuard {
  private MemoryGuard() {}

  static final double THRESHOLD = 0.92;

  private static volatile long limit = -1;
  private static volatile long lastCollection;
  private static volatile long lastLive;

  /** Throws an out-of-memory error when the live data fills the heap (see the class comment). */
  public static void check() {
    long l = limit;
    if (l < 0) l = limit = computeLimit();
    Runtime rt = Runtime.getRuntime();
    long used = rt.totalMemory() - rt.freeMemory();
    if (used < l) return;
    long now = System.nanoTime();
    long live;
    if (now - lastCollection < 1_000_000_000L) {
      live = lastLive;
    } else {
      System.gc();
      live = rt.totalMemory() - rt.freeMemory();
      lastLive = live;
      lastCollection = System.nanoTime();
    }
    if (live >= l) {
      throw TangentError.runtime("out of memory: the data the script holds (" + (live >> 20) + " MiB) fills the Java heap"
          + " (heap limit " + (rt.maxMemory() >> 20) + " MiB, part of it kept for short-lived values)")
          .withHint("use smaller data, or give the JVM more memory: TANGENT_JAVA_OPTS=-Xmx8g");
    }
  }

  /**
   * THRESHOLD of the room long-lived data has: the heap less the young generation, which a
   * fixed -Xmn (the launcher's 128 MB) makes a large part of a small heap.
   */
  private static long computeLimit() {
    long heap = Runtime.getRuntime().maxMemory();
    long young = 0;
    try {
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        String n = pool.getName();
        if (pool.getType() == MemoryType.HEAP && (n.contains("Eden") || n.contains("Survivor"))) {
          young += Math.max(0, pool.getUsage().getCommitted());
        }
      }
    } catch (RuntimeException | LinkageError e) {
      // No management beans: judge by the whole heap.
    }
    long room = Math.max(heap / 2, heap - young);
    return (long) (room * THRESHOLD);
  }
}
