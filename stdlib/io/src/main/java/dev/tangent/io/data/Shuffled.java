package dev.tangent.io.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A seeded shuffle. Random-access sources get a full permutation (Fisher-Yates); streams get a
 * buffered shuffle that keeps {@code buffer} elements in memory. With reshuffling, pass e of the
 * data uses a seed derived from (seed, e), so the sequence of epochs repeats for the same seed.
 */
public final class Shuffled implements Source {
  private final Source src;
  private final long seed;
  private final int buffer;
  private final boolean reshuffle;

  public Shuffled(Source src, long seed, int buffer, boolean reshuffle) {
    this.src = src;
    this.seed = seed;
    this.buffer = buffer;
    this.reshuffle = reshuffle;
  }

  @Override public long size() { return src.size(); }
  @Override public boolean randomAccess() { return src.randomAccess(); }
  @Override public String unit() { return src.unit(); }

  private SplittableRandom rng(int epoch) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + (reshuffle ? epoch : 0));
  }

  /** The order of pass {@code epoch}: a permutation of 0..n-1. */
  public int[] permutation(int epoch) {
    int n = (int) src.size();
    int[] p = new int[n];
    for (int i = 0; i < n; i++) p[i] = i;
    SplittableRandom r = rng(epoch);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  @Override public RandomReader random() {
    int[] p = permutation(0);
    RandomReader r = src.random();
    return new RandomReader() {
      @Override public Element get(long i) { return r.get(p[(int) i]); }
      @Override public void close() { r.close(); }
    };
  }

  @Override public ElementIterator open(int epoch) {
    if (src.randomAccess() && src.size() >= 0) {
      int[] p = permutation(epoch);
      RandomReader r = src.random();
      return ElementIterator.of(new Iterator<>() {
        int i;
        @Override public boolean hasNext() { return i < p.length; }
        @Override public Element next() {
          if (i >= p.length) throw new NoSuchElementException();
          return r.get(p[i++]);
        }
      }, r);
    }
    ElementIterator up = src.open(epoch);
    SplittableRandom r = rng(epoch);
    List<Element> buf = new ArrayList<>();
    return ElementIterator.of(new Iterator<>() {
      @Override public boolean hasNext() {
        fill();
        return !buf.isEmpty();
      }

      @Override public Element next() {
        fill();
        if (buf.isEmpty()) throw new NoSuchElementException();
        int j = r.nextInt(buf.size());
        Element e = buf.get(j);
        if (up.hasNext()) {
          buf.set(j, up.next());
        } else {
          buf.set(j, buf.get(buf.size() - 1));
          buf.remove(buf.size() - 1);
        }
        return e;
      }

      private void fill() {
        while (buf.size() < buffer && up.hasNext()) buf.add(up.next());
      }
    }, up);
  }

  @Override public String describe() {
    boolean full = src.randomAccess();
    return src.describe() + " | shuffle(seed " + seed + (full ? "" : ", buffer " + buffer) + ")";
  }
}
