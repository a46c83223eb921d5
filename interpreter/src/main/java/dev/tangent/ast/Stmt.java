package dev.tangent.ast;

import dev.tangent.spi.BinOp;
import dev.tangent.diag.Span;
import java.util.List;

/** Statements of the syntax tree. */
public sealed interface Stmt {
  Span span();

  /** let (mutable = false) or var (mutable = true); init may be null only for var. */
  record Let(Span span, boolean mutable, Pattern pattern, TypeRef type, Expr init) implements Stmt {}
  record Fn(Span span, FunctionDef function) implements Stmt {}
  record For(Span span, Pattern pattern, Expr iterable, Block body) implements Stmt {}
  record While(Span span, Expr condition, Block body) implements Stmt {}
  record Break(Span span) implements Stmt {}
  record Continue(Span span) implements Stmt {}
  record Return(Span span, Expr value) implements Stmt {}
  record Import(Span span, List<String> path, String alias) implements Stmt {}
  /** from a.b import x, y  (names empty and star true for import *). */
  record FromImport(Span span, List<String> path, List<Expr.Name> names, boolean star) implements Stmt {}
  /** target = value, or target op= value when op is not null. */
  record Assign(Span span, Expr target, BinOp op, Expr value) implements Stmt {}
  record ExprStmt(Span span, Expr expr) implements Stmt {}
}
