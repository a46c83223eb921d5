package dev.tangent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.ast.Expr;
import dev.tangent.ast.Stmt;
import dev.tangent.diag.SourceFile;
import dev.tangent.spi.TangentError;
import dev.tangent.parse.Parsing;
import org.junit.jupiter.api.Test;

/** The grammar, the newline rules and the REPL's completeness check. */
class ParsingTest {
  static Parsing.Result parse(String text) {
    return Parsing.parse(new SourceFile("t.lie", text));
  }

  @Test void incompleteInputIsDecidedByTheGrammar() {
    assertTrue(Parsing.isIncomplete("fn f(x) {"));
    assertTrue(Parsing.isIncomplete("let x = (1 +"));
    assertTrue(Parsing.isIncomplete("let x = 1 +"));
    assertTrue(Parsing.isIncomplete("[1, 2,"));
    assertTrue(Parsing.isIncomplete("print(\"open"));
    assertTrue(Parsing.isIncomplete("let s = \"\"\"first line\nsecond"));
    assertTrue(Parsing.isIncomplete("if x {\n  y\n} else"));
    assertFalse(Parsing.isIncomplete("1 + 2"));
    assertFalse(Parsing.isIncomplete("fn f(x) { x }"));
    assertFalse(Parsing.isIncomplete("let = 3"), "a real error is complete: the evaluator reports it");
    assertFalse(Parsing.isIncomplete("1 + )"));
    assertFalse(Parsing.isIncomplete(""));
  }

  @Test void newlinesEndStatementsExceptWhereTheyCannot() {
    assertEquals(2, parse("let a = 1\nlet b = 2").program().statements().size());
    assertEquals(1, parse("let a = 1 +\n  2").program().statements().size());
    assertEquals(1, parse("let a = f(1,\n  2)").program().statements().size());
    assertEquals(1, parse("let a = [\n1,\n2\n]").program().statements().size());
    assertEquals(1, parse("if c { 1 }\nelse { 2 }").program().statements().size());
    assertEquals(1, parse("let a = xs\n  .map(f)\n  .filter(g)").program().statements().size());
    assertEquals(2, parse("let a = 1; let b = 2").program().statements().size());
    assertEquals(1, parse("let m = {\n  a: 1,\n  b: 2\n}").program().statements().size());
    assertEquals(2, parse("from lie import *\nlet x = 1").program().statements().size());
  }

  @Test void lambdasAndTuplesAreTellApart() {
    Stmt.Let l = (Stmt.Let) parse("let f = (a, b) => a + b").program().statements().get(0);
    assertTrue(l.init() instanceof Expr.Lambda);
    Stmt.Let t = (Stmt.Let) parse("let t = (a, b)").program().statements().get(0);
    assertTrue(t.init() instanceof Expr.TupleLit);
    Stmt.Let p = (Stmt.Let) parse("let p = (a)").program().statements().get(0);
    assertTrue(p.init() instanceof Expr.Name);
  }

  @Test void precedenceFollowsTheUsualRules() {
    Expr e = ((Stmt.ExprStmt) parse("1 + 2 * 3 ^ 2").program().statements().get(0)).expr();
    Expr.Binary add = (Expr.Binary) e;
    assertEquals("ADD", add.op().name());
    Expr.Binary mul = (Expr.Binary) add.right();
    assertEquals("MUL", mul.op().name());
    assertEquals("POW", ((Expr.Binary) mul.right()).op().name());
    Expr neg = ((Stmt.ExprStmt) parse("-x ^ 2").program().statements().get(0)).expr();
    assertTrue(neg instanceof Expr.Unary, "unary minus binds looser than ^");
    Expr range = ((Stmt.ExprStmt) parse("0..n - 1").program().statements().get(0)).expr();
    assertTrue(range instanceof Expr.RangeLit r && r.end() instanceof Expr.Binary);
  }

  @Test void interpolationsParseAsExpressionsWithTheirOwnPositions() {
    Parsing.Result r = parse("let s = \"a ${x + 1} b $y\"");
    Expr.Interpolated s = (Expr.Interpolated) ((Stmt.Let) r.program().statements().get(0)).init();
    assertEquals(4, s.parts().size());
    Expr.Binary b = (Expr.Binary) s.parts().get(1);
    assertEquals(1, b.span().line());
    assertEquals(14, b.span().column());
    Parsing.Result bad = parse("let s = \"a ${x +} b\"");
    assertEquals(1, bad.errors().size());
    assertEquals("t.lie:1:17", bad.errors().get(0).span().location());
  }

  @Test void syntaxErrorsCarryPositionsAndShortMessages() {
    Parsing.Result r = parse("let x = 1\nlet y = (2 +\nlet z = 3");
    assertFalse(r.ok());
    TangentError e = r.errors().get(0);
    assertEquals(TangentError.Kind.SYNTAX, e.kind());
    assertEquals(3, e.span().line());
    assertTrue(e.getMessage().contains("missing ')'"), e.getMessage());
    Parsing.Result open = parse("fn f() {\n  1\n");
    assertEquals("'{' is never closed", open.errors().get(0).getMessage());
    assertEquals("t.lie:1:8", open.errors().get(0).span().location());
    Parsing.Result ch = parse("let a = 1 ? 2");
    assertEquals("unexpected character '?'", ch.errors().get(0).getMessage());
  }

  @Test void escapesAreDecodedAndBadOnesReported() {
    Expr.StringLit s = (Expr.StringLit) ((Stmt.ExprStmt) parse("\"a\\tb\\u{3b8}\\$\"").program().statements().get(0)).expr();
    assertEquals("a\tbθ$", s.value());
    assertEquals("unknown escape '\\q' in string", parse("\"\\q\"").errors().get(0).getMessage());
  }
}
