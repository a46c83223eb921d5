package dev.tangent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.spark.exec.ExecutorRuntime;
import org.junit.jupiter.api.Test;

/**
 * Tangent functions as tasks: what a function captures travels with it (every kind of value),
 * modules are imported on the executors, what cannot travel is refused at the call, errors in
 * tasks come back positioned in the script, and executors reuse their interpreters.
 */
class ShippingTest {
  static String run(String code) { return SparkTesting.run(code); }

  /** f applied on the executors equals f applied here, printed in full (repr). */
  static void sameAsHere(String setup, String f) {
    String out = run(setup + "\nlet f = " + f + "\nlet here = map(f, [0, 1, 2])\nlet there = s.parallelize([0, 1, 2]).map(f).collect()\n"
        + "print(repr(here) == repr(there), repr(there))");
    assertTrue(out.startsWith("true "), f + " gave different results: " + out);
  }

  @Test void capturedPlainValues() {
    sameAsHere("let n = 2.5\nlet name = \"pose\"\nlet flag = true\nlet nothing = nil",
        "i => [n * i, name + str(i), flag and i > 0, nothing]");
    sameAsHere("let xs = [1, [2, 3], (4, \"five\")]\nlet m = {a: 1, \"b c\": [2], (1, 2): \"tuple key\", nil: 0}\nlet r = 0..5",
        "i => [xs[1][1] + i, m[\"b c\"][0], m[(1, 2)], m[nil], list(r)[i], len(xs)]");
  }

  @Test void capturedTensorsKeepTheirDtype() {
    sameAsHere("let A = tensor([[1.5, 2], [3, 4]])\nlet B = tensor([1, 2, 3], dtype: \"f32\")\n"
            + "let C = tensor([1, 2, 3], dtype: \"i64\")\nlet D = tensor([true, false])",
        "i => [A * i, B + i, C * 2, D, (B * i).dtype, C.dtype, D.dtype]");
  }

  @Test void capturedLieValues() {
    sameAsHere("import lie\nlet X = SE3.exp([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])\nlet t = SO3.Tangent([0.1, 0, 0.2])\n"
            + "let Xs = SE2.exp(tensor([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]))\nlet Rv = R(3)([1, 2, 3])",
        "i => [(X * SE3.exp([i, 0, 0, 0, 0, 0])).log(), SO3.exp(t * i), Xs.inv()[0], Rv + Rv.log() * i]");
  }

  @Test void capturedFunctionsRecursionAndClosures() {
    sameAsHere("fn fib(n) = if n < 2 { n } else { fib(n - 1) + fib(n - 2) }\n"
            + "fn make(c) = x => x + c\nlet add10 = make(10)\nlet add20 = make(20)\n"
            + "fn is_even(n) = if n == 0 { true } else { is_odd(n - 1) }\nfn is_odd(n) = if n == 0 { false } else { is_even(n - 1) }",
        "i => [fib(i + 10), add20(add10(i)), is_even(i + 7), map(x => add10(x), [i])]");
    // A declared function passed directly, built-ins as values and in captures.
    assertEquals("[0, 1, 1, 2, 3] [0, 1, 1.41421356237] [\"0\", \"1\"]", run("""
        fn fib2(n) = if n < 2 { n } else { fib2(n - 1) + fib2(n - 2) }
        let root = sqrt
        print(s.range(5).map(fib2).collect(), s.range(3).map(x => root(x)).collect(), s.range(2).map(str).collect())
        """));
  }

  @Test void mutatedCapturesAreCopies() {
    // As in Spark: a function changes its own copy on the executor, never the driver's variable.
    assertEquals("0 [1, 1, 1]", run("var counter = 0\nlet r = s.range(3, partitions: 1).map(x => { counter = 1; counter }).collect()\nprint(counter, r)"));
  }

  @Test void modulesTheScriptImportedAreImportedOnTheExecutors() {
    // Elements made by lie on the executors, methods of lie values called there, aliases and from-imports.
    assertEquals("true", run("""
        import lie as L
        from lie import SO2
        let there = s.range(4).map(i => L.SE2(i, 0, 0).compose(L.SE2(0, 1, 0.5)).log()).collect()
        let here = map(i => L.SE2(i, 0, 0).compose(L.SE2(0, 1, 0.5)).log(), list(0..4))
        print(repr(there) == repr(here) and s.range(2).map(i => SO2(0.5 * i).angle()).collect() == [0, 0.5])
        """));
  }

  @Test void whatCannotTravelIsRefusedAtTheCall() {
    String e = SparkTesting.error("let d = s.range(3)\nd.map(x => x + s.parallelism)");
    assertTrue(e.startsWith("<eval>:2:1: error: cannot send the function given to map to the executors: the lambda at <eval>:2:7 uses 's', a Session, which cannot travel"), e);
    assertTrue(e.contains("hint: functions run on the executors take with them"), e);
    String j = SparkTesting.error("let rng = java_class(\"java.util.Random\").new()\nlet cfg = {buf: [1, rng]}\nfn g(x) = len(cfg.buf) + x\ns.range(3).filter(x => g(x) > 0)");
    assertTrue(j.contains("cannot send the function given to filter to the executors: g at <eval>:3:1 uses 'cfg'[\"buf\"][1], a Java object (java.util.Random)"), j);
    String d = SparkTesting.error("let other = s.range(2)\ns.range(3).reduce((a, b) => a + other.count())");
    assertTrue(d.contains("uses 'other', a Distributed, which cannot travel"), d);
    String p = SparkTesting.error("s.parallelize([1, s])");
    assertTrue(p.contains("parallelize(): item 1 is a Session, which cannot travel to the executors"), p);
  }

  @Test void errorsInTasksComeBackPositionedWithTheTasksFrames() {
    String e = SparkTesting.error("""
        fn check(x) {
          if x == 3 { error("bad value ${x}") }
          x
        }
        let d = s.range(6, partitions: 2).map(x => check(x) * 2)
        d.collect()
        """);
    assertEquals("""
        <eval>:2:15: error: bad value 3
              if x == 3 { error("bad value ${x}") }
                          ^^^^^^^^^^^^^^^^^^^^^^^
          at check (<eval>:2:15)
          at <lambda> (<eval>:5:44)
          at <script> (<eval>:6:1)
          hint: raised in partition 1 of stage""".stripIndent(), e.substring(0, e.indexOf("of stage") + 8));
    String t = SparkTesting.error("s.range(4).map(x => x + \"a\").count()");
    assertTrue(t.startsWith("<eval>:1:21: error: unsupported operand types for +: Number and String\n    s.range(4).map(x => x + \"a\").count()\n                        ^^^^^^^"), t);
    String f = SparkTesting.error("s.range(4).filter(x => x).collect()");
    assertTrue(f.contains("filter: the function must return true or false, got Number"), f);
    // The session survives errors.
    assertEquals("[0, 1]", run("print(s.range(2).collect())"));
  }

  @Test void executorsReuseTheirInterpretersAcrossTasks() {
    int hosts = ExecutorRuntime.hostsCreated();
    int rebuilds = ExecutorRuntime.rebuilds();
    // 40 tasks on two cores: at most two interpreters, each compiling the function once.
    assertEquals("40", run("print(s.range(40, partitions: 40).map(x => x + 1).count())"));
    int newHosts = ExecutorRuntime.hostsCreated() - hosts;
    int newRebuilds = ExecutorRuntime.rebuilds() - rebuilds;
    assertTrue(newHosts <= 2, newHosts + " interpreters for 40 tasks");
    assertTrue(newRebuilds <= 2, newRebuilds + " rebuilds of one function for 40 tasks");
  }
}
