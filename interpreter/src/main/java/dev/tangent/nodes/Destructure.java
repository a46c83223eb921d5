package dev.tangent.nodes;

import dev.tangent.diag.Span;
import dev.tangent.spi.TangentError;
import dev.tangent.exec.Frame;
import dev.tangent.spi.Iteration;
import dev.tangent.spi.TList;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.util.List;

/** let (a, (b, c)) = value: unpacks a tuple, list or other iterable into targets. */
public record Destructure(Span span, Variables.Target[] items) implements Variables.Target {
  @Override public void store(Frame f, Object value) {
    List<Object> xs;
    try {
      xs = items(value, items.length);
    } catch (TangentError e) {
      throw e.locate(span, f.code.name);
    }
    for (int i = 0; i < items.length; i++) items[i].store(f, xs.get(i));
  }

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
}
