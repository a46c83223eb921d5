package dev.tangent.nn.engine;

import ai.djl.ndarray.NDArray;
import java.lang.ref.Cleaner;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Native arrays held by script values are freed when the value becomes garbage. The Cleaner only
 * queues the array; the interpreter thread frees it at its next nn operation, so no array is freed
 * in the middle of a native call. The Java heap does not see native memory, so every
 * {@link #GC_EVERY_BYTES} of new arrays we ask for a collection.
 */
public final class Memory {
  private Memory() {}

  static final long GC_EVERY_BYTES = 512L << 20;
  private static final Cleaner CLEANER = Cleaner.create();
  private static final ConcurrentLinkedQueue<NDArray> DEAD = new ConcurrentLinkedQueue<>();
  private static final AtomicLong SINCE_GC = new AtomicLong();

  /** Frees the array when owner becomes unreachable. */
  public static void track(Object owner, NDArray array) {
    CLEANER.register(owner, () -> DEAD.add(array));
    long bytes = array.getShape().size() * array.getDataType().getNumOfBytes();
    if (SINCE_GC.addAndGet(bytes) > GC_EVERY_BYTES) {
      SINCE_GC.set(0);
      System.gc();
    }
  }

  /** Frees the arrays of dead values. Call only where no native call is in flight on this thread. */
  public static void drain() {
    NDArray a;
    while ((a = DEAD.poll()) != null) a.close();
  }
}
