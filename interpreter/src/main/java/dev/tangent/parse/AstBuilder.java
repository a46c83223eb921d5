package dev.tangent.parse;

import dev.tangent.spi.BinOp;
import dev.tangent.ast.Block;
import dev.tangent.ast.Expr;
import dev.tangent.ast.FunctionDef;
import dev.tangent.ast.Pattern;
import dev.tangent.ast.Stmt;
import dev.tangent.ast.TypeRef;
import dev.tangent.spi.UnOp;
import dev.tangent.diag.SourceFile;
import dev.tangent.diag.Span;
import dev.tangent.spi.TangentError;
import dev.tangent.grammar.TangentParser;
import dev.tangent.grammar.TangentParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns ANTLR's parse tree into the immutable syntax tree, checking what the grammar cannot. */
final class AstBuilder {
  private final SourceFile source;
  private final int base;
  final List<TangentError> errors;

  AstBuilder(SourceFile source, int base, List<TangentError> errors) {
    this.source = source;
    this.base = base;
    this.errors = errors;
  }

  // ------------------------------------------------------------------ spans

  Span span(ParserRuleContext ctx) {
    int start = base + ctx.start.getStartIndex();
    Token stop = ctx.stop != null ? ctx.stop : ctx.start;
    int end = base + Math.max(stop.getStopIndex() + 1, ctx.start.getStartIndex());
    if (stop.getType() == Token.EOF) end = base + stop.getStartIndex();
    return new Span(source, start, Math.max(start, end));
  }

  Span span(Token t) {
    int start = base + t.getStartIndex();
    return new Span(source, start, Math.max(start, base + t.getStopIndex() + 1));
  }

  private void error(Span span, String message) {
    errors.add(new TangentError(TangentError.Kind.SYNTAX, message, span));
  }

  // ------------------------------------------------------------------ statements

  List<Stmt> statements(List<StatementContext> ctxs) {
    List<Stmt> out = new ArrayList<>(ctxs.size());
    for (StatementContext c : ctxs) {
      Stmt s = statement(c);
      if (s != null) out.add(s);
    }
    return out;
  }

  Block block(BlockContext ctx) {
    return new Block(span(ctx), statements(ctx.statement()));
  }

  Stmt statement(StatementContext ctx) {
    Span sp = span(ctx);
    if (ctx instanceof LetStmtContext c) {
      return new Stmt.Let(sp, false, pattern(c.pattern()), typeRef(c.typeAnn()), expr(c.expression()));
    } else if (ctx instanceof VarStmtContext c) {
      Expr init = c.expression() == null ? null : expr(c.expression());
      Pattern p = pattern(c.pattern());
      if (init == null && !(p instanceof Pattern.Name)) error(sp, "a destructuring var needs a value");
      return new Stmt.Let(sp, true, p, typeRef(c.typeAnn()), init);
    } else if (ctx instanceof FnDeclContext c) {
      return new Stmt.Fn(sp, function(sp, c.name.getText(), c.params(), c.typeArrow(), c.functionBody()));
    } else if (ctx instanceof ForStmtContext c) {
      return new Stmt.For(sp, pattern(c.pattern()), expr(c.expression()), block(c.block()));
    } else if (ctx instanceof WhileStmtContext c) {
      return new Stmt.While(sp, expr(c.expression()), block(c.block()));
    } else if (ctx instanceof BreakStmtContext) {
      return new Stmt.Break(sp);
    } else if (ctx instanceof ContinueStmtContext) {
      return new Stmt.Continue(sp);
    } else if (ctx instanceof ReturnStmtContext c) {
      return new Stmt.Return(sp, c.expression() == null ? null : expr(c.expression()));
    } else if (ctx instanceof ImportStmtContext c) {
      return new Stmt.Import(sp, dotted(c.dottedName()), c.alias == null ? null : c.alias.getText());
    } else if (ctx instanceof FromImportStmtContext c) {
      List<Expr.Name> names = new ArrayList<>();
      if (c.importNames() != null) {
        for (TerminalNode id : c.importNames().IDENT()) names.add(new Expr.Name(span(id.getSymbol()), id.getText()));
      }
      return new Stmt.FromImport(sp, dotted(c.dottedName()), names, c.star != null);
    } else if (ctx instanceof AssignStmtContext c) {
      Expr target = expr(c.target);
      checkAssignable(target);
      String op = c.op.getText();
      BinOp bop = op.equals("=") ? null : BinOp.of(op.substring(0, op.length() - 1));
      return new Stmt.Assign(sp, target, bop, expr(c.value));
    } else if (ctx instanceof ExprStmtContext c) {
      return new Stmt.ExprStmt(sp, expr(c.expression()));
    }
    throw new IllegalStateException("unknown statement " + ctx.getClass());
  }

  private void checkAssignable(Expr target) {
    if (target instanceof Expr.Name || target instanceof Expr.Member || target instanceof Expr.Index) return;
    if (target instanceof Expr.TupleLit t) {
      for (Expr e : t.items()) checkAssignable(e);
      return;
    }
    error(target.span(), "cannot assign to this expression");
  }

  private List<String> dotted(DottedNameContext ctx) {
    List<String> path = new ArrayList<>();
    for (TerminalNode id : ctx.IDENT()) path.add(id.getText());
    return path;
  }

  private TypeRef typeRef(TypeAnnContext ctx) {
    return ctx == null ? null : typeRef(ctx.typeExpr());
  }

  private TypeRef typeRef(TypeExprContext ctx) {
    List<String> path = new ArrayList<>();
    for (TerminalNode id : ctx.IDENT()) path.add(id.getText());
    return new TypeRef(span(ctx), path);
  }

  Pattern pattern(PatternContext ctx) {
    Span sp = span(ctx);
    if (ctx instanceof NamePatternContext c) return new Pattern.Name(sp, c.IDENT().getText());
    List<PatternContext> items = ctx instanceof TuplePatternContext t ? t.pattern() : ((ListPatternContext) ctx).pattern();
    List<Pattern> ps = new ArrayList<>();
    for (PatternContext p : items) ps.add(pattern(p));
    return new Pattern.Destructure(sp, ps);
  }

  private FunctionDef function(Span sp, String name, ParamsContext params, TypeArrowContext arrow,
                               FunctionBodyContext body) {
    List<FunctionDef.Param> ps = params(params);
    Block b;
    if (body.block() != null) {
      b = block(body.block());
    } else {
      Expr e = expr(body.expression());
      b = new Block(e.span(), List.of(new Stmt.ExprStmt(e.span(), e)));
    }
    String doc = null;
    if (!b.statements().isEmpty() && b.statements().get(0) instanceof Stmt.ExprStmt es
        && es.expr() instanceof Expr.StringLit s && body.block() != null) {
      doc = s.value();
      b = new Block(b.span(), b.statements().subList(1, b.statements().size()));
    }
    return new FunctionDef(sp, name, ps, arrow == null ? null : typeRef(arrow.typeExpr()), b, doc);
  }

  private List<FunctionDef.Param> params(ParamsContext ctx) {
    List<FunctionDef.Param> ps = new ArrayList<>();
    if (ctx == null) return ps;
    boolean sawDefault = false;
    for (ParamContext p : ctx.param()) {
      Expr def = p.expression() == null ? null : expr(p.expression());
      Span sp = span(p);
      for (FunctionDef.Param prev : ps) {
        if (prev.name().equals(p.IDENT().getText())) error(sp, "duplicate parameter '" + prev.name() + "'");
      }
      if (def != null) sawDefault = true;
      else if (sawDefault) error(sp, "parameter '" + p.IDENT().getText() + "' without a default follows one with a default");
      ps.add(new FunctionDef.Param(sp, p.IDENT().getText(), typeRef(p.typeAnn()), def));
    }
    return ps;
  }

  // ------------------------------------------------------------------ expressions

  Expr expr(ExpressionContext ctx) {
    Span sp = span(ctx);
    if (ctx instanceof PrimaryExprContext c) return primary(c.primary());
    if (ctx instanceof MemberExprContext c) {
      return new Expr.Member(sp, expr(c.expression()), c.IDENT().getText(), span(c.IDENT().getSymbol()));
    }
    if (ctx instanceof CallExprContext c) {
      List<Expr.Arg> args = new ArrayList<>();
      boolean sawNamed = false;
      if (c.args() != null) {
        for (ArgContext a : c.args().arg()) {
          String name = a.name == null ? null : a.name.getText();
          Span asp = span(a);
          if (name == null && sawNamed) error(asp, "positional argument after a named one");
          if (name != null) {
            sawNamed = true;
            for (Expr.Arg prev : args) {
              if (name.equals(prev.name())) error(asp, "argument '" + name + "' given twice");
            }
          }
          args.add(new Expr.Arg(asp, name, expr(a.expression())));
        }
      }
      return new Expr.Call(sp, expr(c.expression()), args);
    }
    if (ctx instanceof IndexExprContext c) {
      List<Expr.Subscript> subs = new ArrayList<>();
      for (SubscriptContext s : c.subscripts().subscript()) {
        if (s instanceof IndexSubContext i) {
          subs.add(new Expr.IndexSub(span(s), expr(i.expression())));
        } else {
          SliceSubContext sl = (SliceSubContext) s;
          subs.add(new Expr.SliceSub(span(s), opt(sl.lo), opt(sl.hi), opt(sl.step)));
        }
      }
      return new Expr.Index(sp, expr(c.expression()), subs);
    }
    if (ctx instanceof PowerExprContext c) return binary(sp, c.op, c.expression(0), c.expression(1));
    if (ctx instanceof MulExprContext c) return binary(sp, c.op, c.expression(0), c.expression(1));
    if (ctx instanceof AddExprContext c) return binary(sp, c.op, c.expression(0), c.expression(1));
    if (ctx instanceof CompareExprContext c) return binary(sp, c.op, c.expression(0), c.expression(1));
    if (ctx instanceof UnaryExprContext c) {
      Expr operand = expr(c.expression());
      boolean neg = c.op.getText().equals("-");
      if (neg && operand instanceof Expr.NumberLit n) return new Expr.NumberLit(sp, -n.value());
      return new Expr.Unary(sp, neg ? UnOp.NEG : UnOp.PLUS, operand);
    }
    if (ctx instanceof NotExprContext c) return new Expr.Unary(sp, UnOp.NOT, expr(c.expression()));
    if (ctx instanceof AndExprContext c) return new Expr.Logical(sp, true, expr(c.expression(0)), expr(c.expression(1)));
    if (ctx instanceof OrExprContext c) return new Expr.Logical(sp, false, expr(c.expression(0)), expr(c.expression(1)));
    if (ctx instanceof RangeExprContext c) {
      return new Expr.RangeLit(sp, expr(c.expression(0)), expr(c.expression(1)), c.op.getText().equals("..="));
    }
    if (ctx instanceof InExprContext c) {
      return new Expr.In(sp, expr(c.expression(0)), expr(c.expression(1)), c.NOT() != null);
    }
    if (ctx instanceof LambdaExprContext c) {
      LambdaParamsContext lp = c.lambdaParams();
      List<FunctionDef.Param> ps;
      if (lp.IDENT() != null) {
        ps = new ArrayList<>(List.of(new FunctionDef.Param(span(lp), lp.IDENT().getText(), null, null)));
      } else {
        ps = params(lp.params());
      }
      Block body;
      if (c.block() != null) {
        body = block(c.block());
      } else {
        Expr e = expr(c.expression());
        body = new Block(e.span(), List.of(new Stmt.ExprStmt(e.span(), e)));
      }
      return new Expr.Lambda(sp, new FunctionDef(sp, "<lambda>", ps, null, body, null));
    }
    throw new IllegalStateException("unknown expression " + ctx.getClass());
  }

  private Expr opt(ExpressionContext c) {
    return c == null ? null : expr(c);
  }

  private Expr binary(Span sp, Token op, ExpressionContext l, ExpressionContext r) {
    return new Expr.Binary(sp, BinOp.of(op.getText()), expr(l), expr(r), span(op));
  }

  Expr primary(PrimaryContext ctx) {
    Span sp = span(ctx);
    if (ctx instanceof NumberLitContext c) return new Expr.NumberLit(sp, number(c.NUMBER().getSymbol()));
    if (ctx instanceof StringLitContext c) return string(c.STRING().getSymbol());
    if (ctx instanceof TrueLitContext) return new Expr.BoolLit(sp, true);
    if (ctx instanceof FalseLitContext) return new Expr.BoolLit(sp, false);
    if (ctx instanceof NilLitContext) return new Expr.NilLit(sp);
    if (ctx instanceof NameRefContext c) return new Expr.Name(sp, c.IDENT().getText());
    if (ctx instanceof EmptyTupleContext) return new Expr.TupleLit(sp, List.of());
    if (ctx instanceof ParenExprContext c) return expr(c.expression());
    if (ctx instanceof TupleLitContext c) {
      List<Expr> items = new ArrayList<>();
      for (ExpressionContext e : c.expression()) items.add(expr(e));
      return new Expr.TupleLit(sp, items);
    }
    if (ctx instanceof ListLitContext c) {
      List<Expr> items = new ArrayList<>();
      for (ExpressionContext e : c.expression()) items.add(expr(e));
      return new Expr.ListLit(sp, items);
    }
    if (ctx instanceof MapLitContext c) {
      List<Expr.MapEntry> entries = new ArrayList<>();
      for (MapEntryContext e : c.mapEntry()) {
        MapKeyContext k = e.key;
        Expr key;
        if (k.IDENT() != null) key = new Expr.StringLit(span(k), k.IDENT().getText());
        else if (k.STRING() != null) key = string(k.STRING().getSymbol());
        else if (k.NUMBER() != null) key = new Expr.NumberLit(span(k), number(k.NUMBER().getSymbol()));
        else if (k.TRUE() != null || k.FALSE() != null) key = new Expr.BoolLit(span(k), k.TRUE() != null);
        else if (k.NIL() != null) key = new Expr.NilLit(span(k));
        else if (k.expression().size() == 1 && k.getChildCount() == 3) key = expr(k.expression(0));
        else {
          List<Expr> items = new ArrayList<>();
          for (ExpressionContext x : k.expression()) items.add(expr(x));
          key = new Expr.TupleLit(span(k), items);
        }
        entries.add(new Expr.MapEntry(key, expr(e.value)));
      }
      return new Expr.MapLit(sp, entries);
    }
    if (ctx instanceof IfPrimaryContext c) return ifExpr(c.ifExpr());
    if (ctx instanceof FnLitContext c) {
      return new Expr.Lambda(sp, function(sp, "<fn>", c.params(), c.typeArrow(), c.functionBody()));
    }
    throw new IllegalStateException("unknown primary " + ctx.getClass());
  }

  Expr.If ifExpr(IfExprContext c) {
    Object otherwise = null;
    if (c.elseBlock != null) otherwise = block(c.elseBlock);
    else if (c.elseIf != null) otherwise = ifExpr(c.elseIf);
    return new Expr.If(span(c), expr(c.cond), block(c.then), otherwise);
  }

  // ------------------------------------------------------------------ literals

  private double number(Token t) {
    String text = t.getText().replace("_", "");
    try {
      if (text.startsWith("0x") || text.startsWith("0X")) return Long.parseUnsignedLong(text.substring(2), 16);
      if (text.startsWith("0b") || text.startsWith("0B")) return Long.parseUnsignedLong(text.substring(2), 2);
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      error(span(t), "number literal out of range: " + t.getText());
      return 0;
    }
  }

  /** A string literal: escapes decoded and ${...} parts parsed as expressions. */
  Expr string(Token t) {
    String text = t.getText();
    Span sp = span(t);
    int tokenStart = base + t.getStartIndex();
    boolean triple = text.startsWith("\"\"\"");
    boolean single = text.startsWith("'");
    int q = triple ? 3 : 1;
    int bodyStart = q;
    int bodyEnd = text.length() - q;
    List<Object> parts = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    int i = bodyStart;
    while (i < bodyEnd) {
      char ch = text.charAt(i);
      if (ch == '\\' && !triple) {
        i = escape(text, i, bodyEnd, sb, tokenStart);
        continue;
      }
      if (ch == '$' && !single && i + 1 < bodyEnd && text.charAt(i + 1) == '{') {
        int close = matchBrace(text, i + 2, bodyEnd);
        if (close < 0) {
          error(new Span(source, tokenStart + i, tokenStart + i + 2), "unterminated ${ in string");
          break;
        }
        if (sb.length() > 0) {
          parts.add(sb.toString());
          sb.setLength(0);
        }
        int exprStart = tokenStart + i + 2;
        int exprEnd = tokenStart + close;
        if (source.text().substring(exprStart, exprEnd).isBlank()) {
          error(new Span(source, tokenStart + i, exprEnd + 1), "empty ${} in string");
        } else {
          Expr e = Parsing.parseEmbedded(source, exprStart, exprEnd, errors);
          if (e != null) parts.add(e);
        }
        i = close + 1;
        continue;
      }
      if (ch == '$' && !single && !triple && i + 1 < bodyEnd && isIdentStart(text.charAt(i + 1))) {
        int j = i + 1;
        while (j < bodyEnd && isIdentPart(text.charAt(j))) j++;
        if (sb.length() > 0) {
          parts.add(sb.toString());
          sb.setLength(0);
        }
        parts.add(new Expr.Name(new Span(source, tokenStart + i + 1, tokenStart + j), text.substring(i + 1, j)));
        i = j;
        continue;
      }
      sb.append(ch);
      i++;
    }
    if (parts.isEmpty()) return new Expr.StringLit(sp, sb.toString());
    if (sb.length() > 0) parts.add(sb.toString());
    return new Expr.Interpolated(sp, parts);
  }

  private static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private int escape(String text, int i, int end, StringBuilder sb, int tokenStart) {
    if (i + 1 >= end) {
      sb.append('\\');
      return i + 1;
    }
    char e = text.charAt(i + 1);
    switch (e) {
      case 'n': sb.append('\n'); return i + 2;
      case 't': sb.append('\t'); return i + 2;
      case 'r': sb.append('\r'); return i + 2;
      case '0': sb.append('\0'); return i + 2;
      case '\\': sb.append('\\'); return i + 2;
      case '"': sb.append('"'); return i + 2;
      case '\'': sb.append('\''); return i + 2;
      case '$': sb.append('$'); return i + 2;
      case 'u': {
        int j = i + 2;
        String hex;
        int next;
        if (j < end && text.charAt(j) == '{') {
          int close = text.indexOf('}', j);
          if (close < 0 || close > end) close = j;
          hex = text.substring(j + 1, Math.max(j + 1, close));
          next = close + 1;
        } else {
          hex = text.substring(j, Math.min(end, j + 4));
          next = j + 4;
        }
        try {
          sb.appendCodePoint(Integer.parseInt(hex, 16));
        } catch (RuntimeException ex) {
          error(new Span(source, tokenStart + i, tokenStart + Math.min(next, end)), "bad unicode escape");
        }
        return Math.min(next, end);
      }
      default:
        error(new Span(source, tokenStart + i, tokenStart + i + 2), "unknown escape '\\" + e + "' in string");
        sb.append(e);
        return i + 2;
    }
  }

  /** Index of the '}' closing an interpolation that starts at {@code from}, or -1. */
  private static int matchBrace(String text, int from, int end) {
    int depth = 0;
    for (int i = from; i < end; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        i++;
        while (i < end && text.charAt(i) != c) {
          if (text.charAt(i) == '\\') i++;
          i++;
        }
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) return i;
        depth--;
      }
    }
    return -1;
  }
}
