package dev.tangent.resolve;

import dev.tangent.ast.FunctionDef;
import java.util.ArrayList;
import java.util.List;

/** One function's frame layout: slot count and the cells it captures from enclosing functions. */
public final class FnScope {
  /** A captured variable: from the parent's frame slot, or from the parent's own captures. */
  public record Upvalue(Symbol symbol, boolean fromParentLocal, int index) {}

  public final FnScope parent;
  public final FunctionDef def;   // null for the top-level script
  public final List<Upvalue> upvalues = new ArrayList<>();
  public int slotCount;
  int loopDepth;

  FnScope(FnScope parent, FunctionDef def) {
    this.parent = parent;
    this.def = def;
  }

  public boolean isScript() { return def == null; }

  int newSlot() { return slotCount++; }

  int upvalueIndex(Symbol s, boolean fromParentLocal, int index) {
    for (int i = 0; i < upvalues.size(); i++) {
      Upvalue u = upvalues.get(i);
      if (u.symbol() == s) return i;
    }
    upvalues.add(new Upvalue(s, fromParentLocal, index));
    return upvalues.size() - 1;
  }
}
