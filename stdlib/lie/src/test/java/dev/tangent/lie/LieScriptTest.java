package dev.tangent.lie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.lie.kernel.SE3;
import dev.tangent.lie.kernel.SO3;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lie module from Tangent code: constructors, printing, json, types, operators, members. */
class LieScriptTest extends ScriptTestBase {
  // ------------------------------------------------------------------ printing, json, type()

  @Test
  void elementsPrintReadably() {
    assertEquals("SE3(t: [1, 2, 3], q: [0, 0, 0, 1])", show("SE3(t: [1, 2, 3], q: [0, 0, 0, 1])"));
    assertEquals("SE2(x: 1, y: 2, θ: 0.5)", show("SE2(1, 2, 0.5)"));
    assertEquals("SO2(θ: 0.25)", show("SO2(0.25)"));
    assertEquals("SO3(q: [0, 0, 0, 1])", show("SO3.identity()"));
    assertEquals("R3([1, 2, 3])", show("R(3)(1, 2, 3)"));
    assertEquals("SE_2_3(t: [1, 2, 3], q: [0, 0, 0, 1], v: [4, 5, 6])", show("SE_2_3(t: [1, 2, 3], v: [4, 5, 6])"));
    assertEquals("SGal3(t: [0, 0, 0], q: [0, 0, 0, 1], v: [0, 0, 0], s: 2)", show("SGal3(s: 2)"));
    assertEquals("Bundle(SE2(x: 1, y: 0, θ: 0), R2([3, 4]))", show("bundle(SE2, R(2))(SE2(1, 0, 0), R(2)(3, 4))"));
    assertEquals("SE3.Tangent([1, 2, 3, 0, 0, 0.5])", show("SE3.tangent([1, 2, 3, 0, 0, 0.5])"));
  }

  @Test
  void printedElementsReadBack() {
    raw("let X = SE3.random(seed: 4)");
    raw("let s = \"${X}\"");
    // the printed form is valid code for the same element (12 significant digits)
    String printed = (String) t.eval("s");
    assertTrue((Boolean) t.eval(printed + ".is_approx(X, 1e-9)"), printed);
  }

  @Test
  void jsonOfAnElementIsItsGroupAndMatrix() {
    assertEquals("{\"group\": \"SE3\", \"matrix\": [[1, 0, 0, 1], [0, 1, 0, 2], [0, 0, 1, 3], [0, 0, 0, 1]]}",
        t.eval("json(SE3(t: [1, 2, 3]))"));
    assertEquals("{\"group\": \"SO2\", \"tangent\": [0.5]}", t.eval("json(SO2.tangent([0.5]))"));
  }

  @Test
  void typesAreTheGroupsAndTheirTangentTypes() {
    assertEquals("SE3", show("type(SE3.identity())"));
    assertTrue((Boolean) t.eval("type(SE3.identity()) == SE3"));
    assertFalse((Boolean) t.eval("type(SO3.identity()) == SE3"));
    assertEquals("SE3.Tangent", show("type(SE3.identity().log())"));
    assertTrue((Boolean) t.eval("type(R(3).identity()) == R(3)"));
    assertTrue((Boolean) t.eval("bundle(SE2, R(2)) == bundle(SE2, R(2))"));
    raw("fn step(X: SE3, u: SE3.Tangent) = X + u");
    assertEquals("SE3(t: [1, 0, 0], q: [0, 0, 0, 1])", show("step(SE3.identity(), SE3.tangent([1, 0, 0, 0, 0, 0]))"));
    assertError("step(SE3.identity(), SO3.tangent([1, 0, 0]))", "argument 'u' must be SE3.Tangent, got SO3.Tangent");
    assertError("step(SO3.identity(), SE3.tangent())", "argument 'X' must be SE3, got SO3");
  }

  @Test
  void oneCallSiteServesElementsOfEveryGroupWithTheirOwnMembers() {
    // Compiled functions (the bytecode tier, from the second call on) whose call sites remember
    // members: each group's elements still get their own descriptor's members, and the type's.
    raw("fn px(X) = X.x");
    raw("fn ang(X) = X.angle()");
    raw("fn back(X) = X.inv().inv().log().coeffs()");
    for (int i = 0; i < 4; i++) {
      assertEquals(1.0, num("px(SE2(1, 2, 0.5))"), 0);
      assertEquals(3.0, num("px(SE3(t: [3, 4, 5]))"), 0);
      assertEquals(0.0, num("px(SO3.identity())"), 0);   // SO3 has an x of its own: the quaternion's
      assertError("px(SO2(0.25))", "has no member 'x'");
      assertEquals(0.5, num("ang(SE2(1, 2, 0.5))"), 1e-15);
      assertEquals(0.25, num("ang(SO2(0.25))"), 1e-15);
      assertError("ang(SE3.identity())", "has no member 'angle'");
      assertEquals(0, num("norm(back(SE2.exp([1, 2, 0.5])) - tensor([1, 2, 0.5]))"), 1e-14);
      assertEquals(0.25, num("back(SO2(0.25))[0]"), 1e-15);
      assertEquals(0, num("norm(back(SO3.exp([0.1, 0.2, 0.3])) - tensor([0.1, 0.2, 0.3]))"), 1e-14);
    }
  }

  // ------------------------------------------------------------------ constructors

  @Test
  void constructorsAgreeWithTheKernels() {
    double[] c = vec("SE3(t: [1, 2, 3], q: [0, 0, 0.6, 0.8]).coeffs()");
    assertEquals(List.of(1.0, 2.0, 3.0, 0.0, 0.0, 0.6, 0.8).toString(), java.util.Arrays.toString(box(c)));
    close(c, vec("SE3(t: [1, 2, 3], R: [[0.28, -0.96, 0], [0.96, 0.28, 0], [0, 0, 1]]).coeffs()"), 1e-12);
    close(vec("SE3(1, 2, 3, 0.1, 0.2, 0.3).coeffs()"), vec("SE3(t: [1, 2, 3], rpy: [0.1, 0.2, 0.3]).coeffs()"), 0);
    close(vec("SE2(1, 2, 0.5).coeffs()"), new double[] {1, 2, Math.cos(0.5), Math.sin(0.5)}, 0);
    close(vec("SE2(x: 1, y: 2, theta: 0.5).coeffs()"), vec("SE2(1, 2, 0.5).coeffs()"), 0);
  }

  static Double[] box(double[] v) {
    Double[] b = new Double[v.length];
    for (int i = 0; i < v.length; i++) b[i] = v[i];
    return b;
  }

  /** manif's SO3(roll, pitch, yaw) applies Rz(yaw) Ry(pitch) Rx(roll). */
  @Test
  void rollPitchYawIsRzRyRx() {
    double r = 0.1;
    double p = -0.4;
    double y = 1.2;
    double[][] rx = {{1, 0, 0}, {0, Math.cos(r), -Math.sin(r)}, {0, Math.sin(r), Math.cos(r)}};
    double[][] ry = {{Math.cos(p), 0, Math.sin(p)}, {0, 1, 0}, {-Math.sin(p), 0, Math.cos(p)}};
    double[][] rz = {{Math.cos(y), -Math.sin(y), 0}, {Math.sin(y), Math.cos(y), 0}, {0, 0, 1}};
    double[][] expected = mul(rz, mul(ry, rx));
    close(expected, mat("SO3.from_rpy(0.1, -0.4, 1.2).rotation()"), 1e-14);
    close(expected, mat("SO3(0.1, -0.4, 1.2).rotation()"), 1e-14);
    close(new double[] {r, p, y}, vec("SO3(0.1, -0.4, 1.2).rpy()"), 1e-14);
  }

  static double[][] mul(double[][] a, double[][] b) {
    double[][] c = new double[3][3];
    for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) c[i][j] += a[i][k] * b[k][j];
    return c;
  }

  @Test
  void axisAngleIsExpOfTheScaledAxis() {
    close(vec("SO3.exp([0, 0.6, 0.8]).coeffs()"), vec("SO3.from_axis_angle([0, 3, 4], 1).coeffs()"), 1e-15);
  }

  @Test
  void quaternionsAreChecked() {
    assertError("SO3(q: [0, 0, 1, 1])", "SO3(): q must be a unit quaternion, but |q| = 1.41421356237",
        "pass normalize: true");
    close(new double[] {0, 0, Math.sqrt(0.5), Math.sqrt(0.5)}, vec("SO3(q: [0, 0, 1, 1], normalize: true).coeffs()"), 1e-15);
    assertError("SO3(q: [0, 0, 0, 0], normalize: true)", "zero quaternion");
    assertError("SE3(t: [1, 2])", "SE3(): t must have 3 numbers, got 2");
    assertError("SE3(t: [0, 0, 0], q: [0, 0, 0, 1], rpy: [0, 0, 0])", "give the rotation once");
  }

  // ------------------------------------------------------------------ operators and methods

  @Test
  void operatorsFollowManif() {
    raw("let X = SE3.random(seed: 1)");
    raw("let Y = SE3.random(seed: 2)");
    raw("let u = SE3.random_tangent(seed: 3)");
    raw("let w = SE3.random_tangent(seed: 4)");
    close(vec("(X * Y).coeffs()"), vec("X.compose(Y).coeffs()"), 0);
    close(vec("(X + u).coeffs()"), vec("X.rplus(u).coeffs()"), 0);
    assertTrue((Boolean) t.eval("(X + u).is_approx(X * u.exp(), 1e-14)"));
    close(vec("(u + X).coeffs()"), vec("X.lplus(u).coeffs()"), 0);
    assertTrue((Boolean) t.eval("(u + X).is_approx(u.exp() * X, 1e-14)"));
    assertTrue((Boolean) t.eval("(Y - X) == Y.rminus(X)"));
    close(vec("(Y - X).coeffs()"), vec("(X.inv() * Y).log().coeffs()"), 1e-14);
    close(vec("Y.lminus(X).coeffs()"), vec("(Y * X.inv()).log().coeffs()"), 1e-14);
    assertTrue((Boolean) t.eval("X.between(Y).is_approx(X.inv() * Y, 1e-14)"));
    assertTrue((Boolean) t.eval("X + (Y - X) == Y"));
    // R^dof arithmetic on tangents
    close(vec("(2 * u).coeffs()"), scale(vec("u.coeffs()"), 2), 0);
    close(vec("(u * 2).coeffs()"), scale(vec("u.coeffs()"), 2), 0);
    close(vec("(u / 2).coeffs()"), scale(vec("u.coeffs()"), 0.5), 0);
    close(vec("(-u).coeffs()"), scale(vec("u.coeffs()"), -1), 0);
    close(vec("(u + w - w).coeffs()"), vec("u.coeffs()"), 1e-15);
    close(vec("(u + [1, 0, 0, 0, 0, 0] - tensor([1, 0, 0, 0, 0, 0])).coeffs()"), vec("u.coeffs()"), 1e-15);
    assertEquals("SE3.Tangent([0, 1, 0, 0, 0, 0])", show("[1, 1, 0, 0, 0, 0] - SE3.tangent([1, 0, 0, 0, 0, 0])"));
    assertEquals(6.0, num("len(u)"));
    assertEquals(vec("u.coeffs()")[4], num("u[4]"));
    assertEquals(vec("u.coeffs()")[5], num("u[-1]"));
    assertEquals(num("u[0] + u[1] + u[2] + u[3] + u[4] + u[5]"), num("var s = 0\nfor x in u { s = s + x }\ns"), 1e-15);
    close(vec("(eye(6) * 2) @ u"), scale(vec("u.coeffs()"), 2), 0);
    assertEquals(num("u.norm()"), num("norm(u)"));
    assertTrue((Boolean) t.eval("X.inv() * X == SE3.identity()"));
  }

  static double[] scale(double[] v, double s) {
    double[] o = v.clone();
    for (int i = 0; i < o.length; i++) o[i] *= s;
    return o;
  }

  @Test
  void methodsMatchTheKernels() {
    raw("let X = SE3(t: [1, -2, 0.5], q: [0.1, 0.2, 0.3, 0.927361849549570])");
    double[] x = vec("X.coeffs()");
    double[] out = new double[3];
    SE3.G.act(x, 0, new double[] {0.3, 0.4, 0.5}, 0, out, 0, null, 0, null, 0);
    close(out, vec("X.act([0.3, 0.4, 0.5])"), 1e-15);
    double[] ad = new double[36];
    SE3.G.adj(x, 0, ad, 0);
    close(ad, flat(mat("X.adj()")), 0);
    double[] m = new double[16];
    SE3.G.matrix(x, 0, m, 0);
    close(m, flat(mat("X.matrix()")), 0);
    close(new double[] {1, -2, 0.5}, vec("X.translation()"), 0);
    double[] r = new double[9];
    SO3.G.matrix(new double[] {x[3], x[4], x[5], x[6]}, 0, r, 0);
    close(r, flat(mat("X.rotation()")), 0);
    close(new double[] {x[3], x[4], x[5], x[6]}, vec("X.quat()"), 0);
    assertEquals(-2.0, num("X.y"));
    assertEquals("SO3", show("type(X.so3())"));
    assertTrue((Boolean) t.eval("X.normalize() == X"));
    assertEquals(0.5, num("SE2(1, 2, 0.5).angle()"), 1e-15);
    assertEquals(3.0, num("SE_2_3(v: [1, 2, 3]).vz"));
    assertEquals(2.5, num("SGal3(s: 2.5).time"));
    close(new double[] {1, 2, 3}, vec("SGal3(v: [1, 2, 3]).velocity()"), 0);
    assertEquals("R2([3, 4])", show("bundle(SE2, R(2))(SE2(1, 0, 0), R(2)(3, 4))[1]"));
  }

  @Test
  void tangentMethods() {
    raw("let u = SE3.tangent([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])");
    double[] tau = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
    double[] j = new double[36];
    SE3.G.rjac(tau, 0, j, 0);
    close(j, flat(mat("u.rjac()")), 0);
    SE3.G.ljacinv(tau, 0, j, 0);
    close(j, flat(mat("u.ljacinv()")), 0);
    SE3.G.smallAdj(tau, 0, j, 0);
    close(j, flat(mat("u.small_adj()")), 0);
    double[] h = new double[16];
    SE3.G.hat(tau, 0, h, 0);
    close(h, flat(mat("u.hat()")), 0);
    close(tau, vec("vee(u.hat()).coeffs()"), 0);
    close(tau, vec("SE3.vee(u.hat()).coeffs()"), 0);
    // manif's weights for SE(3): diag(1, 1, 1, 2, 2, 2)
    close(new double[] {1, 0, 0, 0, 0, 0}, vec("SE3.inner_weights()[0]"), 0);
    close(new double[] {0, 0, 0, 2, 0, 0}, vec("SE3.inner_weights()[3]"), 0);
    assertEquals(0.01 + 0.04 + 0.09 + 2 * (0.16 + 0.25 + 0.36), num("u.inner(u)"), 1e-15);
    assertEquals(Math.sqrt(0.01 + 0.04 + 0.09 + 2 * (0.16 + 0.25 + 0.36)), num("u.weighted_norm()"), 1e-15);
    assertEquals(Math.sqrt(0.01 + 0.04 + 0.09 + 0.16 + 0.25 + 0.36), num("u.weighted_norm(eye(6))"), 1e-15);
    // hat(t) = sum t_i E_i through the group's generators
    close(h, flat(mat("var M = zeros(4, 4)\nfor i in 0..6 { M = M + u[i] * SE3.generator(i) }\nM")), 1e-16);
    // brackets: [a, b]^ = a^ b^ - b^ a^
    raw("let w = SE3.tangent([-0.3, 0.2, 0.1, 0.5, -0.4, 0.2])");
    close(flat(mat("u.hat() @ w.hat() - w.hat() @ u.hat()")), flat(mat("u.bracket(w).hat()")), 1e-15);
  }

  @Test
  void groupMembers() {
    assertEquals(6.0, num("SE3.dof"));
    assertEquals(3.0, num("SE3.dim"));
    assertEquals(10.0, num("SGal3.dof"));
    assertEquals(5.0, num("bundle(SE2, R(2)).dof"));
    assertTrue((Boolean) t.eval("SE3.random(seed: 5) == SE3.random(seed: 5)"));
    assertFalse((Boolean) t.eval("SE3.random(seed: 5) == SE3.random(seed: 6)"));
    assertEquals("SE3.Tangent([0, 0, 0, 0, 0, 0])", show("SE3.tangent()"));
    assertEquals("SE3.Tangent([1, 2, 3, 4, 5, 6])", show("SE3.Tangent([1, 2, 3, 4, 5, 6])"));
    assertEquals("SE2.Tangent([1, 2, 3])", show("vee([[0, -3, 1], [3, 0, 2], [0, 0, 0]])"));
    assertEquals("SO3.Tangent([1, 2, 3])", show("vee([[0, -3, 2], [3, 0, -1], [-2, 1, 0]])"));
    assertTrue(show("help(SE3)").equals("nil"));
    String help = out.toString();
    out.getBuffer().setLength(0);
    assertTrue(help.contains("SE(3), 3D poses"), help);
  }

  @Test
  void moduleFunctions() {
    raw("let A = SE2(0, 0, 0)");
    raw("let B = SE2(1, 1, 1)");
    assertTrue((Boolean) t.eval("interpolate(A, B, 0) == A and interpolate(A, B, 1) == B"));
    assertTrue((Boolean) t.eval("interpolate(A, B, 0.5) == A + 0.5 * (B - A)"));
    for (String m : new String[] {"slerp", "cubic", "cnsmooth"}) {
      assertTrue((Boolean) t.eval("interpolate(A, B, 1, method: \"" + m + "\") == B"), m);
    }
    assertTrue((Boolean) t.eval("bezier([A, B], 0.25) == interpolate(A, B, 0.25)"));
    assertEquals(5.0, num("len(decasteljau([A, SE2(1, 0, 0.5), B], 5))"));
    assertEquals(0.2170972625, num("average([SE2(-0.70710678118654752, 0.70710678118654752, 0.78539816339744831), "
        + "SE2(1.4142135623730951, 0, 0), SE2(-0.70710678118654752, -0.70710678118654752, -0.78539816339744831)], "
        + "max_iter: 3).x"), 1e-10);
    assertEquals(Math.PI / 2, num("average([SO2(pi / 4), SO2(3 * pi / 8), SO2(5 * pi / 8), SO2(3 * pi / 4)]).angle()"), 1e-12);
    // covariances: J P J^T, and Ad moves them between tangent spaces
    close(new double[] {5}, flat(mat("propagate(eye(2), tensor([[1, 2]]))")), 0);
    raw("let X = SE3.random(seed: 8)");
    raw("let P = diag(tensor([1, 2, 3, 4, 5, 6])) * 0.01");
    close(flat(mat("P")), flat(mat("to_local(to_global(P, X), X)")), 1e-15);
    close(flat(mat("X.adj() @ P @ transpose(X.adj())")), flat(mat("to_global(P, X)")), 1e-15);
  }

  // ------------------------------------------------------------------ misuse

  @Test
  void mistakesGiveClearErrors() {
    assertError("SE3.identity() * SO3.identity()", "cannot compose SE3 with SO3: both must belong to the same group");
    assertError("SE3.identity().compose(SO3.identity())", "compose(): argument 'other' must be an SE3 element, got an SO3 element");
    assertError("SE3.exp([1, 2, 3])", "SE3.exp(): argument 'vec' must have 6 numbers (SE3 has 6 degrees of freedom), got 3");
    assertError("SE3.exp(SO3.tangent([1, 2, 3]))", "must be an SE3.Tangent, got an SO3.Tangent");
    assertError("SE3.identity() + SO3.tangent([1, 2, 3])", "must be an SE3.Tangent, got an SO3.Tangent");
    assertError("SE3.identity() + [1, 2]", "must have 6 numbers (SE3 has 6 degrees of freedom), got 2");
    assertError("SE3.identity().act([1, 2])", "act(): argument 'p' must have 3 numbers (SE3 acts on 3-vectors), got 2");
    assertError("SE3.identity() - SE3.tangent()", "cannot subtract a tangent from an SE3 element");
    assertError("SE3.identity() + SE3.identity()", "cannot add two SE3 elements");
    assertError("SE3.identity() - SO3.identity()", "cannot subtract SE3 with SO3");
    assertError("SE3.tangent() + SO3.tangent()", "must be an SE3.Tangent, got an SO3.Tangent");
    assertError("SO3.identity().translation()", "SO3 has no member 'translation'");
    assertError("interpolate(SE2(), SE2(1, 1, 1), 1.5)", "interpolate(): s must be in [0, 1], got 1.5");
    assertError("interpolate(SE2(), SE2(1, 1, 1), 0.5, method: \"spline\")", "unknown method \"spline\"");
    assertError("interpolate(SE2(), SE3.identity(), 0.5)", "interpolate(): Y must be an SE2 element, got an SE3 element");
    assertError("average([])", "average() needs at least 1 elements");
    assertError("average([SE2(), SO2(1)])", "item 1 is an SO2 element but item 0 is an SE2 element");
    assertError("average([SE2()], method: \"median\")", "unknown method \"median\"");
    assertError("SO3.tangent([1, 2, 3]).rjac(jac: true)", "jac: true is not available");
    assertError("R(0)", "R(n) needs n >= 1");
    assertError("bundle(SE2, 3)", "bundle() needs groups such as SE3 or R(3), got a Number");
    assertError("bundle(SE2, R(2))(SE2(), SO2(1))", "part 1 must be an R2 element, got an SO2 element");
    assertError("vee(zeros(6, 6))", "cannot tell the group of a 6x6 matrix");
    assertError("SE3.vee(eye(4))", "not in the Lie algebra of SE3: entry (0, 0) should be 0, got 1");
    assertError("SE3.identity()[0]", "SE3 elements cannot be indexed");
    assertError("SE3.tangent()[6]", "index 6 out of range");
    assertError("SE3.generator(6)", "index 6 out of range");
  }
}
