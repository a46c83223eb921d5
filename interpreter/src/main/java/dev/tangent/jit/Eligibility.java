package dev.tangent.jit;

import dev.tangent.ast.Block;
import dev.tangent.ast.Expr;
import dev.tangent.ast.FunctionDef;
import dev.tangent.ast.Stmt;

/**
 * Which functions the bytecode tier compiles: those without nested functions or lambdas (their
 * variables then never live in cells) and without break/continue inside if-expressions.
 * Everything else keeps running on the node tier, with identical behaviour. An allowlist: a
 * syntax-tree node not named here (a new one included) keeps its function on the node tier, so
 * the bytecode generators never meet a construct they do not know (SealedCoverageTest).
 */
final class Eligibility {
  private boolean ok = true;
  private boolean sawLoop;

  static boolean check(FunctionDef def) {
    return walk(def).ok;
  }

  /** Eligible and containing a loop: one call may run long, so it is compiled on its first. */
  static boolean compileEagerly(FunctionDef def) {
    Eligibility e = walk(def);
    return e.ok && e.sawLoop;
  }

  /** A loop statement of a script, compiled on its own (JitCompiler.loopPromotion). */
  static boolean checkLoop(Stmt loop) {
    if (!(loop instanceof Stmt.For || loop instanceof Stmt.While)) return false;
    Eligibility e = new Eligibility();
    e.stmt(loop, 0, false);
    return e.ok;
  }

  private static Eligibility walk(FunctionDef def) {
    Eligibility e = new Eligibility();
    for (FunctionDef.Param p : def.params()) if (p.defaultValue() != null) e.expr(p.defaultValue(), 0, false);
    e.block(def.body(), 0, false);
    return e;
  }

  private void block(Block b, int loops, boolean value) {
    for (Stmt s : b.statements()) stmt(s, loops, value);
  }

  private void stmt(Stmt s, int loops, boolean value) {
    if (!ok) return;
    if (s instanceof Stmt.Fn || s instanceof Stmt.Import || s instanceof Stmt.FromImport) {
      ok = false;
    } else if (s instanceof Stmt.Let l) {
      if (l.init() != null) expr(l.init(), loops, value);
    } else if (s instanceof Stmt.For f) {
      sawLoop = true;
      expr(f.iterable(), loops, value);
      block(f.body(), loops + 1, false);
    } else if (s instanceof Stmt.While w) {
      sawLoop = true;
      expr(w.condition(), loops, value);
      block(w.body(), loops + 1, false);
    } else if (s instanceof Stmt.Break || s instanceof Stmt.Continue) {
      if (value && loops == 0) ok = false;
    } else if (s instanceof Stmt.Return r) {
      if (r.value() != null) expr(r.value(), loops, value);
    } else if (s instanceof Stmt.Assign a) {
      expr(a.target(), loops, value);
      expr(a.value(), loops, value);
    } else if (s instanceof Stmt.ExprStmt e) {
      if (e.expr() instanceof Expr.If i) ifStatement(i, loops, value);
      else expr(e.expr(), loops, value);
    } else {
      ok = false;   // not on the list
    }
  }

  /** An if used as a statement compiles to plain jumps, so break/continue inside it are fine. */
  private void ifStatement(Expr.If i, int loops, boolean value) {
    expr(i.condition(), loops, value);
    block(i.then(), loops, value);
    if (i.otherwise() instanceof Block b) block(b, loops, value);
    else if (i.otherwise() instanceof Expr.If other) ifStatement(other, loops, value);
  }

  /** {@code value}: inside an if-expression used for its value, where jumps to loops are not allowed. */
  private void expr(Expr e, int loops, boolean value) {
    if (!ok || e == null) return;
    if (e instanceof Expr.Lambda) {
      ok = false;
    } else if (e instanceof Expr.If i) {
      expr(i.condition(), loops, value);
      block(i.then(), 0, true);
      if (i.otherwise() instanceof Block b) block(b, 0, true);
      else if (i.otherwise() instanceof Expr.If other) expr(other, 0, true);
    } else if (e instanceof Expr.Interpolated s) {
      for (Object p : s.parts()) if (p instanceof Expr pe) expr(pe, loops, value);
    } else if (e instanceof Expr.TupleLit t) {
      for (Expr x : t.items()) expr(x, loops, value);
    } else if (e instanceof Expr.ListLit l) {
      for (Expr x : l.items()) expr(x, loops, value);
    } else if (e instanceof Expr.MapLit m) {
      for (Expr.MapEntry en : m.entries()) {
        expr(en.key(), loops, value);
        expr(en.value(), loops, value);
      }
    } else if (e instanceof Expr.Member m) {
      expr(m.target(), loops, value);
    } else if (e instanceof Expr.Call c) {
      expr(c.callee(), loops, value);
      for (Expr.Arg a : c.args()) expr(a.value(), loops, value);
    } else if (e instanceof Expr.Index ix) {
      expr(ix.target(), loops, value);
      for (Expr.Subscript s : ix.subscripts()) {
        if (s instanceof Expr.IndexSub is) expr(is.index(), loops, value);
        else if (s instanceof Expr.SliceSub sl) {
          expr(sl.lo(), loops, value);
          expr(sl.hi(), loops, value);
          expr(sl.step(), loops, value);
        } else {
          ok = false;
        }
      }
    } else if (e instanceof Expr.Binary b) {
      expr(b.left(), loops, value);
      expr(b.right(), loops, value);
    } else if (e instanceof Expr.Unary u) {
      expr(u.operand(), loops, value);
    } else if (e instanceof Expr.Logical l) {
      expr(l.left(), loops, value);
      expr(l.right(), loops, value);
    } else if (e instanceof Expr.RangeLit r) {
      expr(r.start(), loops, value);
      expr(r.end(), loops, value);
    } else if (e instanceof Expr.In in) {
      expr(in.item(), loops, value);
      expr(in.container(), loops, value);
    } else if (!(e instanceof Expr.NumberLit || e instanceof Expr.StringLit || e instanceof Expr.BoolLit
        || e instanceof Expr.NilLit || e instanceof Expr.Name)) {
      ok = false;   // not on the list
    }
  }
}
