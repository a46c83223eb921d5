package dev.tangent.tensor;

import java.lang.ref.Cleaner;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Recycles the ND4J arrays of large storages that nothing references any more.
 *
 * <p>Why: a fresh 40 MB off-heap array costs about 30 ms on a VM before the first element is
 * written, because the operating system faults in 10,000 new 4 KB pages; numpy frees at once
 * (reference counting) and gets huge pages back. The JVM frees off-heap memory only after a
 * garbage collection, so a loop of tensor expressions would fault in fresh memory on every
 * result. Here each large {@link NdStorage} is registered with a Cleaner; once the collector
 * finds the storage unreachable, its array (already faulted in) goes to a free list and the
 * next storage of the same dtype and length takes it (arrays beyond the pool's cap are let go,
 * for ND4J to free as before).
 *
 * <p>Nothing else may keep an array past its storage: {@link NdStorage#array()} is for calls
 * that finish while the storage is reachable (BLAS), never for keeping.
 *
 * <p>A collection happens when the Java heap fills, which a loop of large tensors hardly ever
 * does (its heap objects are tiny). So when no free array fits and at least {@link #NUDGE_BYTES}
 * of large storages went out since the last collection we ask for one (System.gc), as long as
 * the last one we asked for cost less than faulting in what went out would: on a big live heap
 * the nudges get rare; one that frees nothing doubles the amount before the next.
 */
final class BufferPool {
  private BufferPool() {}

  /** Arrays below this many bytes come from ND4J directly (malloc recycles small blocks well). */
  static final long MIN_BYTES = Long.getLong("tangent.tensor.poolMinBytes", 1L << 20);
  /** Most bytes kept in free arrays; beyond it the oldest are left to ND4J to free. */
  static final long MAX_POOLED = Long.getLong("tangent.tensor.poolBytes",
      Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4));
  /** Bytes of large storages handed out since the last collection before we ask for one. */
  static final long NUDGE_BYTES = Long.getLong("tangent.tensor.gcNudgeBytes", 64L << 20);
  /** The most the amount between nudges grows to (see take). */
  static final long MAX_NUDGE_BYTES = Math.max(NUDGE_BYTES, MAX_POOLED / 2);
  static final boolean ENABLED = MAX_POOLED > 0 && !Boolean.getBoolean("tangent.tensor.noPool");

  private static final boolean TRACE = Boolean.getBoolean("tangent.tensor.poolTrace");

  private record Key(DataType type, long length) {
    long bytes() { return length * type.width(); }
  }

  /** A free array (identity equality: INDArray.equals compares elements). */
  private static final class Free {
    final Key key;
    final INDArray array;

    Free(Key key, INDArray array) {
      this.key = key;
      this.array = array;
    }

    long bytes() { return key.bytes(); }
  }

  /** Free arrays by dtype and length, and all of them in the order they were freed (for eviction). */
  private static final Map<Key, ArrayDeque<Free>> FREE = new HashMap<>();
  private static final LinkedHashSet<Free> AGE = new LinkedHashSet<>();
  private static long pooledBytes;

  /** Runs the recycling of dead storages (one daemon thread, started with the first large storage). */
  private static final Cleaner CLEANER = Cleaner.create();

  /** What a fresh page costs before its first write: about 2-3 us per 4 KB on the VMs we measured. */
  private static final double FAULT_NANOS_PER_BYTE = 0.5;

  private static long handedOutSinceGc;
  /** Bytes given back since the last nudge: how much that nudge freed, late deliveries included. */
  private static long returnedSinceNudge;
  private static long nudgeBytes = NUDGE_BYTES;
  private static long lastNudgeNanos;

  /** Gives a dead storage's array back; holds the array only, never the storage. */
  private static final class Recycle implements Runnable {
    private final INDArray array;

    Recycle(INDArray array) { this.array = array; }

    @Override public void run() {
      synchronized (BufferPool.class) {
        give(array);
        BufferPool.class.notifyAll();
      }
    }
  }

  static boolean pooled(DataType type, long length) {
    return ENABLED && length * type.width() >= MIN_BYTES;
  }

  /** An array of this dtype and length whose contents are garbage: a recycled one when free. */
  static synchronized INDArray take(DataType type, long length) {
    Key key = new Key(type, length);
    handedOutSinceGc += key.bytes();
    INDArray a = poll(key);
    if (a == null && nudgeDue()) {
      // Judge the last nudge by all it gave back, some of which the cleaner delivers late: after
      // one that freed arrays, the next comes once the faults it saves are worth four times its
      // cost; after one that freed nothing (results kept alive), the wait doubles.
      if (lastNudgeNanos > 0) {
        nudgeBytes = returnedSinceNudge > 0
            ? Math.max(NUDGE_BYTES, Math.min(MAX_NUDGE_BYTES, (long) (4 * lastNudgeNanos / FAULT_NANOS_PER_BYTE)))
            : Math.min(nudgeBytes * 2, 1L << 40);
      }
      nudge();
      a = poll(key);
      if (TRACE) System.err.printf("pool: gc %.1f ms, %d MB free, next after %d MB%n", lastNudgeNanos / 1e6, pooledBytes >> 20, nudgeBytes >> 20);
    }
    if (TRACE && a == null) System.err.printf("pool: fresh %d MB (%d MB since gc)%n", key.bytes() >> 20, handedOutSinceGc >> 20);
    if (a != null) return a;
    fresh++;
    return Nd4j.createUninitialized(type, length);
  }

  private static INDArray poll(Key key) {
    ArrayDeque<Free> q = FREE.get(key);
    if (q == null || q.isEmpty()) return null;
    Free f = q.pollLast();
    AGE.remove(f);
    pooledBytes -= f.bytes();
    return f.array;
  }

  /** Registers a storage: its array comes back here once the storage is unreachable. */
  static synchronized void track(NdStorage s, INDArray array) {
    CLEANER.register(s, new Recycle(array));
  }

  private static void give(INDArray a) {
    Free f = new Free(new Key(a.dataType(), a.length()), a);
    if (f.bytes() > MAX_POOLED) return;
    returnedSinceNudge += f.bytes();
    FREE.computeIfAbsent(f.key, x -> new ArrayDeque<>()).addLast(f);
    AGE.add(f);
    pooledBytes += f.bytes();
    for (Iterator<Free> it = AGE.iterator(); pooledBytes > MAX_POOLED && it.hasNext(); ) {
      Free oldest = it.next();
      it.remove();
      FREE.get(oldest.key).remove(oldest);
      pooledBytes -= oldest.bytes();
    }
  }

  /**
   * Whether to ask for a collection instead of faulting in a fresh array: when enough went out
   * since the last one for some of it to be dead, and the last one took less than half the time
   * that faulting in all of that afresh would (so on a heap where collections are slow, nudges
   * get rare and stop).
   */
  private static boolean nudgeDue() {
    if (handedOutSinceGc < nudgeBytes) return false;
    return lastNudgeNanos <= FAULT_NANOS_PER_BYTE * handedOutSinceGc / 2;
  }

  private static void nudge() {
    long start = System.nanoTime();
    handedOutSinceGc = 0;
    returnedSinceNudge = 0;
    // The cleaner thread gives the arrays back after the collector has found them dead. A
    // sentinel that dies with this collection tells when the cleaner has got that far; wait for
    // it, briefly (wait() lets go of the lock the cleaner's actions need).
    boolean[] seen = new boolean[1];
    CLEANER.register(new Object(), () -> {
      synchronized (BufferPool.class) {
        seen[0] = true;
        BufferPool.class.notifyAll();
      }
    });
    System.gc();
    lastNudgeNanos = System.nanoTime() - start;
    long deadline = System.nanoTime() + SENTINEL_WAIT_NANOS;
    try {
      for (long left = SENTINEL_WAIT_NANOS; !seen[0] && left > 0; left = deadline - System.nanoTime()) {
        BufferPool.class.wait(Math.max(1, left / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The longest a nudge waits for the cleaner (it usually takes well under a millisecond). */
  private static final long SENTINEL_WAIT_NANOS = 20_000_000;

  private static long fresh;

  /** Arrays taken fresh from ND4J so far, not recycled (for tests). */
  static synchronized long freshAllocations() {
    return fresh;
  }

  /** Bytes now held in free arrays (for tests). */
  static synchronized long pooledBytes() {
    return pooledBytes;
  }
}
