package dev.tangent.resolve;

import dev.tangent.ast.FunctionDef;
import dev.tangent.diag.Span;
import dev.tangent.exec.Cell;

/** A top-level name of a script or REPL session. Its cell outlives each compiled entry. */
public final class GlobalVar {
  public final String name;
  public final Cell cell;
  public boolean mutable;
  public FunctionDef function;
  public Span declared;

  public GlobalVar(String name, Cell cell, boolean mutable, FunctionDef function, Span declared) {
    this.name = name;
    this.cell = cell;
    this.mutable = mutable;
    this.function = function;
    this.declared = declared;
  }
}
