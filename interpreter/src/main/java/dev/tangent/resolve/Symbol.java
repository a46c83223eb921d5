package dev.tangent.resolve;

import dev.tangent.ast.FunctionDef;
import dev.tangent.diag.Span;

/** A local variable: its frame slot, and whether an inner function captures it (then it lives in a Cell). */
public final class Symbol {
  public final String name;
  public final Span declared;
  public final boolean mutable;
  public final FnScope owner;
  public final int slot;
  /** Set when declared by `fn`: lets the resolver check calls' arity. */
  public final FunctionDef function;
  public boolean captured;

  Symbol(String name, Span declared, boolean mutable, FnScope owner, int slot, FunctionDef function) {
    this.name = name;
    this.declared = declared;
    this.mutable = mutable;
    this.owner = owner;
    this.slot = slot;
    this.function = function;
  }
}
