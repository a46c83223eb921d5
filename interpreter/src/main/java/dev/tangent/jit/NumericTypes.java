package dev.tangent.jit;

import dev.tangent.ast.Block;
import dev.tangent.ast.Expr;
import dev.tangent.ast.FunctionDef;
import dev.tangent.ast.Pattern;
import dev.tangent.ast.Stmt;
import dev.tangent.resolve.GlobalVar;
import dev.tangent.resolve.Resolution;
import dev.tangent.resolve.Symbol;
import dev.tangent.resolve.VarRef;
import dev.tangent.spi.BinOp;
import dev.tangent.spi.UnOp;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which locals of a compiled body hold nothing but numbers, so that the bytecode tier keeps them
 * in unboxed {@code double} locals and computes on them without boxes or type tests.
 *
 * <p>Proven, not guessed: a local is numeric only when every store into it is a numeric
 * expression (a number literal, a numeric local, arithmetic or negation of numeric operands, a
 * range loop's variable) and, for parameters, when the caller has checked the argument (the
 * specialised entry, which runs only for {@code Double} arguments). Arithmetic on two doubles is
 * exactly what {@code Operators.numeric} computes, so NaN, -0.0, overflow to infinity and integer
 * printing (values are boxed with {@code Num.box} where they leave) are unchanged.
 *
 * <p>One speculation, made safe by construction: in a <em>pure</em> specialised body (only
 * numeric locals, arithmetic, comparisons, control flow and calls of the function to itself), a
 * call of the function to itself returns a number. Its entry checks that the global the body
 * calls itself through still holds this function, and nothing a pure body runs can change that
 * global, so every such call reaches this same body again; a call that nonetheless meets another
 * function fails with an error rather than computing something else (see Rt.unboxSelfCall).
 */
final class NumericTypes {
  private final Resolution res;
  private final FunctionDef def;
  private final boolean[] numParams;
  private final BitSet num = new BitSet();
  private final List<Def> defs = new ArrayList<>();
  private final BitSet anyDef = new BitSet();
  /** Whether a call of the function to itself counts as numeric (pure bodies only). */
  private boolean selfReturnsNum;
  /** The body is pure and every way out of it returns a number. */
  boolean returnsNum;
  /** The body calls itself through its global at least once: that global. */
  boolean callsSelf;
  GlobalVar selfGlobal;

  /** A store into a local: its value expression, or null for "a number by construction". */
  private record Def(int slot, Expr value, BinOp compound) {}

  private NumericTypes(Resolution res, FunctionDef def, boolean[] numParams) {
    this.res = res;
    this.def = def;
    this.numParams = numParams;
  }

  /**
   * Types of a function body; {@code numParams} marks parameters the entry checks to be numbers.
   * A marked parameter that the body also assigns something else loses its mark (the array is
   * updated), so that a numeric parameter is numeric throughout.
   */
  static NumericTypes of(FunctionDef def, Resolution res, boolean[] numParams) {
    while (true) {
      NumericTypes t = solveFor(def, res, numParams);
      boolean dropped = false;
      for (int i = 0; i < numParams.length; i++) {
        if (numParams[i] && !t.num.get(((Symbol) res.declarations.get(def.params().get(i))).slot)) {
          numParams[i] = false;
          dropped = true;
        }
      }
      if (!dropped) return t;
    }
  }

  private static NumericTypes solveFor(FunctionDef def, Resolution res, boolean[] numParams) {
    NumericTypes t = new NumericTypes(res, def, numParams.clone());
    for (int i = 0; i < def.params().size(); i++) {
      int slot = ((Symbol) res.declarations.get(def.params().get(i))).slot;
      if (numParams[i]) t.defs.add(new Def(slot, null, null));
      else t.anyDef.set(slot);
    }
    t.collect(def.body().statements());
    boolean specialised = false;
    for (boolean b : numParams) specialised |= b;
    if (specialised) {
      // Optimistic first: self calls return numbers; kept only if the body turns out pure.
      t.selfReturnsNum = true;
      t.solve();
      t.returnsNum = t.pureBlock(def.body().statements()) && t.tailNum(def.body().statements());
      if (!t.returnsNum) {
        t.selfReturnsNum = false;
        t.solve();
      }
    } else {
      t.solve();
    }
    t.callsSelf = t.findsSelfCall(def.body().statements());
    return t;
  }

  /**
   * Types of a loop statement of a script compiled on its own. Its own locals are typed as in a
   * function (variables declared outside it stay boxed in the script's frame). When the loop is
   * pure, the globals it uses are promoted: the compiled loop checks at its start that each
   * holds a number, keeps them in double locals and writes them back where the loop can be left
   * (its end, and the interrupt poll, the one place a pure loop can stop with an error).
   */
  static NumericTypes ofStatement(Stmt loop, Resolution res, BitSet ownSlots, int slotCount, boolean promote) {
    NumericTypes t = new NumericTypes(res, null, new boolean[0]);
    if (promote) Walk.exprs(List.of(loop), e -> {
      if (e instanceof Expr.Name n && res.refs.get(n) instanceof VarRef.Global g && !t.promoted.containsKey(g.global())) {
        t.promoted.put(g.global(), slotCount + t.promoted.size());
      }
    });
    for (int k : t.promoted.values()) t.defs.add(new Def(k, null, null));
    t.collect(List.of(loop));
    for (Def d : t.defs) if (d.slot < slotCount && !ownSlots.get(d.slot)) t.anyDef.set(d.slot);
    t.solve();
    if (!t.promoted.isEmpty() && !t.pureStmt(loop)) {
      t.promoted.clear();
      t.defs.removeIf(d -> d.slot >= slotCount);
      t.solve();
    }
    return t;
  }

  /** Globals promoted to double locals (ofStatement), each with its pseudo slot after the frame's. */
  final java.util.Map<GlobalVar, Integer> promoted = new java.util.LinkedHashMap<>();

  /** The slot of a numeric variable: a local's frame slot or a promoted global's pseudo slot; -1 if none. */
  int numSlot(Expr.Name n) {
    VarRef r = res.refs.get(n);
    if (r instanceof VarRef.Local l) return num.get(l.symbol().slot) ? l.symbol().slot : -1;
    if (r instanceof VarRef.Global g) {
      Integer k = promoted.get(g.global());
      return k != null && num.get(k) ? k : -1;
    }
    return -1;
  }

  /** Parameters used as operands of arithmetic, comparisons or range bounds: worth a numeric entry. */
  static boolean[] numericallyUsedParams(FunctionDef def, Resolution res) {
    return usedIn(def.body().statements(), def, res);
  }

  private static boolean[] usedIn(List<Stmt> stmts, FunctionDef def, Resolution res) {
    boolean[] used = new boolean[def.params().size()];
    List<Integer> slots = new ArrayList<>();
    for (FunctionDef.Param p : def.params()) slots.add(((Symbol) res.declarations.get(p)).slot);
    Walk.exprs(stmts, e -> {
      if (e instanceof Expr.Binary b && b.op() != BinOp.MATMUL) {
        markParam(b.left(), res, slots, used);
        markParam(b.right(), res, slots, used);
      } else if (e instanceof Expr.Unary u && u.op() != UnOp.NOT) {
        markParam(u.operand(), res, slots, used);
      } else if (e instanceof Expr.RangeLit r) {
        markParam(r.start(), res, slots, used);
        markParam(r.end(), res, slots, used);
      }
    });
    return used;
  }

  /**
   * Parameters used as operands of arithmetic, comparisons or range bounds inside a loop of the
   * body (its condition, iterable or statements): where unboxing them is repeated.
   */
  static boolean[] loopUsedParams(FunctionDef def, Resolution res) {
    boolean[] used = new boolean[def.params().size()];
    Walk.statements(def.body().statements(), s -> {
      if (s instanceof Stmt.For || s instanceof Stmt.While) {
        boolean[] inLoop = usedIn(List.of(s), def, res);
        for (int i = 0; i < used.length; i++) used[i] |= inLoop[i];
      }
    });
    return used;
  }

  private static void markParam(Expr e, Resolution res, List<Integer> slots, boolean[] used) {
    if (e instanceof Expr.Name n && res.refs.get(n) instanceof VarRef.Local l) {
      int i = slots.indexOf(l.symbol().slot);
      if (i >= 0) used[i] = true;
    }
  }

  // ------------------------------------------------------------------ queries

  boolean isNumSlot(int slot) {
    return num.get(slot);
  }

  boolean isNumLocal(Expr.Name n) {
    return numSlot(n) >= 0;
  }

  /** An expression whose value is a number, computed as a double. */
  boolean isNum(Expr e) {
    if (e instanceof Expr.NumberLit) return true;
    if (e instanceof Expr.Name n) return isNumLocal(n);
    if (e instanceof Expr.Binary b) return arithmetic(b.op()) && isNum(b.left()) && isNum(b.right());
    if (e instanceof Expr.Unary u) return u.op() != UnOp.NOT && isNum(u.operand());
    if (e instanceof Expr.Call c) return selfReturnsNum && isSelfCall(c);
    if (e instanceof Expr.If i) {
      if (!valueNum(i.then())) return false;
      if (i.otherwise() instanceof Block b) return valueNum(b);
      return i.otherwise() instanceof Expr.If other && isNum(other);
    }
    return false;
  }

  /** A comparison of two numeric operands: compiled to a plain double comparison. */
  boolean isNumComparison(Expr e) {
    return e instanceof Expr.Binary b && b.op().isComparison() && isNum(b.left()) && isNum(b.right());
  }

  static boolean arithmetic(BinOp op) {
    return !op.isComparison() && op != BinOp.MATMUL;
  }

  /**
   * A call of the function to itself through the global it is declared as, with every argument
   * for a numeric parameter numeric: compiled as a direct call of the numeric entry.
   */
  boolean isSelfCall(Expr.Call c) {
    if (def == null || !(c.callee() instanceof Expr.Name n)) return false;
    if (!(res.refs.get(n) instanceof VarRef.Global g) || g.global().function != def) return false;
    if (c.args().size() != def.params().size()) return false;
    boolean any = false;
    for (int i = 0; i < c.args().size(); i++) {
      Expr.Arg a = c.args().get(i);
      if (a.name() != null || def.params().get(i).type() != null) return false;
      if (numParams[i]) {
        any = true;
        if (!isNum(a.value())) return false;
      }
    }
    return any;
  }

  private boolean valueNum(Block b) {
    List<Stmt> s = b.statements();
    return !s.isEmpty() && s.get(s.size() - 1) instanceof Stmt.ExprStmt es && isNum(es.expr());
  }

  // ------------------------------------------------------------------ solving

  /** Records every store into a local, at any depth of the body. */
  private void collect(List<Stmt> stmts) {
    Walk.statements(stmts, this::collect);
  }

  private void collect(Stmt s) {
    if (s instanceof Stmt.Let let) {
      if (let.pattern() instanceof Pattern.Name pn && !pn.ignored()) {
        int slot = slotOf(pn);
        if (slot < 0) return;
        if (let.init() == null || let.type() != null) anyDef.set(slot);
        else defs.add(new Def(slot, let.init(), null));
      } else {
        anyNames(let.pattern());
      }
    } else if (s instanceof Stmt.For f) {
      if (f.pattern() instanceof Pattern.Name pn && !pn.ignored() && f.iterable() instanceof Expr.RangeLit) {
        int slot = slotOf(pn);
        if (slot >= 0) defs.add(new Def(slot, null, null));
      } else {
        anyNames(f.pattern());
      }
    } else if (s instanceof Stmt.Assign a) {
      if (a.target() instanceof Expr.Name n) {
        int slot = -1;
        if (res.refs.get(n) instanceof VarRef.Local l) slot = l.symbol().slot;
        else if (res.refs.get(n) instanceof VarRef.Global g && promoted.containsKey(g.global())) slot = promoted.get(g.global());
        if (slot >= 0) {
          if (a.op() != null && !arithmetic(a.op())) anyDef.set(slot);
          else defs.add(new Def(slot, a.value(), a.op()));
        }
      } else if (a.target() instanceof Expr.TupleLit t) {
        anyTargets(t);
      }
    }
  }

  private int slotOf(Pattern.Name pn) {
    return res.declarations.get(pn) instanceof Symbol s ? s.slot : -1;
  }

  private void anyNames(Pattern p) {
    if (p instanceof Pattern.Name pn) {
      int slot = pn.ignored() ? -1 : slotOf(pn);
      if (slot >= 0) anyDef.set(slot);
    } else {
      for (Pattern q : ((Pattern.Destructure) p).items()) anyNames(q);
    }
  }

  private void anyTargets(Expr.TupleLit t) {
    for (Expr e : t.items()) {
      if (e instanceof Expr.Name n && res.refs.get(n) instanceof VarRef.Local l) anyDef.set(l.symbol().slot);
      else if (e instanceof Expr.Name n && res.refs.get(n) instanceof VarRef.Global g && promoted.containsKey(g.global())) {
        anyDef.set(promoted.get(g.global()));
      }
      else if (e instanceof Expr.TupleLit inner) anyTargets(inner);
    }
  }

  /** Largest fixed point: start from "every candidate is numeric", drop what a store disproves. */
  private void solve() {
    num.clear();
    for (Def d : defs) num.set(d.slot);
    num.andNot(anyDef);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Def d : defs) {
        if (!num.get(d.slot) || d.value == null) continue;
        if (!isNum(d.value)) {
          num.clear(d.slot);
          changed = true;
        }
      }
    }
  }

  // ------------------------------------------------------------------ purity

  private boolean pureBlock(List<Stmt> stmts) {
    for (Stmt s : stmts) if (!pureStmt(s)) return false;
    return true;
  }

  private boolean pureStmt(Stmt s) {
    if (s instanceof Stmt.Let let) {
      return let.pattern() instanceof Pattern.Name pn && !pn.ignored() && num.get(slotOf(pn))
          && let.init() != null && let.type() == null && pureExpr(let.init());
    }
    if (s instanceof Stmt.Assign a) {
      return a.target() instanceof Expr.Name n && isNumLocal(n) && (a.op() == null || arithmetic(a.op()))
          && pureExpr(a.value());
    }
    if (s instanceof Stmt.ExprStmt es) {
      if (es.expr() instanceof Expr.If i) return pureIfStmt(i);
      return es.expr() instanceof Expr.StringLit || pureExpr(es.expr());
    }
    if (s instanceof Stmt.While w) return pureCond(w.condition()) && pureBlock(w.body().statements());
    if (s instanceof Stmt.For f) {
      return f.pattern() instanceof Pattern.Name pn && !pn.ignored() && num.get(slotOf(pn))
          && f.iterable() instanceof Expr.RangeLit r && pureExpr(r.start()) && pureExpr(r.end())
          && pureBlock(f.body().statements());
    }
    if (s instanceof Stmt.Break || s instanceof Stmt.Continue) return true;
    if (s instanceof Stmt.Return r) return r.value() != null && pureExpr(r.value());
    return false;
  }

  private boolean pureIfStmt(Expr.If i) {
    if (!pureCond(i.condition()) || !pureBlock(i.then().statements())) return false;
    if (i.otherwise() instanceof Block b) return pureBlock(b.statements());
    if (i.otherwise() instanceof Expr.If other) return pureIfStmt(other);
    return true;
  }

  private boolean pureExpr(Expr e) {
    if (!isNum(e)) return false;
    if (e instanceof Expr.Binary b) return pureExpr(b.left()) && pureExpr(b.right());
    if (e instanceof Expr.Unary u) return pureExpr(u.operand());
    if (e instanceof Expr.Call c) {
      for (Expr.Arg a : c.args()) if (!pureExpr(a.value())) return false;
      return true;
    }
    if (e instanceof Expr.If i) {
      if (!pureCond(i.condition()) || !pureValueBlock(i.then())) return false;
      if (i.otherwise() instanceof Block b) return pureValueBlock(b);
      return pureExpr((Expr) i.otherwise());
    }
    return true;   // literal or numeric local
  }

  private boolean pureValueBlock(Block b) {
    List<Stmt> s = b.statements();
    return pureBlock(s.subList(0, s.size() - 1)) && pureExpr(((Stmt.ExprStmt) s.get(s.size() - 1)).expr());
  }

  private boolean pureCond(Expr e) {
    if (e instanceof Expr.BoolLit) return true;
    if (e instanceof Expr.Logical l) return pureCond(l.left()) && pureCond(l.right());
    return e instanceof Expr.Binary b && b.op().isComparison() && pureExpr(b.left()) && pureExpr(b.right());
  }

  /** Whether every way out of a body (in tail position) returns a number. */
  private boolean tailNum(List<Stmt> stmts) {
    if (stmts.isEmpty()) return false;
    Stmt last = stmts.get(stmts.size() - 1);
    if (last instanceof Stmt.Return) return true;   // pureStmt checked its value
    if (last instanceof Stmt.ExprStmt es) {
      if (es.expr() instanceof Expr.If i) return tailIfNum(i);
      return isNum(es.expr());
    }
    return false;
  }

  private boolean tailIfNum(Expr.If i) {
    if (!tailNum(i.then().statements())) return false;
    if (i.otherwise() instanceof Block b) return tailNum(b.statements());
    return i.otherwise() instanceof Expr.If other && tailIfNum(other);
  }

  private boolean findsSelfCall(List<Stmt> stmts) {
    Walk.exprs(stmts, e -> {
      if (selfGlobal == null && e instanceof Expr.Call c && isSelfCall(c)) {
        selfGlobal = ((VarRef.Global) res.refs.get((Expr.Name) c.callee())).global();
      }
    });
    return selfGlobal != null;
  }
}
