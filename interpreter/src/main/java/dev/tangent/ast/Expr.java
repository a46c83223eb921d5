package dev.tangent.ast;

import dev.tangent.spi.BinOp;
import dev.tangent.spi.UnOp;
import dev.tangent.diag.Span;
import java.util.List;

/** Expressions of the syntax tree. Immutable; every node carries its source span. */
public sealed interface Expr {
  Span span();

  record NumberLit(Span span, double value) implements Expr {}
  record StringLit(Span span, String value) implements Expr {}
  /** A string with ${...} parts: each element of {@code parts} is a String or an Expr. */
  record Interpolated(Span span, List<Object> parts) implements Expr {}
  record BoolLit(Span span, boolean value) implements Expr {}
  record NilLit(Span span) implements Expr {}
  record Name(Span span, String name) implements Expr {}
  record TupleLit(Span span, List<Expr> items) implements Expr {}
  record ListLit(Span span, List<Expr> items) implements Expr {}
  record MapLit(Span span, List<MapEntry> entries) implements Expr {}
  record Member(Span span, Expr target, String name, Span nameSpan) implements Expr {}
  record Call(Span span, Expr callee, List<Arg> args) implements Expr {}
  record Index(Span span, Expr target, List<Subscript> subscripts) implements Expr {}
  record Binary(Span span, BinOp op, Expr left, Expr right, Span opSpan) implements Expr {}
  record Unary(Span span, UnOp op, Expr operand) implements Expr {}
  record Logical(Span span, boolean isAnd, Expr left, Expr right) implements Expr {}
  record RangeLit(Span span, Expr start, Expr end, boolean inclusive) implements Expr {}
  record In(Span span, Expr item, Expr container, boolean negated) implements Expr {}
  record Lambda(Span span, FunctionDef function) implements Expr {}
  /** if/else as an expression; {@code otherwise} is null, a Block, or another If. */
  record If(Span span, Expr condition, Block then, Object otherwise) implements Expr {}

  record MapEntry(Expr key, Expr value) {}

  /** A call argument; {@code name} is null for a positional one. */
  record Arg(Span span, String name, Expr value) {}

  sealed interface Subscript { Span span(); }
  record IndexSub(Span span, Expr index) implements Subscript {}
  record SliceSub(Span span, Expr lo, Expr hi, Expr step) implements Subscript {}
}
