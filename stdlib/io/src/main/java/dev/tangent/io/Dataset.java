package dev.tangent.io;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.io.array.NdArray;
import dev.tangent.io.data.Element;
import dev.tangent.io.data.ElementIterator;
import dev.tangent.io.data.Source;
import dev.tangent.progress.Progress;
import dev.tangent.progress.ProgressTask;
import dev.tangent.spi.Context;
import dev.tangent.spi.Sized;
import dev.tangent.spi.TIterable;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A dataset value: a pipeline of sources. Iterating it is one pass (an epoch); it yields a tuple
 * of tensors per element (a single tensor when there is one field; numbers for scalar fields of
 * unbatched elements). A pass that takes long shows a progress bar.
 */
public final class Dataset implements TIterable, Sized {
  final Context ctx;
  final Source source;
  private final AtomicInteger epochs = new AtomicInteger();

  Dataset(Context ctx, Source source) {
    this.ctx = ctx;
    this.source = source;
  }

  Dataset then(Source next) {
    return new Dataset(ctx, next);
  }

  @Override public long length() {
    long n = source.size();
    if (n < 0) throw TangentError.runtime("len(): this dataset does not know its length");
    return n;
  }

  @Override public Iterator<Object> iterator() {
    ElementIterator it = source.open(epochs.getAndIncrement());
    ProgressTask task = Progress.start(ctx, source.unit(), source.size());
    return new Pass(it, task);
  }

  /** The user-facing value of an element. */
  static Object toValue(Element e) {
    NdArray[] parts = e.parts();
    Object[] vals = new Object[parts.length];
    for (int i = 0; i < parts.length; i++) {
      NdArray p = parts[i];
      Tensor t = ArrayConvert.toTensor(p);
      vals[i] = p.shape.length == 0 ? (Object) t.toDoubleArray()[0] : t;
    }
    return vals.length == 1 ? vals[0] : new Tuple(vals);
  }

  /** An element from what a map function returned. */
  static Element fromValue(Object v) {
    Object[] items = v instanceof Tuple t ? t.toArray() : new Object[] {v};
    NdArray[] parts = new NdArray[items.length];
    for (int i = 0; i < items.length; i++) {
      Object x = items[i];
      if (x instanceof Tensor t) parts[i] = ArrayConvert.fromTensor(t, null);
      else if (x instanceof Double d) parts[i] = NdArray.ofDoubles(new int[0], new double[] {d});
      else if (x instanceof Boolean b) parts[i] = NdArray.ofDoubles(new int[0], new double[] {b ? 1 : 0});
      else throw TangentError.runtime("map(): the function must return tensors or numbers (or a tuple of them), got " + Types.typeName(x));
    }
    return new Element(parts);
  }

  @Override public String toString() {
    long n = source.size();
    return "<dataset " + (n >= 0 ? n + " " : "") + source.unit() + ": " + source.describe() + ">";
  }

  private static final class Pass implements Iterator<Object>, AutoCloseable {
    private final ElementIterator it;
    private final ProgressTask task;
    private long done;

    Pass(ElementIterator it, ProgressTask task) {
      this.it = it;
      this.task = task;
    }

    @Override public boolean hasNext() {
      boolean more;
      try {
        more = it.hasNext();
      } catch (RuntimeException e) {
        close();
        throw e;
      }
      if (!more) {
        task.stepTo(done);
        close();
      }
      return more;
    }

    @Override public Object next() {
      if (done > 0) task.stepTo(done);
      Object v;
      try {
        v = toValue(it.next());
      } catch (RuntimeException e) {
        close();
        throw e;
      }
      done++;
      return v;
    }

    @Override public void close() {
      task.close();
      it.close();
    }
  }
}
