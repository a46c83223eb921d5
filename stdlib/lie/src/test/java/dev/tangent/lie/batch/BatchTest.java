package dev.tangent.lie.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.exec.Members;
import dev.tangent.lie.ScriptTestBase;
import dev.tangent.lie.TestGroups;
import dev.tangent.lie.batch.BatchElement;
import dev.tangent.lie.batch.BatchTangent;
import dev.tangent.lie.batch.Parallel;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.TangentValue;
import dev.tangent.spi.Context;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Tuple;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Batches against the single-element operations: every value and every Jacobian of a batched
 * call equals the single call on the same element (exactly: the same kernels run), broadcasting
 * a single element or tangent either way, for every group; and the errors for mismatched sizes.
 */
class BatchTest extends ScriptTestBase {
  static final int N = 5;

  static List<String> groups() {
    return TestGroups.scripts();
  }

  Context ctx() {
    return t.interpreter().context();
  }

  void define(String g) {
    raw("let G = " + g);
    raw("let X = G.random(" + N + ", seed: 1)");
    raw("let Y = G.random(" + N + ", seed: 2)");
    raw("let S = G.random(seed: 3)");
    raw("let T = G.random_tangent(" + N + ", seed: 4)");
    raw("let U = G.random_tangent(seed: 5)");
    raw("let P = G.random(" + N + ", seed: 6).act(tensor(zeros(G.dim)) + 0.5)");
    raw("let p = tensor(zeros(G.dim)) + 0.3");
  }

  static double[] data(Object v) {
    if (v instanceof Double d) return new double[] {d};
    if (v instanceof Tensor x) return x.toDoubleArray();
    if (v instanceof TangentValue x) return x.coeffs();
    if (v instanceof Element e) return e.coeffs();
    if (v instanceof BatchElement b) return b.c.clone();
    if (v instanceof BatchTangent b) return b.v.clone();
    throw new AssertionError("not numeric: " + v);
  }

  /** The i-th element of a batched result: an element, a tangent, or the i-th slice of a tensor. */
  static double[] item(Object v, int i) {
    if (v instanceof BatchElement b) return b.get(i).coeffs();
    if (v instanceof BatchTangent b) return b.get(i).coeffs();
    Tensor x = (Tensor) v;
    int per = x.size() / x.dim(0);
    return java.util.Arrays.copyOfRange(x.toDoubleArray(), i * per, (i + 1) * per);
  }

  /**
   * batched: a call on batches (with jac: true when jac); single: the same call with "[i]"
   * standing for the i-th element of every batch. Each output and Jacobian must agree exactly.
   */
  void same(String batched, String single, boolean jac) {
    Object b = raw(batched);
    for (int i = 0; i < N; i++) {
      Object s = raw(single.replace("[i]", "[" + i + "]"));
      if (jac) {
        Tuple tb = (Tuple) b;
        Tuple ts = (Tuple) s;
        assertEquals(ts.size(), tb.size(), batched);
        for (int k = 0; k < ts.size(); k++) {
          assertArrayEquals(data(ts.get(k)), item(tb.get(k), i), 0, batched + " output " + k + " at " + i);
        }
      } else {
        assertArrayEquals(data(s), item(b, i), 0, batched + " at " + i);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("groups")
  void elementOperationsWithJacobians(String g) {
    define(g);
    same("X.compose(Y, jac: true)", "X[i].compose(Y[i], jac: true)", true);
    same("X.between(Y, jac: true)", "X[i].between(Y[i], jac: true)", true);
    same("Y.rminus(X, jac: true)", "Y[i].rminus(X[i], jac: true)", true);
    same("Y.lminus(X, jac: true)", "Y[i].lminus(X[i], jac: true)", true);
    same("X.rplus(T, jac: true)", "X[i].rplus(T[i], jac: true)", true);
    same("X.lplus(T, jac: true)", "X[i].lplus(T[i], jac: true)", true);
    same("X.inv(jac: true)", "X[i].inv(jac: true)", true);
    same("X.log(jac: true)", "X[i].log(jac: true)", true);
    same("T.exp(jac: true)", "T[i].exp(jac: true)", true);
    same("G.exp(T.coeffs(), jac: true)", "G.exp(T[i], jac: true)", true);
    same("X.act(P, jac: true)", "X[i].act(P[i], jac: true)", true);
    same("X.adj(jac: true)", "X[i].adj(jac: true)", true);
    same("X.matrix(jac: true)", "X[i].matrix(jac: true)", true);
    same("X.coeffs(jac: true)", "X[i].coeffs(jac: true)", true);
    same("interpolate(X, Y, 0.3, jac: true)", "interpolate(X[i], Y[i], 0.3, jac: true)", true);
  }

  @ParameterizedTest
  @MethodSource("groups")
  void operatorsAndBroadcasting(String g) {
    define(g);
    same("X * Y", "X[i] * Y[i]", false);
    same("X * S", "X[i] * S", false);
    same("S * Y", "S * Y[i]", false);
    same("Y - X", "Y[i] - X[i]", false);
    same("Y - S", "Y[i] - S", false);
    same("X + T", "X[i] + T[i]", false);
    same("X + U", "X[i] + U", false);
    same("S + T", "S + T[i]", false);
    same("T + X", "T[i] + X[i]", false);
    same("U + X", "U + X[i]", false);
    same("X + T.coeffs()", "X[i] + T[i]", false);
    same("S.compose(Y, jac: true)", "S.compose(Y[i], jac: true)", true);
    same("X.rminus(S, jac: true)", "X[i].rminus(S, jac: true)", true);
    same("X.act(p, jac: true)", "X[i].act(p, jac: true)", true);
    same("S.act(P, jac: true)", "S.act(P[i], jac: true)", true);
    same("S.rplus(T, jac: true)", "S.rplus(T[i], jac: true)", true);
    same("X.rplus(U, jac: true)", "X[i].rplus(U, jac: true)", true);
    same("interpolate(S, Y, 0.7)", "interpolate(S, Y[i], 0.7)", false);
  }

  @ParameterizedTest
  @MethodSource("groups")
  void tangentBatches(String g) {
    define(g);
    raw("let V = G.random_tangent(" + N + ", seed: 7)");
    same("T + V", "T[i] + V[i]", false);
    same("T - U", "T[i] - U", false);
    same("U - T", "U - T[i]", false);
    same("2 * T - V / 4", "2 * T[i] - V[i] / 4", false);
    same("-T", "-T[i]", false);
    same("T.plus(V, jac: false)", "T[i].plus(V[i])", false);
    same("T.minus(U)", "T[i].minus(U)", false);
    same("T.rjac()", "T[i].rjac()", false);
    same("T.ljac()", "T[i].ljac()", false);
    same("T.rjacinv()", "T[i].rjacinv()", false);
    same("T.ljacinv()", "T[i].ljacinv()", false);
    same("T.small_adj()", "T[i].small_adj()", false);
    same("T.hat(jac: true)", "T[i].hat(jac: true)", true);
    same("G.vee(T.hat())", "T[i]", false);
    same("T.bracket(V, jac: true)", "T[i].bracket(V[i], jac: true)", true);
    same("T.inner(V)", "T[i].inner(V[i])", false);
    same("T.norm()", "T[i].norm()", false);
    same("T.coeffs()", "T[i].coeffs()", false);
    same("T.plus(X)", "T[i].plus(X[i])", false);
    same("G.tangent(T.coeffs())", "T[i]", false);
  }

  @ParameterizedTest
  @MethodSource("groups")
  void buildingIndexingAndPrinting(String g) {
    define(g);
    assertEquals((double) N, num("len(X)"));
    assertEquals((double) N, num("len(T)"));
    assertTrue((Boolean) raw("G.stack([X[0], X[1], X[2]])[2] == X[2]"));
    assertTrue((Boolean) raw("G.stack([T[0], T[3]])[1] == T[3]"));
    assertTrue((Boolean) raw("X[1:3][1] == X[2] and len(X[1:3]) == 2"));
    assertTrue((Boolean) raw("X[-1] == X[" + (N - 1) + "]"));
    assertTrue((Boolean) raw("G.identity(3)[2] == G.identity()"));
    raw("var k = 0\nfor x in X { assert(x == X[k])\n k = k + 1 }");
    assertEquals((double) N, num("k"));
    assertTrue((Boolean) raw("X.coeffs().shape == (" + N + ", len(G.identity().coeffs()))"));
    String name = show("G");
    assertEquals(name + " batch of " + N + " elements", show("X"));
    assertEquals(name + ".Tangent batch of " + N + " tangents", show("T"));
    assertTrue((Boolean) raw("type(X) == type(Y) and type(X) != G"));
    assertTrue(((String) raw("json(G.random(2, seed: 1))")).startsWith("{\"group\": \"" + name + "\", \"batch\": 2, \"coeffs\": [["));
    // the same seed gives the same elements, batched or one at a time
    assertTrue((Boolean) raw("G.random(1, seed: 9)[0] == G.random(seed: 9)"));
  }

  @Test
  void largeBatchesRunInParallelChunksWithTheSameResults() {
    // 30000 x 36 Jacobian entries: above the size at which the two Jacobian arrays are
    // allocated on two threads (BatchOps.jacPair).
    raw("let X = SE3.random(30000, seed: 1)");
    raw("let Y = SE3.random(30000, seed: 2)");
    raw("let (r, Jy, Jx) = Y.rminus(X, jac: true)");
    for (int i : new int[] {0, 1, 4095, 4096, 12345, 29999}) {
      raw("let (s" + i + ", A" + i + ", B" + i + ") = Y[" + i + "].rminus(X[" + i + "], jac: true)");
      assertArrayEquals(data(raw("s" + i)), data(raw("r[" + i + "]")), 0);
      assertArrayEquals(data(raw("A" + i)), data(raw("Jy[" + i + "]")), 0);
      assertArrayEquals(data(raw("B" + i)), data(raw("Jx[" + i + "]")), 0);
    }
  }

  @Test
  void interruptsStopABatchBetweenChunks() {
    Context ctx = new Context(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), null, null);
    ctx.interrupt();
    AtomicInteger chunks = new AtomicInteger();
    TangentError e = assertThrows(TangentError.class, () -> Parallel.forRange(ctx, 10_000_000, (from, to) -> chunks.incrementAndGet()));
    assertEquals("interrupted", e.getMessage());
    assertTrue(chunks.get() < 100, "ran " + chunks.get() + " chunks after the interrupt");
  }

  @Test
  void mismatchedBatchesGiveClearErrors() {
    raw("let A = SE3.random(3, seed: 1)");
    raw("let B = SE3.random(4, seed: 1)");
    assertError("A * B", "compose(): batch sizes differ: 3 and 4");
    assertError("A.rminus(B, jac: true)", "rminus(): batch sizes differ: 3 and 4");
    assertError("A.act(tensor(zeros(4, 3)))", "act(): batch sizes differ: 3 and 4");
    assertError("A + SE3.random_tangent(4, seed: 1)", "batch sizes differ: 3 and 4");
    assertError("A * SO3.random(3, seed: 1)", "must be an SE3 batch or element, got an SO3 batch");
    assertError("A.act(tensor(zeros(3, 2)))", "an n x 3 tensor (3 point coordinates per row), got shape (3, 2)");
    assertError("SE3.exp(tensor(zeros(3, 5)))", "n x 6 tensor");
    assertError("SE3.random(0)", "a batch needs n >= 1");
    assertError("A[3]", "out of");
    assertError("A.translation()", "has no member 'translation'");
    assertError("diff(X => X.log(), A)", "is a batch: diff differentiates one element at a time");
    assertError("interpolate(A, A, 0.5, method: \"cubic\")", "slerp");
    assertError("SE3.stack([SE3.identity(), SO3.identity()])", "item 1");
  }

  @Test
  void singleElementsStillTakeTheirOwnPath() {
    // a single element with a 1-D tangent stays single; a 2-D tensor makes a batch of its rows
    assertEquals("SE2", show("type(SE2(1, 2, 3) + [1, 0, 0])"));
    assertEquals("SE2 batch of 2 elements", show("SE2(1, 2, 3) + tensor([[1, 0, 0], [0, 1, 0]])"));
    Object r = Members.call(ctx(), raw("SE2(1, 2, 3)"), "act", new Object[] {raw("tensor([[1, 0], [0, 1], [2, 2]])")}, null);
    assertArrayEquals(new int[] {3, 2}, ((Tensor) r).shape());
  }
}
