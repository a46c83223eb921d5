package dev.tangent.resolve;

/** What a name in an expression refers to, decided before anything runs. */
public sealed interface VarRef {
  /** A slot of the current frame. */
  record Local(Symbol symbol) implements VarRef {}
  /** A cell captured by the current function. */
  record Upvalue(Symbol symbol, int index) implements VarRef {}
  /** A top-level name. */
  record Global(GlobalVar global) implements VarRef {}
  /** A built-in or an imported module member: a constant. */
  record Constant(String name, Object value) implements VarRef {}
}
