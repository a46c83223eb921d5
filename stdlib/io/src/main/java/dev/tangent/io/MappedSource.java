package dev.tangent.io;

import dev.tangent.io.data.Element;
import dev.tangent.io.data.ElementIterator;
import dev.tangent.io.data.Source;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Context;
import dev.tangent.spi.Tuple;
import java.util.Iterator;

/** map(fn): the function gets an element's fields as separate arguments and returns the new element. */
final class MappedSource implements Source {
  private final Source src;
  private final Callable fn;
  private final Context ctx;

  MappedSource(Source src, Callable fn, Context ctx) {
    this.src = src;
    this.fn = fn;
    this.ctx = ctx;
  }

  private Element apply(Element e) {
    Object v = Dataset.toValue(e);
    Object[] args = v instanceof Tuple t ? t.toArray() : new Object[] {v};
    return Dataset.fromValue(fn.call(ctx, args, null));
  }

  @Override public long size() { return src.size(); }
  @Override public boolean randomAccess() { return src.randomAccess(); }
  @Override public String unit() { return src.unit(); }

  @Override public RandomReader random() {
    RandomReader r = src.random();
    return new RandomReader() {
      @Override public Element get(long i) { return apply(r.get(i)); }
      @Override public void close() { r.close(); }
    };
  }

  @Override public ElementIterator open(int epoch) {
    ElementIterator up = src.open(epoch);
    return ElementIterator.of(new Iterator<>() {
      @Override public boolean hasNext() { return up.hasNext(); }
      @Override public Element next() { return apply(up.next()); }
    }, up);
  }

  @Override public String describe() {
    return src.describe() + " | map(" + fn.name() + ")";
  }
}
