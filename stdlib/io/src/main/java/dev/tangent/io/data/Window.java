package dev.tangent.io.data;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** Elements start .. start+count-1 of a source (take, skip, and unseeded splits of streams). */
public final class Window implements Source {
  private final Source src;
  private final long start;
  private final long count;
  private final String label;

  public Window(Source src, long start, long count, String label) {
    this.src = src;
    this.start = start;
    long s = src.size();
    this.count = s < 0 ? count : Math.max(0, Math.min(count, s - start));
    this.label = label;
  }

  @Override public long size() { return count == Long.MAX_VALUE ? -1 : count; }
  @Override public boolean randomAccess() { return src.randomAccess(); }
  @Override public String unit() { return src.unit(); }

  @Override public RandomReader random() {
    RandomReader r = src.random();
    return new RandomReader() {
      @Override public Element get(long i) { return r.get(start + i); }
      @Override public void close() { r.close(); }
    };
  }

  @Override public ElementIterator open(int epoch) {
    if (src.randomAccess()) {
      RandomReader r = random();
      return ElementIterator.of(new Iterator<>() {
        long i;
        @Override public boolean hasNext() { return i < count; }
        @Override public Element next() {
          if (i >= count) throw new NoSuchElementException();
          return r.get(i++);
        }
      }, r);
    }
    ElementIterator up = src.open(epoch);
    for (long i = 0; i < start && up.hasNext(); i++) up.next();
    return ElementIterator.of(new Iterator<>() {
      long i;
      @Override public boolean hasNext() { return i < count && up.hasNext(); }
      @Override public Element next() {
        if (!hasNext()) throw new NoSuchElementException();
        i++;
        return up.next();
      }
    }, up);
  }

  @Override public String describe() {
    return src.describe() + " | " + label;
  }
}
