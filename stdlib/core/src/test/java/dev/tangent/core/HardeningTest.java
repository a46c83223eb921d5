package dev.tangent.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import dev.tangent.spi.TangentError;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedding contract under pressure: interrupts reach every long built-in and never poison
 * the next evaluation, host limits (time, allocation size, imports) hold, running out of memory
 * is a language error, and sizes are checked before anything is allocated.
 */
class HardeningTest {
  final StringWriter out = new StringWriter();
  final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach void stop() {
    pool.shutdownNow();
  }

  private int runs;

  /**
   * Runs code on another thread, interrupts it once it has started (an interrupt before that is
   * dropped, by design) and a moment later, and returns what it threw.
   */
  TangentException interrupted(Tangent t, String code) throws Exception {
    String marker = "started " + (++runs);
    Future<Object> f = pool.submit(() -> t.eval("print(\"" + marker + "\")\n" + code));
    long wait = System.nanoTime();
    while (!out.toString().contains(marker) && System.nanoTime() - wait < 20e9) Thread.sleep(5);
    Thread.sleep(200);
    long start = System.nanoTime();
    t.interrupt();
    try {
      Object v = f.get(10, TimeUnit.SECONDS);
      throw new AssertionError(code + " finished (" + v + ") instead of stopping");
    } catch (java.util.concurrent.TimeoutException e) {
      f.cancel(true);
      throw new AssertionError(code + " did not stop within 10 s of interrupt()");
    } catch (java.util.concurrent.ExecutionException e) {
      assertTrue(System.nanoTime() - start < 5e9, code + " took too long to stop");
      return (TangentException) e.getCause();
    }
  }

  @Test void interruptReachesEveryLongBuiltin() throws Exception {
    Tangent t = Tangent.builder().output(out).build();
    for (String code : new String[] {
        "sum(0..1e11)", "max(0..1e11)", "min(0..1e11)", "len(list(0..2e9))", "any(map(x => x < 0, 0..1e11))",
        "sorted(list(0..1e7).map(x => -x))", "prod(0..1e11)", "reduce((a, b) => a, 0..1e11)"}) {
      TangentException e = interrupted(t, code);
      assertEquals(TangentError.Kind.INTERRUPT, e.kind(), code + ": " + e.format());
      assertEquals(2.0, t.eval("1 + 1"), "the interpreter is usable after interrupting " + code);
    }
  }

  /**
   * A call that cannot be stopped midway (here a Java sleep, standing in for a native matmul or
   * eigh) is followed by the interrupt: nothing after it runs, even when it is the last statement.
   */
  @Test void anInterruptDuringAnUnstoppableCallIsHonouredWhenItReturns() throws Exception {
    Tangent t = Tangent.builder().output(out).allowJava().build();
    t.eval("let T = java_class(\"java.lang.Thread\")");
    TangentException e = interrupted(t, "T.sleep(800)\nprint(\"after\")");
    assertEquals(TangentError.Kind.INTERRUPT, e.kind(), e.format());
    assertTrue(!out.toString().contains("after"), out.toString());
    e = interrupted(t, "T.sleep(800)");
    assertEquals(TangentError.Kind.INTERRUPT, e.kind(), "the last statement too: " + e.format());
  }

  @Test void interruptWhileIdleDoesNotPoisonTheNextEval() {
    Tangent t = Tangent.builder().output(out).build();
    t.interrupt();
    assertEquals(3.0, t.eval("var s = 0\nfor i in 0..100000 { s = s + 1 }\n3"));
    t.interrupt();
    assertEquals(4.0, t.call("len", java.util.List.of(1, 2, 3, 4)));
  }

  @Test void timeLimitStopsLoopsAndBuiltins() {
    Tangent t = Tangent.builder().output(out).timeLimit(Duration.ofMillis(300)).build();
    for (String code : new String[] {"while true { }", "sum(0..1e12)", "sorted(list(0..3e7))"}) {
      long start = System.nanoTime();
      TangentException e = assertThrows(TangentException.class, () -> t.eval(code));
      assertTrue(e.format().contains("time limit of 300 ms exceeded"), e.format());
      assertEquals(TangentError.Kind.RUNTIME, e.kind());
      assertTrue(System.nanoTime() - start < 5e9, code + " overran its limit");
    }
    assertEquals(2.0, t.eval("1 + 1"), "the limit applies per evaluation");
  }

  @Test void allocationCeilingRefusesBeforeAllocating() {
    Tangent t = Tangent.builder().output(out).maxElements(1_000_000).build();
    assertEquals(1000.0, t.eval("len(list(0..1000))"));
    for (String code : new String[] {"zeros(2000, 1000)", "list(0..2e6)", "[0] * 2e6", "\"ab\" * 2e6", "ones(1e7, device: \"java\")"}) {
      TangentException e = assertThrows(TangentException.class, () -> t.eval(code), code);
      assertTrue(e.format().contains("this interpreter allows at most 1,000,000"), code + ": " + e.format());
    }
  }

  @Test void refusedImportsAreStaticErrors() {
    Tangent t = Tangent.builder().output(out).refuseImport("nn", "plot").build();
    TangentException e = assertThrows(TangentException.class, () -> t.eval("import nn"));
    assertEquals(TangentError.Kind.STATIC, e.kind());
    assertTrue(e.format().contains("import of 'nn' is not allowed"), e.format());
    e = assertThrows(TangentException.class, () -> t.eval("from plot import line"));
    assertTrue(e.format().contains("import of 'plot' is not allowed"), e.format());
    assertThrows(TangentException.class, () -> Tangent.builder().refuseImport("lie").importModule("lie").build());
  }

  @Test void jsr223BindingsSetTheSameLimits() throws Exception {
    javax.script.ScriptEngine e = new javax.script.ScriptEngineManager().getEngineByName("tangent");
    e.getContext().setAttribute("tangent.timeLimitMillis", 200, javax.script.ScriptContext.ENGINE_SCOPE);
    e.getContext().setAttribute("tangent.maxElements", 1000L, javax.script.ScriptContext.ENGINE_SCOPE);
    e.getContext().setAttribute("tangent.refuseImports", "nn, plot", javax.script.ScriptContext.ENGINE_SCOPE);
    javax.script.ScriptException x = assertThrows(javax.script.ScriptException.class, () -> e.eval("while true { }"));
    assertTrue(x.getMessage().contains("time limit of 200 ms exceeded"), x.getMessage());
    x = assertThrows(javax.script.ScriptException.class, () -> e.eval("zeros(100, 100)"));
    assertTrue(x.getMessage().contains("at most 1,000"), x.getMessage());
    x = assertThrows(javax.script.ScriptException.class, () -> e.eval("import nn"));
    assertTrue(x.getMessage().contains("not allowed"), x.getMessage());
  }

  @Test void outOfMemoryIsALanguageErrorAndTheInterpreterLivesOn() {
    Tangent t = Tangent.builder().output(out).build();
    t.eval("var keep = [1, 2, 3]");
    // 2^31 - 100 doubles (16 GiB) never fit the test JVM's heap; the allocation fails at once.
    TangentException e = assertThrows(TangentException.class, () -> t.eval("zeros(2147483000, device: \"java\")"));
    assertEquals(TangentError.Kind.RUNTIME, e.kind(), e.format());
    assertTrue(e.format().contains("out of memory in zeros()"), e.format());
    assertTrue(e.format().contains("<eval>:1:1"), "at the script position: " + e.format());
    // 2^31 list slots need 8.6 GB even with compressed references: more than this machine's test JVM has.
    if (Runtime.getRuntime().maxMemory() < 8L << 30) {
      e = assertThrows(TangentException.class, () -> t.eval("let big = [0] * 2147483000\nlen(big)"));
      assertTrue(e.format().contains("out of memory"), e.format());
    }
    assertEquals(3.0, t.eval("len(keep)"), "globals survive");
  }

  @Test void sizesAndConversionsSayWhatIsWrong() {
    Tangent t = Tangent.builder().output(out).build();
    String m = assertThrows(TangentException.class, () -> t.eval("[0] * 1e10")).format();
    assertTrue(m.contains("repeat count 10000000000 is too large"), m);
    m = assertThrows(TangentException.class, () -> t.eval("int(1/0)")).format();
    assertTrue(m.contains("int(): cannot convert inf to an integer"), m);
    m = assertThrows(TangentException.class, () -> t.eval("int(0/0)")).format();
    assertTrue(m.contains("cannot convert nan"), m);
    m = assertThrows(TangentException.class, () -> t.eval("int(\"inf\")")).format();
    assertTrue(m.contains("int(): cannot"), m);
    m = assertThrows(TangentException.class, () -> t.eval("zeros(2147483647, 2147483647, 2147483647)")).format();
    assertTrue(m.contains("tensor too large"), m);
    m = assertThrows(TangentException.class, () -> t.eval("list(0..1e12)")).format();
    assertTrue(m.contains("too long for a list"), m);
    assertEquals(6.0, t.eval("prod([1, 2, 3])"));
    assertEquals(24.0, t.eval("prod(tensor([1, 2, 3, 4]))"));
    assertEquals(1.0, t.eval("prod([])"));
  }

  @Test void deepNestingIsASyntaxErrorWithAPosition() {
    Tangent t = Tangent.builder().output(out).build();
    assertEquals(1.0, t.eval("(".repeat(150) + "1" + ")".repeat(150)), "150 levels are fine on an ordinary thread");
    TangentException e = assertThrows(TangentException.class, () -> t.eval("[".repeat(5000) + "]".repeat(5000)));
    assertEquals(TangentError.Kind.SYNTAX, e.kind());
    assertEquals(65, e.exitCode());
    assertTrue(e.format().startsWith("<eval>:1:201: error: brackets nested more than 200 levels deep"), e.format());
    long start = System.nanoTime();
    e = assertThrows(TangentException.class, () -> t.eval("(".repeat(20000) + "1" + ")".repeat(20000)));
    assertTrue(System.nanoTime() - start < 5e9, "refused quickly");
    e = assertThrows(TangentException.class, () -> t.eval("let x = " + "-".repeat(200000) + "1"));
    assertEquals(TangentError.Kind.SYNTAX, e.kind(), e.format());
  }

  @Test void byteOrderMarkIsNotPartOfTheProgram() {
    Tangent t = Tangent.builder().output(out).build();
    assertEquals(3.0, t.eval("\uFEFFlet x = 1\nx + 2"));
  }

  @Test void recursionFramesAreFolded() {
    Tangent t = Tangent.builder().output(out).build();
    String m = assertThrows(TangentException.class, () -> t.eval("fn f(x) {\n  if x == 0 { return 1 / nil }\n  return f(x - 1)\n}\nf(5000)")).format();
    assertTrue(m.contains("  at f (<eval>:3:10) × 5,000"), m);
    assertTrue(m.lines().count() < 10, m);
  }

  @Test void mapKeysOfEveryDocumentedKind() {
    Tangent t = Tangent.builder().output(out).build();
    assertEquals("t", t.eval("{true: 1, (1, 2): \"t\", nil: 0}[(1, 2)]"));
    assertEquals(1.0, t.eval("{true: 1, false: 2}[true]"));
    assertEquals(0.0, t.eval("{nil: 0}[nil]"));
  }

  @Test void errorsAboutFilesNameNoJavaClass(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    Tangent t = Tangent.builder().output(out).allowReadWrite(dir).build();
    java.nio.file.Files.createDirectory(dir.resolve("sub"));
    String m = assertThrows(TangentException.class, () -> t.eval("read_text(\"" + dir.resolve("sub") + "\")")).format();
    assertTrue(m.contains("is a folder"), m);
    m = assertThrows(TangentException.class, () -> t.eval("write_text(\"" + dir.resolve("sub") + "\", \"x\")")).format();
    assertTrue(!m.contains("Exception") && !m.contains(".tmp"), m);
    m = assertThrows(TangentException.class, () -> t.eval("read_text(\"" + dir.resolve("none") + "\")")).format();
    assertTrue(m.contains("no such file"), m);
    m = assertThrows(TangentException.class, () -> t.eval("read_text(\"a\\u0000b\")")).format();
    assertNotEquals(TangentError.Kind.INTERNAL, assertThrows(TangentException.class, () -> t.eval("read_text(\"a\\u0000b\")")).kind(), m);
  }
}
