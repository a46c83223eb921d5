package dev.tangent.ast;

import dev.tangent.diag.Span;
import java.util.List;

/** A type annotation such as Number or SE3.Tangent: a dotted path evaluated to a type value. */
public record TypeRef(Span span, List<String> path) {
  public String text() { return String.join(".", path); }
}
