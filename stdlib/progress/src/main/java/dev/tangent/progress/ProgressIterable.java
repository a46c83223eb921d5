package dev.tangent.progress;

import dev.tangent.spi.TangentError;
import dev.tangent.spi.Context;
import dev.tangent.spi.Iteration;
import dev.tangent.spi.Sized;
import dev.tangent.spi.TIterable;
import dev.tangent.spi.Types;
import java.util.Iterator;

/**
 * What progress(xs) returns: iterating it walks xs and advances a bar. An item counts as done when
 * the loop asks for the next one; leaving the loop (break, error) closes the bar.
 */
public final class ProgressIterable implements TIterable, Sized {
  private final Context ctx;
  private final Object source;
  private final long total;
  private final String desc;

  public ProgressIterable(Context ctx, Object source, long total, String desc) {
    this.ctx = ctx;
    this.source = source;
    this.total = total;
    this.desc = desc;
  }

  /** The number of items of a value that knows it, else -1. */
  public static long knownLength(Object v) {
    try {
      return Iteration.length(v);
    } catch (TangentError e) {
      return -1;
    }
  }

  @Override public Iterator<Object> iterator() {
    return new Walk(Iteration.iterator(source), Progress.startNow(ctx, desc, total));
  }

  @Override public long length() {
    if (total < 0) throw TangentError.runtime("len(): this progress(...) has no known length; pass total:");
    return total;
  }

  @Override public String toString() {
    return "<progress" + (desc.isEmpty() ? "" : " '" + desc + "'") + " over " + Types.typeName(source)
        + (total >= 0 ? " of " + total : "") + ">";
  }

  private static final class Walk implements Iterator<Object>, AutoCloseable {
    private final Iterator<Object> inner;
    private final ProgressTask task;
    private long handedOut;

    Walk(Iterator<Object> inner, ProgressTask task) {
      this.inner = inner;
      this.task = task;
    }

    @Override public boolean hasNext() {
      boolean more;
      try {
        more = inner.hasNext();
      } catch (RuntimeException e) {
        task.close();
        throw e;
      }
      if (!more) {
        task.stepTo(handedOut);
        task.close();
      }
      return more;
    }

    @Override public Object next() {
      if (handedOut > 0) task.stepTo(handedOut);
      Object v = inner.next();
      handedOut++;
      return v;
    }

    @Override public void close() {
      task.close();
      if (inner instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          throw TangentError.runtime("closing the iteration failed: " + e.getMessage());
        }
      }
    }
  }
}
