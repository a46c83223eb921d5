package dev.tangent.ast;

import dev.tangent.diag.Span;
import java.util.List;

/**
 * A function: declared with fn, written as fn(...) {...}, or a lambda.
 * An expression body `= expr` or `=> expr` is stored as a block holding one expression statement.
 */
public record FunctionDef(Span span, String name, List<Param> params, TypeRef returnType,
                          Block body, String doc) {
  public record Param(Span span, String name, TypeRef type, Expr defaultValue) {}

  public int requiredCount() {
    int n = 0;
    for (Param p : params) if (p.defaultValue() == null) n++;
    return n;
  }
}
