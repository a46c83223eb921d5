package dev.tangent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Interpreter;
import dev.tangent.ast.Expr;
import dev.tangent.ast.Pattern;
import dev.tangent.ast.Stmt;
import dev.tangent.diag.SourceFile;
import dev.tangent.exec.Closure;
import dev.tangent.jit.JitCompiler;
import dev.tangent.spi.Display;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every kind of syntax-tree node (the permitted subclasses of the sealed Expr, Stmt, Pattern and
 * Subscript types) is handled by the resolver, the node compiler and the bytecode compiler, or
 * knowingly refused by the bytecode tier's allowlist: each kind has a function below that uses
 * it, run on both tiers with the same result. A new kind of node fails this test until it is
 * added here, and so until every tier has been taught it.
 */
class SealedCoverageTest {
  /** Kinds that keep their function on the node tier (Eligibility refuses them on purpose). */
  static final Set<String> NODE_TIER_ONLY = Set.of("Stmt.Fn", "Expr.Lambda");

  /** For each kind, a function `f` that uses it and returns a value showing it worked. */
  static final Map<String, String> USES = new LinkedHashMap<>();

  static {
    USES.put("Expr.NumberLit", "fn f() = 1.5");
    USES.put("Expr.StringLit", "fn f() = \"s\"");
    USES.put("Expr.Interpolated", "fn f() { let n = 2\n \"n=${n + 1}\" }");
    USES.put("Expr.BoolLit", "fn f() = true");
    USES.put("Expr.NilLit", "fn f() = nil");
    USES.put("Expr.Name", "fn f() { let a = 3\n a }");
    USES.put("Expr.TupleLit", "fn f() = (1, 2)");
    USES.put("Expr.ListLit", "fn f() = [1, [2]]");
    USES.put("Expr.MapLit", "fn f() = {a: 1, \"b\": 2}");
    USES.put("Expr.Member", "fn f() = {a: 4}.a");
    USES.put("Expr.Call", "fn g(x, y = 1) = x + y\nfn f() = g(1, y: 5)");
    USES.put("Expr.Index", "fn f() { let xs = [1, 2, 3, 4]\n (xs[1], xs[1:3], xs[::2]) }");
    USES.put("Expr.Binary", "fn f() = 2 * 3 + 1");
    USES.put("Expr.Unary", "fn f() = -(2)");
    USES.put("Expr.Logical", "fn f() = 1 < 2 and not (2 < 1) or false");
    USES.put("Expr.RangeLit", "fn f() = (0..3, 0..=3)");
    USES.put("Expr.In", "fn f() = (2 in [1, 2], 5 not in [1])");
    USES.put("Expr.Lambda", "fn f() { let k = 3\n let g = x => x * k\n g(2) }");
    USES.put("Expr.If", "fn f() { let x = if 1 > 2 { \"a\" } else if 2 > 1 { \"b\" } else { \"c\" }\n x }");
    USES.put("Expr.IndexSub", "fn f() = [5, 6][1]");
    USES.put("Expr.SliceSub", "fn f() = [5, 6, 7][0:2:1]");
    USES.put("Stmt.Let", "import sample\nfn f() { let (a, [b, _]) = (1, [2, 3])\n var c: Number = a + b\n c }");
    USES.put("Stmt.Fn", "fn f() { fn inner(x) = x + 1\n inner(1) }");
    USES.put("Stmt.For", "fn f() { var s = 0\n for (i, v) in [(0, 4), (1, 5)] { s += i * v }\n s }");
    USES.put("Stmt.While", "fn f() { var i = 0\n while i < 5 { i += 1 }\n i }");
    USES.put("Stmt.Break", "fn f() { var i = 0\n while true { i += 1\n if i == 3 { break } }\n i }");
    USES.put("Stmt.Continue", "fn f() { var s = 0\n for i in 0..5 { if i % 2 == 0 { continue }\n s += i }\n s }");
    USES.put("Stmt.Return", "fn f() { for i in 0..10 { if i == 4 { return i } }\n -1 }");
    // imports stand at the top level only (the script body, which stays on the node tier)
    USES.put("Stmt.Import", "import sample as s2\nfn f() = s2.twice(2)");
    USES.put("Stmt.FromImport", "from sample import twice\nfn f() = twice(3)");
    USES.put("Stmt.Assign", "fn f() { var xs = [1, 2]\n var m = {a: 1}\n xs[0] = 5\n m.a += 2\n var (p, q) = (1, 2)\n (p, q) = (q, p)\n (xs, m, p, q) }");
    USES.put("Stmt.ExprStmt", "from sample import twice\nfn f() { var xs = [1]\n xs[0] + 1\n twice(3.5) }");
    USES.put("Pattern.Name", "fn f() { var a = 1\n for (_, x) in [(1, 2)] { a += x }\n a }");
    USES.put("Pattern.Destructure", "fn f() { let (a, [b, _]) = (1, [2, 3])\n a - b }");
  }

  /** Every permitted subclass of the sealed syntax-tree types, as "Expr.Call". */
  static Set<String> kinds() {
    Set<String> out = new TreeSet<>();
    for (Class<?> sealed : new Class<?>[] {Expr.class, Stmt.class, Pattern.class, Expr.Subscript.class}) {
      collect(sealed, out);
    }
    return out;
  }

  private static void collect(Class<?> sealed, Set<String> out) {
    for (Class<?> c : sealed.getPermittedSubclasses()) {
      if (c.isSealed()) collect(c, out);
      else out.add(c.getEnclosingClass().getSimpleName() + "." + c.getSimpleName());
    }
  }

  @Test void everyKindOfNodeHasAUseHere() {
    Set<String> missing = new TreeSet<>(kinds());
    missing.removeAll(USES.keySet());
    assertTrue(missing.isEmpty(), "syntax-tree kinds without a use in SealedCoverageTest: " + missing);
    Set<String> stale = new TreeSet<>(USES.keySet());
    stale.removeAll(kinds());
    assertTrue(stale.isEmpty(), "no such kinds: " + stale);
  }

  @Test void everyKindRunsOnBothTiersAndOnlyTheRefusedOnesStayOnNodes() {
    boolean saved = JitCompiler.disabled;
    int savedThreshold = JitCompiler.threshold;
    try {
      JitCompiler.threshold = 1;
      for (Map.Entry<String, String> use : USES.entrySet()) {
        String program = use.getValue();
        JitCompiler.disabled = true;
        String nodes = run(program, null);
        JitCompiler.disabled = false;
        Closure[] f = new Closure[1];
        String bytecode = run(program, f);
        assertEquals(nodes, bytecode, use.getKey() + ": both tiers give the same value");
        boolean compiled = f[0].code.compiled != null;
        boolean refused = NODE_TIER_ONLY.contains(use.getKey());
        assertEquals(!refused, compiled, use.getKey() + (refused
            ? ": the bytecode tier refuses it (Eligibility)"
            : ": the bytecode tier compiles it"));
      }
    } finally {
      JitCompiler.disabled = saved;
      JitCompiler.threshold = savedThreshold;
    }
  }

  /** Resolves, compiles and runs the program, then calls f() three times (promoting it). */
  private static String run(String program, Closure[] f) {
    Interpreter in = TestSupport.interpreter();
    in.eval(new SourceFile("use.tg", program), false);
    String last = null;
    for (int i = 0; i < 3; i++) last = Display.repr(in.eval(new SourceFile("call.tg", "f()"), false));
    if (f != null) f[0] = (Closure) in.getGlobal("f");
    return last;
  }
}
