package dev.tangent.ast;

import dev.tangent.diag.Span;
import java.util.List;

/** Binding patterns of let/var/for: a name, or a destructuring tuple or list of patterns. */
public sealed interface Pattern {
  Span span();

  record Name(Span span, String name) implements Pattern {
    public boolean ignored() { return name.equals("_"); }
  }

  record Destructure(Span span, List<Pattern> items) implements Pattern {}
}
