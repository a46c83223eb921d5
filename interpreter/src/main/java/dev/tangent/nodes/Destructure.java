package dev.tangent.nodes;

import dev.tangent.diag.Span;
import dev.tangent.spi.TangentError;
import dev.tangent.exec.Frame;
import dev.tangent.exec.Unpacking;
import java.util.List;

/** let (a, (b, c)) = value: unpacks a tuple, list or other iterable into targets. */
public record Destructure(Span span, Variables.Target[] items) implements Variables.Target {
  @Override public void store(Frame f, Object value) {
    List<Object> xs;
    try {
      xs = Unpacking.items(value, items.length);
    } catch (TangentError e) {
      throw e.locate(span, f.code.name);
    }
    for (int i = 0; i < items.length; i++) items[i].store(f, xs.get(i));
  }
}
