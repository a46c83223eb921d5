package dev.tangent;

import static dev.tangent.TestSupport.error;
import static dev.tangent.TestSupport.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Interpreter;
import dev.tangent.api.TangentException;
import dev.tangent.diag.SourceFile;
import dev.tangent.spi.TangentError;
import dev.tangent.jit.JitCompiler;
import dev.tangent.spi.Display;
import dev.tangent.spi.TList;
import dev.tangent.spi.Tuple;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Compiled programs run with the right semantics, on both tiers. */
class ExecutionTest {
  @Test void arithmeticAndControlFlow() {
    assertEquals(55.0, eval("var s = 0\nfor i in 0..=10 { s += i }\ns"));
    assertEquals(6765.0, eval("fn fib(n) = if n < 2 { n } else { fib(n - 1) + fib(n - 2) }\nfib(20)"));
    assertEquals("odd", eval("let n = 7\nif n % 2 == 0 { \"even\" } else { \"odd\" }"));
  }

  @Test void closuresCaptureCellsPerIteration() {
    Object r = eval("var fs = []\nfor i in 0..3 { fs = fs + [() => i * 10] }\n[fs[0](), fs[1](), fs[2]()]");
    assertEquals("[0, 10, 20]", Display.repr(r));
    assertEquals(3.0, eval("fn counter() {\n var n = 0\n () => { n += 1\n n }\n}\nlet c = counter()\nc()\nc()\nc()"));
  }

  @Test void namedAndDefaultArgumentsBindInAnyOrder() {
    assertEquals("(1, 5, 3)", Display.repr(eval("fn f(a, b = 2, c = 3) = (a, b, c)\nf(1, b: 5)")));
    assertEquals("(9, 2, 8)", Display.repr(eval("fn f(a, b = 2, c = 3) = (a, b, c)\nf(c: 8, a: 9)")));
    assertEquals("(4, 8)", Display.repr(eval("fn f(a, b = a * 2) = (a, b)\nf(4)")), "defaults see earlier parameters");
  }

  @Test void destructuringAndSlices() {
    assertEquals(6.0, eval("let (a, (b, c)) = (1, (2, 3))\na + b + c"));
    Object r = eval("let xs = [1, 2, 3, 4, 5]\n(xs[1:3], xs[::-2], xs[-1])");
    assertEquals("([2, 3], [5, 3, 1], 5)", Display.repr(r));
  }

  @Test void ifExpressionsCanBreakAndReturn() {
    assertEquals(3.0, eval("var k = 0\nwhile true {\n k += 1\n let stop = if k == 3 { break } else { false }\n}\nk"));
    assertEquals("early", eval("fn f() {\n let x = if true { return \"early\" } else { 1 }\n \"late\"\n}\nf()"));
  }

  @Test void runtimeErrorsShowSourceCaretAndScriptFrames() {
    TangentException e = error("fn inner(x) {\n  x + \"a\"\n}\nfn outer() = inner(1)\nouter()");
    assertEquals(String.join("\n",
        "t.lie:2:3: error: unsupported operand types for +: Number and String",
        "      x + \"a\"",
        "      ^^^^^^^",
        "  at inner (t.lie:2:3)",
        "  at outer (t.lie:4:14)",
        "  at <script> (t.lie:5:1)"), e.format());
    assertEquals(70, e.exitCode());
  }

  @Test void staticErrorsAreAllReportedWithExitCode65() {
    TangentException e = error("let a = b\nlet c = d");
    assertEquals(2, e.errors().size());
    assertEquals(65, e.exitCode());
    assertEquals("t.lie:1:9: error: undefined name 'b'\n    let a = b\n            ^", e.errors().get(0).format());
  }

  @Test void deepRecursionIsACleanErrorNamingTheFunction() {
    Thread[] t = new Thread[1];
    AtomicReference<TangentException> caught = new AtomicReference<>();
    t[0] = new Thread(null, () -> {
      try {
        eval("fn down(n) = down(n + 1) + 1\ndown(0)");
      } catch (TangentException e) {
        caught.set(e);
      }
    }, "deep", 256L << 20);
    t[0].start();
    try {
      t[0].join();
    } catch (InterruptedException e) {
      throw new RuntimeException(e);
    }
    assertTrue(caught.get().first().getMessage().startsWith("stack overflow in 'down'"), caught.get().format());
    assertTrue(caught.get().format().length() < 4000, "the trace is abbreviated");
  }

  @Test void anotherThreadCanInterruptAnInfiniteLoop() throws Exception {
    for (boolean nodes : new boolean[] {true, false}) {
      boolean saved = JitCompiler.disabled;
      JitCompiler.disabled = nodes;
      try {
        Interpreter in = TestSupport.interpreter();
        AtomicReference<TangentException> caught = new AtomicReference<>();
        Thread runner = new Thread(() -> {
          try {
            in.eval(new SourceFile("spin.lie", "fn spin() { while true {} }\nspin()\nspin()"), false);
          } catch (TangentException e) {
            caught.set(e);
          }
        });
        runner.start();
        Thread.sleep(200);
        in.interrupt();
        runner.join(5000);
        assertTrue(!runner.isAlive(), "the loop stopped");
        assertEquals(TangentError.Kind.INTERRUPT, caught.get().kind());
        assertEquals(130, caught.get().exitCode());
        assertEquals(1, in.eval(new SourceFile("after.lie", "1"), false) instanceof Double d && d == 1 ? 1 : 0,
            "the interpreter is usable after an interrupt");
      } finally {
        JitCompiler.disabled = saved;
      }
    }
  }

  @Test void bothTiersAgreeOnHotFunctions() {
    String program = "fn work(n) {\n var acc = []\n for i in 0..n {\n  let v = if i % 3 == 0 { i * 2 } else { -i }\n"
        + "  acc = acc + [(i, v)]\n }\n let (a, b) = acc[n - 1]\n (acc[-1][0] + 1, a, b, acc[0:2])\n}\n"
        + "var r = nil\nfor k in 0..30 { r = work(k + 1) }\nr";
    boolean saved = JitCompiler.disabled;
    try {
      JitCompiler.disabled = true;
      String nodes = Display.repr(eval(program));
      JitCompiler.disabled = false;
      String bytecode = Display.repr(eval(program));
      assertEquals(nodes, bytecode);
      assertEquals("(30, 29, -29, [(0, 0), (1, -1)])", bytecode);
    } finally {
      JitCompiler.disabled = saved;
    }
  }

  /** An iterable whose iterators count how often they are closed. */
  static final class Closing implements dev.tangent.spi.TIterable {
    int closed;

    @Override public java.util.Iterator<Object> iterator() {
      class It implements java.util.Iterator<Object>, AutoCloseable {
        int i;
        @Override public boolean hasNext() { return i < 5; }
        @Override public Object next() { return (double) i++; }
        @Override public void close() { closed++; }
      }
      return new It();
    }
  }

  @Test void loopsCloseTheirIteratorsHoweverTheyEndOnBothTiers() {
    for (boolean nodes : new boolean[] {true, false}) {
      boolean saved = JitCompiler.disabled;
      int savedThreshold = JitCompiler.threshold;
      JitCompiler.disabled = nodes;
      JitCompiler.threshold = 1;
      try {
        Interpreter in = TestSupport.interpreter();
        Closing c = new Closing();
        in.setGlobal("src", c);
        in.eval(new SourceFile("c.lie", String.join("\n",
            "fn all() { var s = 0\n for x in src { s += x }\n s }",
            "fn stop() { for x in src { if x == 2 { break } } }",
            "fn ret() { for x in src { for y in src { if y == 1 { return x } } } }",
            "fn fail() { for x in src { if x == 3 { x.nope } } }",
            "for k in 0..3 { all()\n stop()\n ret() }")), false);
        assertEquals(3 * (1 + 1 + 2), c.closed, nodes ? "node tier" : "bytecode tier");
        for (int k = 0; k < 3; k++) {
          org.junit.jupiter.api.Assertions.assertThrows(TangentException.class,
              () -> in.eval(new SourceFile("f.lie", "fail()"), false));
        }
        assertEquals(3 * 4 + 3, c.closed, "an error leaves the loop too");
      } finally {
        JitCompiler.disabled = saved;
        JitCompiler.threshold = savedThreshold;
      }
    }
  }

  @Test void functionsWithLoopsReachTheBytecodeTierOnTheirFirstCall() {
    boolean saved = JitCompiler.disabled;
    JitCompiler.disabled = false;
    try {
      Interpreter in = TestSupport.interpreter();
      in.eval("fn looping(n) {\n var s = 0\n for i in 0..n { s += i }\n s\n}\nfn plain(x) = x + 1");
      assertEquals(45.0, in.eval("looping(10)"));
      assertEquals(2.0, in.eval("plain(1)"));
      dev.tangent.exec.Closure looping = (dev.tangent.exec.Closure) in.getGlobal("looping");
      dev.tangent.exec.Closure plain = (dev.tangent.exec.Closure) in.getGlobal("plain");
      assertTrue(looping.code.compiled != null, "one call of a function with a loop may run long");
      assertTrue(plain.code.compiled == null || JitCompiler.threshold <= 1, "others wait for the threshold");
    } finally {
      JitCompiler.disabled = saved;
    }
  }

  @Test void replModeAllowsRedefinitionAndKeepsGlobals() {
    Interpreter in = TestSupport.interpreter();
    in.eval(new SourceFile("<repl>", "let x = 1"), true);
    in.eval(new SourceFile("<repl>", "fn f() = x * 10"), true);
    assertEquals(10.0, in.eval(new SourceFile("<repl>", "f()"), true));
    in.eval(new SourceFile("<repl>", "let x = 5"), true);
    assertEquals(50.0, in.eval(new SourceFile("<repl>", "f()"), true), "functions see the redefined global");
    TangentException e = org.junit.jupiter.api.Assertions.assertThrows(TangentException.class,
        () -> in.eval(new SourceFile("<repl>", "x = 6"), true));
    assertTrue(e.format().startsWith("<repl>:1:1: error: cannot assign to 'x'"), e.format());
  }

  @Test void tuplesListsAndMapsCompareStructurally() {
    assertEquals(true, eval("[1, (2, 3), {a: [4]}] == [1, (2, 3), {a: [4]}]"));
    assertEquals(false, eval("[1, 2] == [1, 2, 3]"));
    assertTrue(eval("(1, 2)") instanceof Tuple);
    assertTrue(eval("[1]") instanceof TList);
  }
}
