package dev.tangent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.ast.Program;
import dev.tangent.diag.SourceFile;
import dev.tangent.spi.TangentError;
import dev.tangent.parse.Parsing;
import dev.tangent.resolve.Environment;
import dev.tangent.resolve.FnScope;
import dev.tangent.resolve.Resolution;
import dev.tangent.resolve.Resolver;
import dev.tangent.resolve.Symbol;
import dev.tangent.spi.Builtin;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Slots, captures and every static error, found before anything runs. */
class ResolverTest {
  static final Builtin TWICE = Builtin.of("twice(x, scale=2)", "test", a -> a.num(0) * a.num(1, 2));

  static Resolution resolve(String text) {
    Program p = Parsing.parse(new SourceFile("r.lie", text)).program();
    Environment env = new Environment(Map.of("twice", TWICE), new Environment.ModuleLookup() {
      @Override public Object module(String name) { return null; }
      @Override public Map<String, Object> exports(Object m) { return Map.of(); }
    });
    return Resolver.resolve(p, env, false);
  }

  static List<String> errors(String text) {
    return resolve(text).errors.stream().map(e -> e.span().line() + ":" + e.span().column() + " " + e.getMessage())
        .collect(Collectors.toList());
  }

  @Test void parametersTakeTheFirstSlotsAndBlocksGetTheirOwn() {
    Resolution r = resolve("fn f(a, b) {\n let c = a\n if c { let d = b }\n}");
    FnScope f = r.functions.values().iterator().next();
    assertEquals(4, f.slotCount);
    assertTrue(f.upvalues.isEmpty());
  }

  @Test void capturedVariablesAreMarkedAndThreadedThroughFunctions() {
    Resolution r = resolve("fn outer() {\n var n = 0\n fn mid() {\n  fn inner() { n += 1 }\n  inner\n }\n mid\n}");
    Symbol n = r.declarations.values().stream().filter(o -> o instanceof Symbol s && s.name.equals("n"))
        .map(o -> (Symbol) o).findFirst().orElseThrow();
    assertTrue(n.captured);
    long withUpvalues = r.functions.values().stream().filter(f -> !f.upvalues.isEmpty()).count();
    assertEquals(2, withUpvalues, "mid and inner both carry n");
  }

  @Test void uncapturedVariablesStayInSlots() {
    Resolution r = resolve("fn f() { var x = 1\n x += 1\n x }");
    assertTrue(r.declarations.values().stream().noneMatch(o -> o instanceof Symbol s && s.captured));
  }

  @Test void reportsEveryStaticErrorInSourceOrder() {
    List<String> errs = errors("let a = nope\nbreak\ncontinue\nfn g(x) = x\ng(1, 2)\ng()\ng(y: 1)\nreturn 1\nlet k = 1\nk = 2\ntwice()\ntwice(1, 2, 3)\ntwice(1, factor: 2)");
    assertEquals(List.of(
        "1:9 undefined name 'nope'",
        "2:1 break outside a loop",
        "3:1 continue outside a loop",
        "5:1 too many arguments to g(): expected at most 1, got 2",
        "6:1 missing argument 'x' for g()",
        "7:1 unknown argument 'y' for g()",
        "8:1 return outside a function",
        "10:1 cannot assign to 'k': it is declared with let at line 9 (use var for a variable)",
        "11:1 missing argument 'x' for twice()",
        "12:1 too many arguments to twice(): expected at most 2, got 3",
        "13:1 unknown argument 'factor' for twice()"), errs);
  }

  @Test void suggestsCloseNames() {
    assertEquals(List.of("2:7 undefined name 'lenght' (did you mean 'length'?)"), errors("let length = 3\nprint(lenght)".replace("print", "twice")));
  }

  @Test void breakInsideALambdaIsOutsideTheLoop() {
    assertEquals(List.of("1:33 break outside a loop"), errors("for i in 0..3 { let f = () => { break } }"));
  }

  @Test void namesMustBeDeclaredBeforeUseInStraightLineCode() {
    assertEquals(List.of("1:7 'later' is used before its definition at line 2"), errors("twice(later)\nlet later = 1"));
    assertFalse(errors("fn f() = later\nlet later = 1\nf()").contains("used before"), "functions may refer to later globals");
  }

  @Test void duplicatesInOneBlockAreErrorsButShadowingIsNot() {
    assertEquals(List.of("1:25 'a' is already defined in this block at line 1"), errors("fn f() { let a = 1; let a = 2 }"));
    assertTrue(errors("fn f() { let a = 1; if true { let a = 2 } }").isEmpty());
    assertEquals(List.of("1:9 'x' appears twice in this pattern"), errors("let (x, x) = (1, 2)"));
  }

  @Test void staticErrorsHaveTheStaticKind() {
    for (TangentError e : resolve("nope").errors) assertEquals(TangentError.Kind.STATIC, e.kind());
  }
}
