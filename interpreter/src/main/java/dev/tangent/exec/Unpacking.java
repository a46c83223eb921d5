package dev.tangent.exec;

import dev.tangent.spi.Iteration;
import dev.tangent.spi.TList;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.util.Iterator;
import java.util.List;

/** What destructuring and for loops need on both tiers: taking values apart, letting iterators go. */
public final class Unpacking {
  private Unpacking() {}

  /** The n items of a tuple, list or other iterable, or an error saying why they do not fit. */
  public static List<Object> items(Object value, int n) {
    List<Object> xs;
    if (value instanceof Tuple t) xs = t.list();
    else if (value instanceof TList l) xs = l.items;
    else {
      try {
        xs = Iteration.toList(value).items;
      } catch (TangentError e) {
        throw TangentError.runtime("cannot destructure a " + Types.typeName(value));
      }
    }
    if (xs.size() != n) {
      throw TangentError.runtime("cannot destructure a " + Types.typeName(value) + " of " + xs.size()
          + " items into " + n + " names");
    }
    return xs;
  }

  /** Iterators that hold something (a progress bar, an open file) let go when the loop ends. */
  public static void close(Iterator<Object> iter) {
    if (!(iter instanceof AutoCloseable c)) return;
    try {
      c.close();
    } catch (TangentError e) {
      throw e;
    } catch (Exception e) {
      throw TangentError.runtime("closing the loop's iterator failed: " + e.getMessage());
    }
  }
}
