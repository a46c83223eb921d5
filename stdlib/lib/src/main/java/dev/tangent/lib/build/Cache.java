package dev.tangent.lib.build;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one worker thread keeps from batch to batch of a pass: matrices derived once per section
 * (cotangents, C⁺W products), work arrays reused instead of reallocated (a pass then allocates
 * almost nothing per batch, so the heap, and the process's memory, stay flat), and through the
 * parent the large read-only matrices that all threads share.
 */
final class Cache implements AutoCloseable {
  private final Map<String, Object> values = new HashMap<>();
  private final Map<String, double[]> work = new HashMap<>();
  private final Cache parent;

  Cache() {
    this(null);
  }

  Cache(Cache parent) {
    this.parent = parent;
  }

  @SuppressWarnings("unchecked")
  <T> T get(String key, Supplier<T> make) {
    Object v = values.get(key);
    if (v == null) {
      v = make.get();
      values.put(key, v);
    }
    return (T) v;
  }

  /** A read-only value shared by every thread of the pass (made once, by whichever thread asks first). */
  <T> T shared(String key, Supplier<T> make) {
    if (parent == null) return get(key, make);
    synchronized (parent) {
      return parent.get(key, make);
    }
  }

  /** A work array of at least size doubles, reused by later calls with the same key (contents undefined). */
  double[] work(String key, int size) {
    double[] a = work.get(key);
    if (a == null || a.length < size) {
      a = new double[size];
      work.put(key, a);
    }
    return a;
  }

  /** Frees native buffers held here. */
  @Override public void close() {
    for (Object v : values.values()) {
      if (v instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
    values.clear();
    work.clear();
  }
}
