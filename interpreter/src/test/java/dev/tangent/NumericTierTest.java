package dev.tangent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Interpreter;
import dev.tangent.api.TangentException;
import dev.tangent.diag.SourceFile;
import dev.tangent.exec.Closure;
import dev.tangent.jit.JitCompiler;
import dev.tangent.spi.Context;
import dev.tangent.spi.Display;
import dev.tangent.spi.TangentError;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The bytecode tier's unboxed numbers (numeric locals, the numeric entry of functions, direct
 * self calls, script loops with promoted globals) give exactly the node tier's results: NaN,
 * -0.0, infinities, integer printing, floor division and modulo, errors and their positions.
 */
class NumericTierTest {
  /** Runs a program on the node tier only and on the bytecode tier (threshold 1); both results. */
  private static String[] bothTiers(String program) {
    String[] out = new String[2];
    boolean saved = JitCompiler.disabled;
    int savedThreshold = JitCompiler.threshold;
    try {
      for (int tier = 0; tier < 2; tier++) {
        JitCompiler.disabled = tier == 0;
        JitCompiler.threshold = 1;
        out[tier] = outcome(() -> Display.repr(TestSupport.eval(program)));
      }
    } finally {
      JitCompiler.disabled = saved;
      JitCompiler.threshold = savedThreshold;
    }
    return out;
  }

  private static String outcome(Supplier<String> run) {
    try {
      return run.get();
    } catch (TangentException e) {
      return "error: " + e.format();
    }
  }

  private static void same(String expected, String program) {
    String[] r = bothTiers(program);
    assertEquals(r[0], r[1], "tiers disagree on:\n" + program);
    assertEquals(expected, r[1], program);
  }

  @Test void arithmeticOnUnboxedNumbersKeepsEveryIeeeCase() {
    String fns = "fn ops(a, b) {\n var r = []\n r = r + [a + b, a - b, a * b, a / b, a // b, a % b, a ^ b, -a, +b]\n r\n}\n";
    same("[5, -1, 6, 0.666666666667, 0, 2, 8, -2, 3]", fns + "ops(2, 3)");
    same("[-4, -10, -21, -2.33333333333, -3, 2, -343, 7, 3]", fns + "ops(-7, 3)");
    same("[inf, 0, inf, 1, 1, 0, inf, -1e+308, 1e+308]", fns + "ops(1e308, 1e308)");
    same("[0, inf, -inf, -1, -1, 0, 0, -1e+308, -1e+308]", fns + "ops(1e308, -1e308)");
    same("[nan, nan, nan, nan, nan, nan, nan, nan, 1]", fns + "ops(0 / 0, 1)");
    same("[inf, -inf, nan, nan, 1, -0]", "fn sp(z) = [1 / z, -1 / z, z * (1 / z), z / z, z ^ z, -z]\nsp(0)");
    // -0.0 survives unboxed arithmetic and is boxed as the node tier boxes it.
    same("(-0, 0, -0, true)", "fn z(x) {\n let n = -x\n let m = x - x\n (n, m, x * -1, n == m)\n}\nz(0)");
    same("\"-0 0 -inf\"", "fn z(x) {\n let a = -x\n \"${a} ${a + 0} ${1 / a}\"\n}\nz(0)");
  }

  @Test void comparisonsOfNumbersIncludingNaN() {
    String f = "fn cmp(a, b) = (a < b, a <= b, a > b, a >= b, a == b, a != b)\n";
    same("(true, true, false, false, false, true)", f + "cmp(1, 2)");
    same("(false, true, false, true, true, false)", f + "cmp(2, 2)");
    same("(false, false, false, false, false, true)", f + "cmp(0 / 0, 0 / 0)");
    same("(false, false, false, false, false, true)", f + "cmp(1, 0 / 0)");
    same("(false, true, false, true, true, false)", f + "cmp(-0.0, 0)");
    String g = "fn count(a, b) {\n var n = 0\n if a < b { n += 1 }\n if a <= b { n += 10 }\n if a > b { n += 100 }\n"
        + " if a >= b { n += 1000 }\n if a == b { n += 10000 }\n if a != b { n += 100000 }\n n\n}\n";
    same("100000", g + "count(0 / 0, 1)");
    same("11010", g + "count(3, 3)");
  }

  @Test void integralResultsPrintAsIntegersAndLargeOnesAsTheNodeTierPrintsThem() {
    same("49995000", "fn sum_below(n) {\n var s = 0\n for i in 0..n { s += i }\n s\n}\nsum_below(10000)");
    same("\"45 4.5 1e+20\"", "fn f(n) {\n var s = 0\n for i in 0..n { s += i }\n \"${s} ${s / 10} ${s * 1e20 / 45}\"\n}\nf(10)");
    same("9.00719925474e+15", "fn big() {\n var x = 2 ^ 53\n x += 1\n x\n}\nbig()");
  }

  @Test void recursionThroughTheNumericEntry() {
    same("6765", "fn fib(n) {\n if n < 2 { return n }\n return fib(n - 1) + fib(n - 2)\n}\nfib(20)");
    same("(6765, 2, -0)", "fn fib(n) = if n < 2 { n } else { fib(n - 1) + fib(n - 2) }\n(fib(20), fib(2.5), fib(-0.0))");
    same("5", "fn ack(m, n) {\n if m == 0 { return n + 1 }\n if n == 0 { return ack(m - 1, 1) }\n ack(m - 1, ack(m, n - 1))\n}\nack(1, 3)");
    // A recursive function that also returns non-numbers keeps boxed returns.
    same("[\"done\", 3]", "fn walk(n, acc) {\n if n == 0 { return [\"done\", acc] }\n walk(n - 1, acc + 1)\n}\nwalk(3, 0)");
  }

  @Test void nonNumberArgumentsTakeTheBoxedBodyWithTheSameErrors() {
    same("\"abab\"", "fn twice(x) = x + x\nfn use(n) = twice(n) * 1\nlet a = twice(2)\ntwice(\"ab\")");
    String[] r = bothTiers("fn f(n) {\n let m = n * 2\n m + 1\n}\nf(3)\nf(\"a\")");
    assertEquals(r[0], r[1]);
    assertTrue(r[1].startsWith("error: t.lie:3:2: error: unsupported operand types for +: String and Number"), r[1]);
    String[] nested = bothTiers("fn f(n) {\n if n < 1 { return nil + 1 }\n f(n - 1)\n}\nf(3)");
    assertEquals(nested[0], nested[1]);
    assertTrue(nested[1].contains("at f (t.lie:3:2)"), nested[1]);
  }

  @Test void aRedefinedFunctionIsCalledEvenFromTheOldOnesNumericBody() {
    for (boolean nodes : new boolean[] {true, false}) {
      boolean saved = JitCompiler.disabled;
      int savedThreshold = JitCompiler.threshold;
      JitCompiler.disabled = nodes;
      JitCompiler.threshold = 1;
      try {
        Interpreter in = TestSupport.interpreter();
        in.eval(new SourceFile("<repl>", "fn fib(n) = if n < 2 { n } else { fib(n - 1) + fib(n - 2) }"), true);
        assertEquals(55.0, in.eval(new SourceFile("<repl>", "fib(10)"), true));
        in.eval(new SourceFile("<repl>", "let old = fib"), true);
        in.eval(new SourceFile("<repl>", "fn fib(n) = \"s\""), true);
        assertEquals("ss", in.eval(new SourceFile("<repl>", "old(5)"), true), nodes ? "node tier" : "bytecode tier");
        assertEquals(1.0, in.eval(new SourceFile("<repl>", "old(1)"), true));
      } finally {
        JitCompiler.disabled = saved;
        JitCompiler.threshold = savedThreshold;
      }
    }
  }

  @Test void numericFunctionsGetADoubleEntry() throws Exception {
    boolean saved = JitCompiler.disabled;
    JitCompiler.disabled = false;
    try {
      Interpreter in = TestSupport.interpreter();
      in.eval(new SourceFile("t.lie", "fn fib(n) = if n < 2 { n } else { fib(n - 1) + fib(n - 2) }\nfib(12)\n"
          + "fn label(n) {\n var s = 0\n for i in 0..n { s += i }\n if s < 2 { \"small\" } else { s }\n}\nlabel(3)\nlabel(4)\n"
          + "fn pick(xs, t) = if (t + 1) % 2 == 0 { xs[t] } else { xs[0] }\npick([1, 2], 1)\npick([1, 2], 0)"), false);
      Closure fib = (Closure) in.getGlobal("fib");
      assertNotNull(fib.code.compiled, "fib is compiled");
      Method m = fib.code.compiled.getClass().getMethod("numeric", Closure.class, Context.class, double.class);
      assertEquals(double.class, m.getReturnType(), "a pure numeric body returns a double");
      Closure label = (Closure) in.getGlobal("label");
      Method l = label.code.compiled.getClass().getMethod("numeric", Closure.class, Context.class, double.class);
      assertEquals(Object.class, l.getReturnType(), "a body that may return a String returns objects");
      // A parameter used once in arithmetic, outside loops, in a body that is not pure numeric
      // (t, mostly an index): no numeric entry, which would box t on every other use.
      Closure pick = (Closure) in.getGlobal("pick");
      assertNotNull(pick.code.compiled, "pick is compiled");
      assertThrows(NoSuchMethodException.class,
          () -> pick.code.compiled.getClass().getMethod("numeric", Closure.class, Context.class, Object.class, double.class));
    } finally {
      JitCompiler.disabled = saved;
    }
  }

  @Test void scriptLoopsUpdateGlobalsExactlyAsTheNodeTier() {
    same("(49995000, 10000)", "var s = 0\nvar c = 0\nfor i in 0..10000 { s += i\n c += 1 }\n(s, c)");
    same("(300, 1)", "var s = \"a\"\nvar t = 0\nfor i in 0..300 { s = i + 1\n t = 1 }\n(s, t)");
    same("\"xxxxxxxxxx\"", "var s = \"\"\nfor i in 0..400 { if i < 10 { s += \"x\" } }\ns");
    same("(1000, 499500)", "var k = 0\nvar t = 0\nwhile k < 1000 { t += k\n k += 1 }\n(k, t)");
    same("(700, 122500)", "var k = 0\nvar t = 0\nwhile true {\n if k == 700 { break }\n k += 1\n if k % 2 == 0 { continue }\n t += k\n}\n(k, t)");
    same("(10, 45)", "let n = 10\nvar s = 0\nvar last = 0\nfor i in 0..n { s += i\n last = i + 1 }\n(last, s)");
    same("[0, 1, 2]", "var xs = []\nfor i in 0..300 { if i < 3 { xs = xs + [i] } }\nxs");
    same("12", "if true {\n var acc = 0\n let f = () => acc\n for i in 0..300 { if i < 4 { acc += 3 } }\n f()\n}");
    same("45", "var total = 0\nfor j in 0..20 {\n let f = () => j\n for i in 0..10 { if j == 0 { total += i } }\n}\ntotal");
    String[] err = bothTiers("var s = 0\nfor i in 0..1000 {\n s += i\n if i == 500 { s = s + nil }\n}");
    assertEquals(err[0], err[1]);
    assertTrue(err[1].contains("t.lie:4:"), err[1]);
  }

  @Test void anInterruptedScriptLoopLeavesItsGlobalsWrittenBack() throws Exception {
    for (boolean nodes : new boolean[] {true, false}) {
      boolean saved = JitCompiler.disabled;
      JitCompiler.disabled = nodes;
      try {
        Interpreter in = TestSupport.interpreter();
        AtomicReference<TangentException> caught = new AtomicReference<>();
        Thread runner = new Thread(() -> {
          try {
            in.eval(new SourceFile("spin.lie", "var s = 0\nvar t = 0\nfor i in 0..1e15 { s += 1\n t += 2 }"), false);
          } catch (TangentException e) {
            caught.set(e);
          }
        });
        runner.start();
        Thread.sleep(300);
        in.interrupt();
        runner.join(10_000);
        assertTrue(!runner.isAlive(), "the loop stopped");
        assertEquals(TangentError.Kind.INTERRUPT, caught.get().kind());
        double s = (Double) in.getGlobal("s");
        double t = (Double) in.getGlobal("t");
        assertTrue(s > 0 && t == 2 * s, (nodes ? "node tier" : "bytecode tier") + ": s = " + s + ", t = " + t);
      } finally {
        JitCompiler.disabled = saved;
      }
    }
  }

  @Test void aStepLimitStopsScriptLoopsOnBothTiers() {
    String[] r = new String[2];
    boolean saved = JitCompiler.disabled;
    try {
      for (int tier = 0; tier < 2; tier++) {
        JitCompiler.disabled = tier == 0;
        Interpreter in = TestSupport.interpreter();
        in.context().setStepLimit(100_000);
        r[tier] = assertThrows(TangentException.class,
            () -> in.eval(new SourceFile("t.lie", "var s = 0\nfor i in 0..1e9 { s += i }"), false)).format();
      }
    } finally {
      JitCompiler.disabled = saved;
    }
    assertEquals(r[0], r[1]);
    assertTrue(r[1].contains("step limit"), r[1]);
  }
}
