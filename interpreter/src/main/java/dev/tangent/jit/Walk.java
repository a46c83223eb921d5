package dev.tangent.jit;

import dev.tangent.ast.Block;
import dev.tangent.ast.Expr;
import dev.tangent.ast.Stmt;
import java.util.List;
import java.util.function.Consumer;

/**
 * Visits every statement and expression of a body, at any depth: loop bodies, if-statements and
 * the blocks of if-expressions (not the bodies of lambdas, which are other functions).
 */
final class Walk {
  private final Consumer<Stmt> onStmt;
  private final Consumer<Expr> onExpr;

  private Walk(Consumer<Stmt> onStmt, Consumer<Expr> onExpr) {
    this.onStmt = onStmt;
    this.onExpr = onExpr;
  }

  static void statements(List<Stmt> stmts, Consumer<Stmt> onStmt) {
    new Walk(onStmt, e -> {}).block(stmts);
  }

  static void exprs(List<Stmt> stmts, Consumer<Expr> onExpr) {
    new Walk(s -> {}, onExpr).block(stmts);
  }

  private void block(List<Stmt> stmts) {
    for (Stmt s : stmts) stmt(s);
  }

  private void stmt(Stmt s) {
    onStmt.accept(s);
    if (s instanceof Stmt.Let l) {
      expr(l.init());
    } else if (s instanceof Stmt.For f) {
      expr(f.iterable());
      block(f.body().statements());
    } else if (s instanceof Stmt.While w) {
      expr(w.condition());
      block(w.body().statements());
    } else if (s instanceof Stmt.Return r) {
      expr(r.value());
    } else if (s instanceof Stmt.Assign a) {
      expr(a.target());
      expr(a.value());
    } else if (s instanceof Stmt.ExprStmt e) {
      expr(e.expr());
    }
  }

  private void expr(Expr e) {
    if (e == null) return;
    onExpr.accept(e);
    if (e instanceof Expr.Interpolated s) {
      for (Object p : s.parts()) if (p instanceof Expr pe) expr(pe);
    } else if (e instanceof Expr.TupleLit t) {
      for (Expr x : t.items()) expr(x);
    } else if (e instanceof Expr.ListLit l) {
      for (Expr x : l.items()) expr(x);
    } else if (e instanceof Expr.MapLit m) {
      for (Expr.MapEntry en : m.entries()) {
        expr(en.key());
        expr(en.value());
      }
    } else if (e instanceof Expr.Member m) {
      expr(m.target());
    } else if (e instanceof Expr.Call c) {
      expr(c.callee());
      for (Expr.Arg a : c.args()) expr(a.value());
    } else if (e instanceof Expr.Index ix) {
      expr(ix.target());
      for (Expr.Subscript sub : ix.subscripts()) {
        if (sub instanceof Expr.IndexSub is) {
          expr(is.index());
        } else if (sub instanceof Expr.SliceSub sl) {
          expr(sl.lo());
          expr(sl.hi());
          expr(sl.step());
        }
      }
    } else if (e instanceof Expr.Binary b) {
      expr(b.left());
      expr(b.right());
    } else if (e instanceof Expr.Unary u) {
      expr(u.operand());
    } else if (e instanceof Expr.Logical l) {
      expr(l.left());
      expr(l.right());
    } else if (e instanceof Expr.RangeLit r) {
      expr(r.start());
      expr(r.end());
    } else if (e instanceof Expr.In in) {
      expr(in.item());
      expr(in.container());
    } else if (e instanceof Expr.If i) {
      expr(i.condition());
      block(i.then().statements());
      if (i.otherwise() instanceof Block b) block(b.statements());
      else if (i.otherwise() instanceof Expr.If other) expr(other);
    }
  }
}
