package dev.tangent.lie.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.lie.ScriptTestBase;
import dev.tangent.lie.TestGroups;
import dev.tangent.lie.kernel.Fd;
import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.TangentValue;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Context;
import dev.tangent.spi.Tuple;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * diff() against central finite differences of the same Tangent function (elements perturbed as
 * X (+) h e_k and measured with (-), everything else additively), on composite expressions, for
 * every group; and the errors for what it cannot differentiate.
 */
class DiffTest extends ScriptTestBase {
  static final double H = 1e-6;

  static List<String> groups() {
    return TestGroups.scripts();
  }

  Context ctx() {
    return t.interpreter().context();
  }

  Object call(Object f, Object[] args) {
    return ((Callable) f).call(ctx(), args, null);
  }

  /** diff(f, args...) must match the value of f and central differences of f in every argument. */
  void check(String f, String... args) {
    Object fn = raw(f);
    Object[] argv = new Object[args.length];
    StringBuilder call = new StringBuilder("diff(__f");
    t.interpreter().setGlobal("__f", fn);
    for (int i = 0; i < args.length; i++) {
      argv[i] = raw(args[i]);
      t.interpreter().setGlobal("__a" + i, argv[i]);
      call.append(", __a").append(i);
    }
    Tuple r = (Tuple) raw(call.append(")").toString());
    Object y0 = call(fn, argv);
    assertEquals(args.length + 1, r.size());
    assertArrayEquals(flat(y0), flat(r.get(0)), 1e-12, "value of " + f);
    for (int i = 0; i < args.length; i++) {
      double[] numeric = numericJacobian(fn, argv, i, y0);
      Tensor j = (Tensor) r.get(i + 1);
      int rows = size(y0);
      assertArrayEquals(new int[] {rows, size(argv[i])}, j.shape(), "shape of J_" + (i + 1) + " of " + f);
      double scale = 1;
      for (double x : numeric) scale = Math.max(scale, Math.abs(x));
      Fd.assertClose("J_" + (i + 1) + " of " + f + " at " + String.join(", ", args), numeric, j.toDoubleArray(), 2e-6 * scale);
    }
  }

  double[] numericJacobian(Object fn, Object[] argv, int i, Object y0) {
    int n = size(argv[i]);
    int m = size(y0);
    double[] jac = new double[m * n];
    for (int k = 0; k < n; k++) {
      Object[] plus = argv.clone();
      Object[] minus = argv.clone();
      plus[i] = perturb(argv[i], k, H);
      minus[i] = perturb(argv[i], k, -H);
      double[] dp = local(call(fn, plus), y0);
      double[] dm = local(call(fn, minus), y0);
      for (int r = 0; r < m; r++) jac[r * n + k] = (dp[r] - dm[r]) / (2 * H);
    }
    return jac;
  }

  static int size(Object v) {
    if (v instanceof Element e) return e.kernel().dof;
    return flat(v).length;
  }

  static double[] flat(Object v) {
    if (v instanceof Double d) return new double[] {d};
    if (v instanceof Tensor x) return x.toDoubleArray();
    if (v instanceof TangentValue x) return x.coeffs();
    if (v instanceof Element e) return e.coeffs();
    if (v instanceof dev.tangent.spi.TList l) return Tensor.from(l).toDoubleArray();
    throw new AssertionError("not numeric: " + v);
  }

  static Object perturb(Object v, int k, double h) {
    if (v instanceof Double d) return d + h;
    if (v instanceof Element e) {
      LieGroup g = e.kernel();
      double[] tau = new double[g.dof];
      tau[k] = h;
      double[] out = new double[g.rep];
      g.rplus(e.c, 0, tau, 0, out, 0, null, 0, null, 0);
      return e.group.element(out);
    }
    if (v instanceof TangentValue tv) {
      double[] w = tv.coeffs();
      w[k] += h;
      return tv.group.tangent(w);
    }
    Tensor x = (Tensor) v;
    double[] w = x.toDoubleArray();
    w[k] += h;
    return Tensor.ofDoubles(x.shape(), w);
  }

  static double[] local(Object y, Object y0) {
    if (y instanceof Element e) return Fd.diff(e.kernel(), e.c, ((Element) y0).c);
    double[] a = flat(y);
    double[] b = flat(y0);
    double[] d = new double[a.length];
    for (int i = 0; i < d.length; i++) d[i] = a[i] - b[i];
    return d;
  }

  void defineInputs(String g) {
    raw("let G = " + g);
    raw("let X = G.random(seed: 11)");
    raw("let Y = G.random(seed: 12)");
    raw("let t = G.random_tangent(seed: 13) * 0.7");
    raw("let s = G.random_tangent(seed: 14) * 0.5");
    raw("let p = G.exp(G.random_tangent(seed: 15)).act(tensor(zeros(G.dim)) + 0.5)");
  }

  // ------------------------------------------------------------------ composite expressions, every group

  @ParameterizedTest
  @MethodSource("groups")
  void actionOfTheInverse(String g) {
    defineInputs(g);
    check("(X, p) => X.inv().act(p)", "X", "p");
  }

  @ParameterizedTest
  @MethodSource("groups")
  void normOfTheLogOfAProduct(String g) {
    defineInputs(g);
    check("(X, Y) => (X * Y).log().norm()", "X", "Y");
  }

  @ParameterizedTest
  @MethodSource("groups")
  void plusMinusBetweenAndCompose(String g) {
    defineInputs(g);
    check("(X, Y) => X.between(Y) * X.inv()", "X", "Y");
    check("(X, Y) => Y - X", "X", "Y");
    check("(X, Y) => Y.lminus(X)", "X", "Y");
    check("(X, t) => X + t", "X", "t");
    check("(X, t) => t + X", "X", "t");
    check("(X, t, s) => (X + t).compose(s.exp()).inverse()", "X", "t", "s");
    check("(X, Y, t) => X.rplus(t).rminus(Y) * 2", "X", "Y", "t");
  }

  @ParameterizedTest
  @MethodSource("groups")
  void tangentsMatricesAndAccessors(String g) {
    defineInputs(g);
    check("(t, s) => (t + 2 * s).exp()", "t", "s");
    check("(t, s) => t.bracket(s) - s / 3", "t", "s");
    check("(t, s) => t.inner(s) + t.weighted_norm()", "t", "s");
    check("(X, t) => X.adj() @ t", "X", "t");
    check("X => X.matrix()", "X");
    check("X => X.coeffs()", "X");
    check("t => G.vee(t.hat() * 0.5)", "t");
    check("(X, t) => G.exp(X.log() + t)", "X", "t");
    check("(X, Y) => interpolate(X, Y, 0.3)", "X", "Y");
    check("(X, Y, s) => interpolate(X, Y, s)", "X", "Y", "0.3");
    check("(s) => interpolate(X, Y, s * s)", "0.6");
  }

  /** Every accessor the group's descriptor declares: X.x (its own rule), X.translation() (jac: true)... */
  @ParameterizedTest
  @MethodSource("groups")
  void everyAccessorOfTheGroup(String g) {
    defineInputs(g);
    GroupValue group = (GroupValue) raw("G");
    for (String p : group.descriptor.properties().keySet()) check("X => X." + p, "X");
    for (Builtin m : group.descriptor.methods().values()) {
      if (m.sig().indexOf("jac") >= 0 && m.sig().requiredCount() == 1) check("X => X." + m.name() + "()", "X");
    }
  }

  @ParameterizedTest
  @MethodSource("groups")
  void ekfMeasurementThroughUserFunctions(String g) {
    defineInputs(g);
    raw("fn expectation(X, b) = X.inv().act(b)");
    raw("fn innovation(X, b, y) { let e = expectation(X, b)\n y - e }");
    raw("fn predict(X, u) = X + u");
    check("(X, u, b) => innovation(predict(X, u), b, tensor(zeros(G.dim)) + 1)", "X", "t", "p");
  }

  @ParameterizedTest
  @MethodSource("groups")
  void loopsIfsAndClosures(String g) {
    defineInputs(g);
    raw("fn walk(X, u, n) {\n var Y = X\n for i in 0..n {\n if Y.log().norm() > 1.5 { Y = Y * X.inv() } else { Y = Y + u * (i + 1) }\n }\n Y\n}");
    check("(X, u) => walk(X, u, 4)", "X", "t");
    raw("let scale = 0.25");
    check("(X, u) => { let k = u * scale\n var acc = 0\n for x in k { acc = acc + x * x }\n acc + X.log().norm() }", "X", "t");
  }

  // ------------------------------------------------------------------ numbers, vectors and matrices

  @Test
  void scalarFunctionsOfTangents() {
    raw("let t = SE3.tangent([0.3, -0.2, 0.5, 0.1, 0.4, -0.3])");
    check("t => sin(t[0]) * exp(t[1]) + sqrt(t.norm()) - cos(t[2]) ^ 2 + log(1 + t[3] * t[3]) / tanh(t[4] + 1)", "t");
    check("t => atan(t[5]) + abs(t[2]) + sigmoid(t[0]) - asin(t[1]) + acos(t[3]) + cosh(t[4]) + 2 ^ t[0]", "t");
    check("t => t[1:4]", "t");
    check("t => sum(t.coeffs() * t.coeffs()) + dot(t.coeffs(), t.coeffs()) + norm(t) + sum(t)", "t");
  }

  @Test
  void vectorsMatricesAndTensorsOfTrackedNumbers() {
    raw("let A = tensor([[1, 2, 0], [0.5, -1, 3]])");
    raw("let v = tensor([0.2, -0.7, 1.1])");
    raw("let M = tensor([[0.3, 0.1], [-0.2, 0.4]])");
    check("v => A @ v", "v");
    check("v => v @ A.T", "v");
    check("(v, M) => M @ (A @ v) * 2 - (A @ v) / 3", "v", "M");
    check("(M) => M @ M.T + M[0, 1] * M", "M");
    check("(x, y) => tensor([x * y, sin(x), y ^ 3, 2.0])", "0.4", "-1.3");
    check("(x, y) => [x * y, x + y]", "0.4", "-1.3");
    check("(x) => SE2.exp(tensor([x, 2 * x, x * x])).act([1, 0])", "0.7");
    check("(x) => SE2.exp([x, 2 * x, x * x]).log()", "0.7");
    check("(x, X) => X.act([x, 1, -x])", "0.3", "SE3.random(seed: 3)");
    check("(v) => { var s = 0\n for i in 0..len(v) { if v[i] > 0 { s = s + v[i] } else { s = s - 2 * v[i] } }\n s }", "v");
    check("(v) => max(v[0], v[1], v[2]) + min([v[0], v[1]])", "v");
  }

  @Test
  void coefficientAccessorsAndRotations() {
    check("X => X.x + X.y * X.angle()", "SE2(1, 2, 0.5)");
    check("X => X.translation() + X.rotation() @ [1, 2, 3]", "SE3.random(seed: 5)");
    check("X => X.quat()", "SE3.random(seed: 5)");
    check("X => X.z + X.w", "SO3.random(seed: 2)");
    check("X => X.velocity() * X.vz + X.so3().log()", "SE_2_3.random(seed: 2)");
    check("X => X.time * X.velocity() + X.translation()", "SGal3.random(seed: 2)");
    check("X => X[1].act([1, 2]) + X.element(0).act([0, 1])", "bundle(SE2, R(2)).random(seed: 4)");
    check("X => X.so2().log() * X.x", "SE2(1, 2, 0.5)");
    check("(t) => SE2.tangent([t[0], t[1] * 2, 0.1]).exp()", "tensor([0.3, 0.4])");
    check("(t) => SE2.Tangent(tensor([t[0], t[1], t[0] * t[1]])).exp()", "tensor([0.3, 0.4])");
  }

  @Test
  void planarConstructorsAndVectors() {
    check("(x, y, t) => SE2(x, y, t).act([1, 2])", "0.3", "-0.2", "0.7");
    check("(p) => SE2(p[0], 1, p[1] * 2) * SE2(0.1, 0.2, 0.3)", "tensor([0.4, -0.6])");
    check("(t) => SO2(t).act([1, 0]) * SO2(2 * t).log()[0]", "0.8");
    check("(v) => R(3)(v).compose(R(3)(v[0], 2, v[2] * v[1])).coeffs()", "tensor([0.5, 1.5, -2.0])");
  }

  @Test
  void diffIsExactAgainstTheClosedForms() {
    // the Jacobians of one operation are the operation's own: no finite differences anywhere
    raw("let X = SE3.random(seed: 1)");
    raw("let Y = SE3.random(seed: 2)");
    raw("let (Z, J1, J2) = diff((A, B) => A * B, X, Y)");
    raw("let (Z2, K1, K2) = X.compose(Y, jac: true)");
    assertTrue((Boolean) raw("allclose(J1, K1, rtol: 0, atol: 1e-15) and allclose(J2, K2, rtol: 0, atol: 1e-15) and Z == Z2"));
    raw("let (r, R1, R2) = diff((A, B) => A - B, Y, X)");
    raw("let (r2, Q1, Q2) = Y.rminus(X, jac: true)");
    assertTrue((Boolean) raw("allclose(R1, Q1, rtol: 0, atol: 1e-15) and allclose(R2, Q2, rtol: 0, atol: 1e-15)"));
  }

  @Test
  void shapesFollowTheResultAndTheArguments() {
    raw("let (v, J1, J2, J3) = diff((X, p, a) => X.act(p) * a, SE3.random(seed: 1), [1, 2, 3], 2)");
    assertEquals("(3, 6)", show("J1.shape").replace("(", "(").substring(0, 6));
    assertEquals("(3, 3)", show("J2.shape"));
    assertEquals("(3, 1)", show("J3.shape"));
    raw("let (n, K) = diff(X => X.log().norm(), SO3.random(seed: 1))");
    assertEquals("(1, 3)", show("K.shape"));
    raw("let (c, Z) = diff(X => 5, SO3.random(seed: 1))");
    assertEquals("tensor([[0, 0, 0]])", show("Z"));
  }

  @Test
  void typesAndAnnotationsSeeTheGroups() {
    raw("fn f(X: SE3, u: SE3.Tangent) { assert(type(X) == SE3)\n X + u }");
    raw("let (Z, J1, J2) = diff(f, SE3.random(seed: 1), SE3.tangent([1, 2, 3, 0.1, 0.2, 0.3]))");
    assertTrue((Boolean) raw("allclose(J2, SE3.tangent([1, 2, 3, 0.1, 0.2, 0.3]).rjac())"));
  }

  @Test
  void worksInFunctionsCalledManyTimes() {
    // the bytecode tier compiles functions after their second call: diff must give the same
    raw("fn jac_of(X) { let (v, J) = diff(A => A.inv().act([1, 2, 3]), X)\n J }");
    raw("fn loop() { var acc = zeros(3, 6)\n for i in 0..50 { acc = acc + jac_of(SE3.random(seed: i)) }\n acc }");
    Object first = raw("loop()");
    for (int i = 0; i < 5; i++) raw("loop()");
    Object later = raw("loop()");
    assertArrayEquals(((Tensor) first).toDoubleArray(), ((Tensor) later).toDoubleArray(), 0);
    raw("fn g(X, n) { var Y = X\n for i in 0..n { Y = Y * X }\n Y.log() }");
    for (int i = 0; i < 30; i++) raw("diff(X => g(X, 3), SO3.random(seed: " + i + "))");
    check("X => g(X, 3)", "SO3.random(seed: 99)");
  }

  // ------------------------------------------------------------------ what cannot be differentiated

  @Test
  void nonDifferentiableOperationsFailLoudly() {
    raw("let X = SE3.random(seed: 1)");
    assertError("diff(x => int(x), 1.5)", "diff: int() is not differentiable");
    assertError("diff(x => floor(x), 1.5)", "diff: floor() is not differentiable");
    assertError("diff(x => x % 2, 1.5)", "diff: the operator % is not differentiable");
    assertError("diff(x => atan2(x, 1), 1.5)", "diff: atan2() is not differentiable");
    assertError("diff(x => num(x), 1.5)", "diff: num() is not differentiable");
    assertError("diff(X => X.rpy(), X)", "diff: rpy() is not differentiable");
    assertError("diff(X => average([X, X]), X)", "diff: average() is not differentiable");
    assertError("diff(X => X.compose(X, jac: true), X)", "diff: compose(jac: true) is not differentiable");
    assertError("diff(t => t.rjac(), SE3.tangent())", "diff: rjac() is not differentiable");
    assertError("diff(s => interpolate(X, X, s, method: \"cubic\"), 0.5)", "diff: interpolate() is not differentiable with respect to 's'");
    assertError("diff(x => SE3(x, 0, 0, 0, 0, 0), 0.5)", "diff: SE3() is not differentiable");
    assertError("diff(x => transpose(tensor([[x, 1]])), 0.5)", "diff: transpose() is not differentiable");
    assertError("diff(x => mean(tensor([x, 1])), 0.5)", "diff: mean() is not differentiable");
    assertError("diff(x => abs(x), 0)", "diff: abs() at 0 is not differentiable");
    assertError("diff(t => t.norm(), SE3.tangent())", "diff: norm() at 0 is not differentiable");
    assertError("diff(t => norm(t * 2), SE3.tangent())", "diff: norm() at 0 is not differentiable");
    assertError("diff(x => diff(y => x * y, x), 0.5)", "already tracked by an enclosing diff()");
    assertError("diff(x => tensor([x, 1]) + tensor([[1, 2]]), 0.5)", "do not match");
    assertError("diff(x => \"a\", 1)", "f must return a group element, a tangent, a number or a vector");
    assertError("diff(x => x, \"a\")", "argument 1 must be a group element, a tangent, a number or a vector");
    assertError("diff(X => X.act([1, 2]), X)", "must have 3 numbers");
  }

  @Test
  void undefinedDerivativesFailOnlyWhenTheResultDependsOnThem() {
    // a guard on the norm of a zero tangent is fine; returning that norm is not
    raw("let (v, J) = diff(x => { let z = SE3.tangent() * x\n if z.norm() < 1e-9 { x * 2 } else { x } }, 1.5)");
    assertEquals(2.0, num("J[0, 0]"));
    assertError("diff(x => (SE3.tangent() * x).norm() + x, 1.5)", "diff: norm() at 0 is not differentiable");
    assertError("diff(x => sqrt(x) * 2, 0)", "diff: sqrt() at 0 (an infinite derivative) is not differentiable");
    assertError("diff(x => x ^ x, -1)", "diff: x ^ y with respect to y at x = -1 is not differentiable");
  }

  @Test
  void comparisonsUseTheValues() {
    raw("let (v, J) = diff(x => if x > 1 { x * x } else { -x }, 2)");
    assertEquals(4.0, num("v"));
    assertEquals(4.0, num("J[0, 0]"));
    raw("let (w, K) = diff(x => if x == 0.5 and x != 1 { 3 * x } else { x }, 0.5)");
    assertEquals(3.0, num("K[0, 0]"));
  }
}
