package dev.tangent.lie.ops;

import static dev.tangent.lie.kernel.Fd.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.exec.Members;
import dev.tangent.lie.ScriptTestBase;
import dev.tangent.lie.TestGroups;
import dev.tangent.lie.kernel.Fd;
import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.TangentValue;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Context;
import dev.tangent.spi.Tuple;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Jacobians that only the language layer computes (accessors, matrix-valued results, tangent
 * norms and products), each against central finite differences on the manifold.
 */
class ValueJacobiansTest extends ScriptTestBase {
  static List<GroupValue> groups() {
    return TestGroups.values();
  }

  Context ctx() {
    return t.interpreter().context();
  }

  Object call(Object target, String method, Object... args) {
    return Members.call(ctx(), target, method, args, null);
  }

  Tuple callJac(Object target, String method, Object... args) {
    Object[] all = new Object[args.length + 1];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = Boolean.TRUE;
    return (Tuple) Members.call(ctx(), target, method, all, new String[] {"jac"});
  }

  static double[] data(Object v) {
    if (v instanceof Double d) return new double[] {d};
    if (v instanceof Tensor tt) return tt.toDoubleArray();
    if (v instanceof TangentValue tv) return tv.coeffs();
    throw new AssertionError("not numeric: " + v);
  }

  static Element random(GroupValue g, long seed) {
    double[] c = new double[g.kernel.rep];
    g.kernel.random(new SplittableRandom(seed), c, 0);
    return g.element(c);
  }

  static TangentValue randomTangent(GroupValue g, long seed) {
    double[] v = new double[g.kernel.dof];
    g.kernel.randomTangent(new SplittableRandom(seed), v, 0);
    return g.tangent(v);
  }

  /** FD of a numeric-valued function of an element, perturbed as X (+) h e_i. */
  double[] fdOfElement(Element x, Function<Element, Object> f) {
    LieGroup k = x.kernel();
    return Fd.jacobian(k, x.coeffs(), null, c -> data(f.apply(x.group.element(c))), Fd.H);
  }

  double[] fdOfTangent(TangentValue v, Function<TangentValue, Object> f) {
    return Fd.jacobian(null, v.coeffs(), null, c -> data(f.apply(v.group.tangent(c))), Fd.H);
  }

  @ParameterizedTest(name = "{0}") @MethodSource("groups")
  void matrixValuedElementFunctions(GroupValue g) {
    Element x = random(g, 1);
    for (String m : new String[] {"adj", "matrix"}) {
      Tuple r = callJac(x, m);
      assertClose(m + " value", data(call(x, m)), data(r.get(0)), 0);
      assertClose("d " + m + " / dX", fdOfElement(x, y -> call(y, m)), data(r.get(1)), 1e-6);
    }
  }

  /** Every accessor method the group's descriptor declares with a jac option (X.translation(), X.so3()...). */
  @ParameterizedTest(name = "{0}") @MethodSource("groups")
  void accessors(GroupValue g) {
    Element x = random(g, 2);
    for (Builtin b : g.descriptor.methods().values()) {
      if (b.sig().indexOf("jac") < 0 || b.sig().requiredCount() > 1) continue;   // bundles' element(i): below
      String m = b.name();
      Tuple r = callJac(x, m);
      if (r.get(0) instanceof Element part) {
        assertClose(m + " value", ((Element) call(x, m)).coeffs(), part.coeffs(), 0);
        double[] fd = Fd.jacobian(x.kernel(), x.coeffs(), part.kernel(),
            c -> ((Element) call(g.element(c), m)).coeffs(), Fd.H);
        assertClose("d " + m + " / dX", fd, data(r.get(1)), 1e-6);
      } else {
        assertClose(m + " value", data(call(x, m)), data(r.get(0)), 0);
        assertClose("d " + m + " / dX", fdOfElement(x, y -> call(y, m)), data(r.get(1)), 1e-6);
      }
    }
    if (g.kernel instanceof dev.tangent.lie.kernel.Bundle b) {
      for (int i = 0; i < b.size(); i++) {
        int part = i;
        Tuple r = callJac(x, "element", (double) i);
        double[] fd = Fd.jacobian(x.kernel(), x.coeffs(), b.part(i),
            c -> ((Element) call(g.element(c), "element", (double) part)).coeffs(), Fd.H);
        assertClose("d X[" + i + "] / dX", fd, data(r.get(1)), 1e-6);
      }
    }
  }

  @ParameterizedTest(name = "{0}") @MethodSource("groups")
  void tangentFunctions(GroupValue g) {
    TangentValue u = randomTangent(g, 3);
    TangentValue w = randomTangent(g, 4);
    for (String m : new String[] {"hat", "small_adj", "norm", "weighted_norm", "coeffs"}) {
      Tuple r = callJac(u, m);
      assertClose(m + " value", data(call(u, m)), data(r.get(0)), 0);
      assertClose("d " + m + " / dt", fdOfTangent(u, v -> call(v, m)), data(r.get(1)), 1e-6);
    }
    for (String m : new String[] {"inner", "bracket", "plus", "minus"}) {
      Tuple r = callJac(u, m, w);
      assertClose("d " + m + " / dt", fdOfTangent(u, v -> call(v, m, w)), data(r.get(1)), 1e-6);
      assertClose("d " + m + " / ds", fdOfTangent(w, v -> call(u, m, v)), data(r.get(2)), 1e-6);
    }
  }

  @ParameterizedTest(name = "{0}") @MethodSource("groups")
  void tangentPlusElementIsLeftPlusWithJacobiansInArgumentOrder(GroupValue g) {
    TangentValue u = randomTangent(g, 5);
    Element x = random(g, 6);
    Tuple r = callJac(u, "plus", x);
    Element y = (Element) r.get(0);
    assertClose("t (+) X", ((Element) call(x, "lplus", u)).coeffs(), y.coeffs(), 0);
    double[] fdT = Fd.jacobian(null, u.coeffs(), g.kernel, c -> ((Element) call(g.tangent(c), "plus", x)).coeffs(), Fd.H);
    double[] fdX = Fd.jacobian(g.kernel, x.coeffs(), g.kernel, c -> ((Element) call(u, "plus", g.element(c))).coeffs(), Fd.H);
    assertClose("J_t", fdT, data(r.get(1)), 1e-6);
    assertClose("J_X", fdX, data(r.get(2)), 1e-6);
  }

  @ParameterizedTest(name = "{0}") @MethodSource("groups")
  void veeJacobianReadsTheAlgebraCoordinates(GroupValue g) {
    TangentValue u = randomTangent(g, 7);
    Tensor h = (Tensor) call(u, "hat");
    Tuple r = (Tuple) Members.call(ctx(), g, "vee", new Object[] {h, Boolean.TRUE}, new String[] {"jac"});
    assertClose("vee(hat(t))", u.coeffs(), data(r.get(0)), 0);
    // d vee / d vec(M) composed with d vec(hat) / dt is the identity
    Tuple hj = callJac(u, "hat");
    int d = g.kernel.dof;
    int mm = g.kernel.mat * g.kernel.mat;
    double[] a = data(r.get(1));
    double[] b = data(hj.get(1));
    double[] prod = new double[d * d];
    for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) for (int k = 0; k < mm; k++) prod[i * d + j] += a[i * mm + k] * b[k * d + j];
    double[] eye = new double[d * d];
    for (int i = 0; i < d; i++) eye[i * d + i] = 1;
    assertClose("J_vee J_hat = I", eye, prod, 0);
  }

  @ParameterizedTest(name = "{0}") @MethodSource("groups")
  void scriptJacobianTuplesMatchTheKernels(GroupValue g) {
    Element x = random(g, 8);
    Element y = random(g, 9);
    LieGroup k = g.kernel;
    int d = k.dof;
    double[] ja = new double[d * d];
    double[] jb = new double[d * d];
    k.compose(x.c, 0, y.c, 0, new double[k.rep], 0, ja, 0, jb, 0);
    Tuple r = callJac(x, "compose", y);
    assertEquals(3, r.size());
    assertClose("J_Z_X", ja, data(r.get(1)), 0);
    assertClose("J_Z_Y", jb, data(r.get(2)), 0);
    Tuple act = callJac(x, "act", Tensor.vector(new double[k.dim]));
    assertEquals(List.of(k.dim, k.dof), shape(act.get(1)));
    assertEquals(List.of(k.dim, k.dim), shape(act.get(2)));
    for (String m : new String[] {"inv", "log"}) assertEquals(List.of(d, d), shape(callJac(x, m).get(1)));
    for (String m : new String[] {"between", "rminus", "lminus"}) {
      Tuple tr = callJac(x, m, y);
      assertEquals(List.of(d, d), shape(tr.get(1)));
      assertEquals(List.of(d, d), shape(tr.get(2)));
    }
  }

  static List<Integer> shape(Object v) {
    int[] s = ((Tensor) v).shape();
    return s.length == 2 ? List.of(s[0], s[1]) : List.of(s[0]);
  }
}
