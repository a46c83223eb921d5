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
 * does (its heap objects are tiny). So when no free array fits, the pool weighs asking for one
 * (System.gc) against taking a fresh array, with both costs measured in this process: a nudge
 * is due when the last one took less time than a fresh array of the size wanted is expected to
 * cost, times the share of recent nudges that gave back an array of that size. Both costs vary
 * tenfold between machines and with the load (a fresh 40 MB array took 15-30 ms on a quiet VM
 * and 500 ms of wall time, 130 ms of CPU, on one with a load of 16, where a collection took 26-90
 * ms), so constants would be wrong somewhere. A loop that keeps its results (nothing comes back)
 * lowers the share until nudges stop; after {@link #NUDGE_BYTES} (doubling after each fruitless
 * nudge) of fresh arrays the pool tries again.
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

  /** Measured: what a fresh array costs per byte (EWMA; ND4J writes it, so the faults are in). */
  private static double freshNanosPerByte = 0.5;
  /** Measured: the share of nudges that gave back an array of the size wanted (EWMA). */
  private static double nudgeSuccess = 0.5;

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
    if (a == null && nudgeDue(key.bytes())) {
      // A nudge that freed nothing at all (results kept alive) doubles the volume before the
      // next unconditional one; one that freed something resets it.
      if (lastNudgeNanos > 0) nudgeBytes = returnedSinceNudge > 0 ? NUDGE_BYTES : Math.min(nudgeBytes * 2, 1L << 40);
      nudge(key);
      a = poll(key);
      nudgeSuccess = 0.7 * nudgeSuccess + 0.3 * (a != null ? 1 : 0);
      if (TRACE) System.err.printf("pool: gc %.1f ms, %d MB free, %s, success %.2f%n", lastNudgeNanos / 1e6, pooledBytes >> 20,
          a != null ? "recycled" : "none of this size", nudgeSuccess);
    }
    if (a != null) return a;
    fresh++;
    long t0 = System.nanoTime();
    a = Nd4j.createUninitialized(type, length);
    double perByte = (double) (System.nanoTime() - t0) / key.bytes();
    if (fresh > 1) freshNanosPerByte = 0.7 * freshNanosPerByte + 0.3 * perByte; // the first one also started ND4J
    if (TRACE) System.err.printf("pool: fresh %d MB in %.1f ms (%d MB since gc)%n", key.bytes() >> 20, perByte * key.bytes() / 1e6,
        handedOutSinceGc >> 20);
    return a;
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
   * Whether to ask for a collection instead of taking a fresh array of this many bytes: when the
   * last collection cost less than the fresh array is expected to, weighted by how often nudges
   * give back an array of the size wanted, or when enough went out since the last one that some
   * of it is likely dead (the first nudge, and the retry after fruitless ones).
   */
  private static boolean nudgeDue(long bytes) {
    if (handedOutSinceGc >= nudgeBytes) return true;
    return lastNudgeNanos > 0 && lastNudgeNanos < nudgeSuccess * freshNanosPerByte * bytes;
  }

  private static void nudge(Key wanted) {
    long start = System.nanoTime();
    handedOutSinceGc = 0;
    returnedSinceNudge = 0;
    // The cleaner thread gives the arrays back after the collector has found them dead. A
    // sentinel that dies with this collection tells when the cleaner has got that far; wait for
    // it, briefly (wait() lets go of the lock the cleaner's actions need). The cleaner may take
    // the sentinel before the arrays that died with it, so without an array of the size wanted
    // the wait goes on a little (GRACE_NANOS) for one.
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
      long graceEnd = System.nanoTime() + GRACE_NANOS;
      for (long left = GRACE_NANOS; !has(wanted) && left > 0; left = graceEnd - System.nanoTime()) {
        BufferPool.class.wait(Math.max(1, left / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The longest a nudge waits for the cleaner (it usually takes well under a millisecond). */
  private static final long SENTINEL_WAIT_NANOS = 20_000_000;
  /** How much longer it waits, after the sentinel, for an array of the size wanted. */
  private static final long GRACE_NANOS = 3_000_000;

  private static boolean has(Key key) {
    ArrayDeque<Free> q = FREE.get(key);
    return q != null && !q.isEmpty();
  }

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
