package dev.tangent.io.data;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** Chosen elements of a random-access source, in the given order (what split() returns). */
public final class Subset implements Source {
  private final Source src;
  private final int[] indices;
  private final String label;

  public Subset(Source src, int[] indices, String label) {
    this.src = src;
    this.indices = indices;
    this.label = label;
  }

  @Override public long size() { return indices.length; }
  @Override public boolean randomAccess() { return true; }
  @Override public String unit() { return src.unit(); }

  @Override public RandomReader random() {
    RandomReader r = src.random();
    return new RandomReader() {
      @Override public Element get(long i) { return r.get(indices[(int) i]); }
      @Override public void close() { r.close(); }
    };
  }

  @Override public ElementIterator open(int epoch) {
    RandomReader r = random();
    return ElementIterator.of(new Iterator<>() {
      int i;
      @Override public boolean hasNext() { return i < indices.length; }
      @Override public Element next() {
        if (i >= indices.length) throw new NoSuchElementException();
        return r.get(i++);
      }
    }, r);
  }

  @Override public String describe() {
    return src.describe() + " | " + label;
  }
}
