package dev.tangent.lie.kernel;

import static dev.tangent.lie.kernel.Fd.assertClose;
import static dev.tangent.lie.kernel.RefMath.eye;
import static dev.tangent.lie.kernel.RefMath.mul;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.lie.kernel.LieCases.Case;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one generic suite: every property below runs for every group and data set of
 * {@link LieCases} (identity, near identity, random, near and at theta = pi, w &lt; 0).
 */
class GenericGroupSuiteTest {
  static final double TOL = 1e-9;

  static List<Case> cases() {
    return LieCases.all();
  }

  // ------------------------------------------------------------------ helpers

  static double[] compose(LieGroup g, double[] a, double[] b) {
    double[] o = new double[g.rep];
    g.compose(a, 0, b, 0, o, 0, null, 0, null, 0);
    return o;
  }

  static double[] inverse(LieGroup g, double[] a) {
    double[] o = new double[g.rep];
    g.inverse(a, 0, o, 0, null, 0);
    return o;
  }

  static double[] exp(LieGroup g, double[] t) {
    double[] o = new double[g.rep];
    g.exp(t, 0, o, 0, null, 0);
    return o;
  }

  static double[] log(LieGroup g, double[] x) {
    double[] o = new double[g.dof];
    g.log(x, 0, o, 0, null, 0);
    return o;
  }

  static double[] identity(LieGroup g) {
    double[] o = new double[g.rep];
    g.identity(o, 0);
    return o;
  }

  static double[] matrix(LieGroup g, double[] x) {
    double[] m = new double[g.mat * g.mat];
    g.matrix(x, 0, m, 0);
    return m;
  }

  static double[] hat(LieGroup g, double[] t) {
    double[] m = new double[g.mat * g.mat];
    g.hat(t, 0, m, 0);
    return m;
  }

  static double[] vee(LieGroup g, double[] m) {
    double[] t = new double[g.dof];
    g.vee(m, 0, t, 0);
    return t;
  }

  static double[] adj(LieGroup g, double[] x) {
    double[] m = new double[g.dof * g.dof];
    g.adj(x, 0, m, 0);
    return m;
  }

  interface TangentMatrix {
    void apply(double[] tau, int to, double[] j, int jo);
  }

  static double[] tm(LieGroup g, TangentMatrix f, double[] tau) {
    double[] m = new double[g.dof * g.dof];
    f.apply(tau, 0, m, 0);
    return m;
  }

  static void assertSame(LieGroup g, String what, double[] expected, double[] actual) {
    double[] d = new double[g.dof];
    g.rminus(actual, 0, expected, 0, d, 0, null, 0, null, 0);
    assertClose(what, new double[g.dof], d, TOL);
  }

  static double[] neg(double[] v) {
    return RefMath.scaled(v, -1);
  }

  // ------------------------------------------------------------------ exp, log, axioms

  @ParameterizedTest(name = "{0}") @MethodSource("cases")
  void expLogRoundTrips(Case c) {
    LieGroup g = c.g();
    assertSame(g, "Exp(Log(X))", c.x(), exp(g, log(g, c.x())));
    if (!c.atPi()) assertClose("Log(Exp(tau))", c.tau(), log(g, exp(g, c.tau())), TOL);
    assertClose("Log(E)", new double[g.dof], log(g, identity(g)), 0);
    assertSame(g, "Exp(0)", identity(g), exp(g, new double[g.dof]));
  }

  @ParameterizedTest(name = "{0}") @MethodSource("cases")
  void groupAxioms(Case c) {
    LieGroup g = c.g();
    double[] x = c.x();
    double[] e = identity(g);
    assertSame(g, "X X^-1", e, compose(g, x, inverse(g, x)));
    assertSame(g, "X^-1 X", e, compose(g, inverse(g, x), x));
    assertSame(g, "X E", x, compose(g, x, e));
    assertSame(g, "E X", x, compose(g, e, x));
    assertSame(g, "(XY)Z = X(YZ)", compose(g, compose(g, x, c.y()), exp(g, c.sigma())),
        compose(g, x, compose(g, c.y(), exp(g, c.sigma()))));
    double[] b = new double[g.rep];
    g.between(x, 0, x, 0, b, 0, null, 0, null, 0);
    assertSame(g, "X.between(X)", e, b);
    double[] p = new double[g.rep];
    g.rplus(x, 0, new double[g.dof], 0, p, 0, null, 0, null, 0);
    assertSame(g, "X (+) 0", x, p);
    double[] d = new double[g.dof];
    g.rminus(x, 0, x, 0, d, 0, null, 0, null, 0);
    assertClose("X (-) X", new double[g.dof], d, TOL);
    assertTrue(g.isApprox(x, 0, x, 0, 1e-12), "isApprox(X, X)");
    assertTrue(!g.isApprox(x, 0, compose(g, x, exp(g, onesTangent(g, 0.1))), 0, 1e-3), "not isApprox");
  }

  static double[] onesTangent(LieGroup g, double v) {
    double[] t = new double[g.dof];
    java.util.Arrays.fill(t, v);
    return t;
  }

  @ParameterizedTest(name = "{0}") @MethodSource("cases")
  void aliasedOutputsGiveTheSameResults(Case c) {
    LieGroup g = c.g();
    double[] expected = compose(g, c.x(), c.y());
    double[] a = c.x().clone();
    g.compose(a, 0, c.y(), 0, a, 0, null, 0, null, 0);
    assertClose("compose into its first argument", expected, a, 0);
    double[] b = c.y().clone();
    g.compose(c.x(), 0, b, 0, b, 0, null, 0, null, 0);
    assertClose("compose into its second argument", expected, b, 0);
    double[] inv = c.x().clone();
    g.inverse(inv, 0, inv, 0, null, 0);
    assertClose("inverse in place", inverse(g, c.x()), inv, 0);
    double[] batch = new double[3 * g.rep];
    System.arraycopy(c.x(), 0, batch, g.rep, g.rep);
    System.arraycopy(c.y(), 0, batch, 2 * g.rep, g.rep);
    g.compose(batch, g.rep, batch, 2 * g.rep, batch, 0, null, 0, null, 0);
    assertClose("compose at offsets", expected, java.util.Arrays.copyOf(batch, g.rep), 0);
  }

  // ------------------------------------------------------------------ algebra

  @ParameterizedTest(name = "{0}") @MethodSource("cases")
  void hatVeeAndGenerators(Case c) {
    LieGroup g = c.g();
    double[] t = c.tau();
    double[] h = hat(g, t);
    assertClose("vee(hat(tau))", t, vee(g, h), 0);
    double[] sum = new double[g.mat * g.mat];
    double[] e = new double[g.mat * g.mat];
    for (int i = 0; i < g.dof; i++) {
      g.generator(i, e, 0);
      for (int k = 0; k < sum.length; k++) sum[k] += t[i] * e[k];
    }
    assertClose("hat = sum tau_i E_i", h, sum, 1e-15);
  }

  @ParameterizedTest(name = "{0}") @MethodSource("cases")
  void matrixFormIsAHomomorphismAndExpIsExpm(Case c) {
    LieGroup g = c.g();
    int n = g.mat;
    assertClose("M(XY) = M(X) M(Y)", mul(matrix(g, c.x()), matrix(g, c.y()), n), matrix(g, compose(g, c.x(), c.y())), TOL);
    assertClose("M(X^-1) = M(X)^-1", RefMath.inv(matrix(g, c.x()), n), matrix(g, inverse(g, c.x())), 1e-8);
    assertClose("M(Exp(tau)) = expm(hat(tau))", RefMath.expm(hat(g, c.tau()), n), matrix(g, exp(g, c.tau())), 1e-9);
    double[] back = new double[g.rep];
    g.fromMatrix(matrix(g, c.x()), 0, back, 0);
    assertSame(g, "fromMatrix(matrix(X))", c.x(), back);
  }

  @ParameterizedTest(name = "{0}") @MethodSource("cases")
  void actionMatchesTheMatrixForm(Case c) {
    LieGroup g = c.g();
    double[] h = homogeneous(g, c.p());
    double[] mp = RefMath.mulVec(matrix(g, c.x()), h, g.mat, g.mat);
    double[] out = new double[g.dim];
    g.act(c.x(), 0, c.p(), 0, out, 0, null, 0, null, 0);
    assertClose("X.p = M(X) [p; pad]", project(g, mp), out, TOL);
  }

  /** The point in the homogeneous coordinates of the matrix form, where the group's descriptor puts it. */
  static double[] homogeneous(LieGroup g, double[] p) {
    double[] h = new double[g.mat];
    int[] rows = LieCases.descriptor(g).pointRows();
    for (int i = 0; i < g.dim; i++) h[rows[i]] = p[i];
    for (int r : LieCases.descriptor(g).unitRows()) h[r] = 1;
    return h;
  }

  static double[] project(LieGroup g, double[] h) {
    double[] p = new double[g.dim];
    int[] rows = LieCases.descriptor(g).pointRows();
    for (int i = 0; i < g.dim; i++) p[i] = h[rows[i]];
    return p;
  }

  @ParameterizedTest(name = "{0}") @MethodSource("cases")
  void bracketsAndSmallAdjoint(Case c) {
    LieGroup g = c.g();
    int n = g.mat;
    double[] a = c.tau();
    double[] b = c.sigma();
    double[] ha = hat(g, a);
    double[] hb = hat(g, b);
    double[] comm = mul(ha, hb, n);
    double[] ba = mul(hb, ha, n);
    for (int i = 0; i < comm.length; i++) comm[i] -= ba[i];
    double[] adA = tm(g, g::smallAdj, a);
    double[] adAb = RefMath.mulVec(adA, b, g.dof, g.dof);
    assertClose("(ad_a b)^ = a^ b^ - b^ a^", comm, hat(g, adAb), 1e-12);
    double[] adBa = RefMath.mulVec(tm(g, g::smallAdj, b), a, g.dof, g.dof);
    assertClose("[a, b] = -[b, a]", neg(adAb), adBa, 1e-12);
    assertClose("[a, a] = 0", new double[g.dof], RefMath.mulVec(adA, a, g.dof, g.dof), 1e-12);
    // Jacobi: [a,[b,s]] + [b,[s,a]] + [s,[a,b]] = 0 with s = a + b squared-ish
    double[] s = new double[g.dof];
    for (int i = 0; i < s.length; i++) s[i] = a[i] * 0.3 - b[i] * 0.7 + 0.1;
    double[] j1 = br(g, a, br(g, b, s));
    double[] j2 = br(g, b, br(g, s, a));
    double[] j3 = br(g, s, br(g, a, b));
    for (int i = 0; i < s.length; i++) j1[i] += j2[i] + j3[i];
    assertClose("Jacobi identity", new double[g.dof], j1, 1e-12);
  }

  static double[] br(LieGroup g, double[] a, double[] b) {
    return RefMath.mulVec(tm(g, g::smallAdj, a), b, g.dof, g.dof);
  }

  // ------------------------------------------------------------------ adjoint identities

  @ParameterizedTest(name = "{0}") @MethodSource("cases")
  void adjointIdentities(Case c) {
    LieGroup g = c.g();
    int d = g.dof;
    double[] x = c.x();
    double[] y = c.y();
    assertClose("Ad_X Ad_Y = Ad_XY", mul(adj(g, x), adj(g, y), d), adj(g, compose(g, x, y)), 1e-9);
    assertClose("Ad_X^-1 = Ad_(X^-1)", RefMath.inv(adj(g, x), d), adj(g, inverse(g, x)), 1e-8);
    double[] adTau = RefMath.mulVec(adj(g, x), c.tau(), d, d);
    assertSame(g, "X (+) tau = (Ad_X tau) (+) X", compose(g, x, exp(g, c.tau())), compose(g, exp(g, adTau), x));
    int n = g.mat;
    double[] m = matrix(g, x);
    double[] conj = mul(mul(m, hat(g, c.tau()), n), RefMath.inv(m, n), n);
    assertClose("Ad_X tau = (X tau^ X^-1)v", adTau, vee(g, conj), 1e-8);
  }

  @ParameterizedTest(name = "{0}") @MethodSource("cases")
  void jacobianIdentities(Case c) {
    LieGroup g = c.g();
    int d = g.dof;
    double[] t = c.tau();
    double[] jr = tm(g, g::rjac, t);
    double[] jl = tm(g, g::ljac, t);
    assertClose("Jr Jr^-1 = I", eye(d), mul(jr, tm(g, g::rjacinv, t), d), 1e-9);
    assertClose("Jl Jl^-1 = I", eye(d), mul(jl, tm(g, g::ljacinv, t), d), 1e-9);
    assertClose("Jl(tau) = Jr(-tau)", jl, tm(g, g::rjac, neg(t)), 1e-12);
    assertClose("Jl^-1(tau) = Jr^-1(-tau)", tm(g, g::ljacinv, t), tm(g, g::rjacinv, neg(t)), 1e-12);
    double[] adExp = adj(g, exp(g, t));
    assertClose("Jl = Ad_Exp(tau) Jr", jl, mul(adExp, jr, d), 1e-9);
    assertClose("Ad_Exp(tau) = Jl Jr^-1", adExp, mul(jl, tm(g, g::rjacinv, t), d), 1e-8);
    assertClose("Ad_Exp(tau) = Jl(tau) Jl^-1(-tau)", adExp, mul(jl, tm(g, g::ljacinv, neg(t)), d), 1e-8);
  }

  // ------------------------------------------------------------------ every Jacobian by finite differences

  static final double JTOL = 1e-6;

  /** The step: small enough near pi that log-valued outputs do not wrap around. */
  static double h(Case c) {
    return c.nearPi() ? 1e-7 : Fd.H;
  }

  @ParameterizedTest(name = "{0}") @MethodSource("cases")
  void inverseComposeBetweenJacobians(Case c) {
    LieGroup g = c.g();
    int d = g.dof;
    double[] ja = new double[d * d];
    double[] jb = new double[d * d];
    g.inverse(c.x(), 0, new double[g.rep], 0, ja, 0);
    assertClose("J_inv_X", Fd.jacobian(g, c.x(), g, u -> inverse(g, u), h(c)), ja, JTOL);
    g.compose(c.x(), 0, c.y(), 0, new double[g.rep], 0, ja, 0, jb, 0);
    assertClose("J_XY_X", Fd.jacobian(g, c.x(), g, u -> compose(g, u, c.y()), h(c)), ja, JTOL);
    assertClose("J_XY_Y", Fd.jacobian(g, c.y(), g, u -> compose(g, c.x(), u), h(c)), jb, JTOL);
    g.between(c.x(), 0, c.y(), 0, new double[g.rep], 0, ja, 0, jb, 0);
    assertClose("J_between_X", Fd.jacobian(g, c.x(), g, u -> compose(g, inverse(g, u), c.y()), h(c)), ja, JTOL);
    assertClose("J_between_Y", Fd.jacobian(g, c.y(), g, u -> compose(g, inverse(g, c.x()), u), h(c)), jb, JTOL);
  }

  @ParameterizedTest(name = "{0}") @MethodSource("cases")
  void expLogJacobians(Case c) {
    LieGroup g = c.g();
    int d = g.dof;
    double[] j = new double[d * d];
    g.exp(c.tau(), 0, new double[g.rep], 0, j, 0);
    assertClose("J_Exp_tau = Jr", Fd.jacobian(null, c.tau(), g, u -> exp(g, u), h(c)), j, JTOL);
    if (!c.atPi()) {
      g.log(c.x(), 0, new double[d], 0, j, 0);
      assertClose("J_Log_X = Jr^-1", Fd.jacobian(g, c.x(), null, u -> log(g, u), h(c)), j, JTOL);
    }
    // Jl: Exp(tau + d) = Exp(Jl d) Exp(tau)
    double[] fdl = Fd.jacobian(null, c.tau(), null, u -> {
      double[] o = new double[d];
      g.lminus(exp(g, u), 0, exp(g, c.tau()), 0, o, 0, null, 0, null, 0);
      return o;
    }, h(c));
    assertClose("Jl by differences", fdl, tm(g, g::ljac, c.tau()), JTOL);
  }

  @ParameterizedTest(name = "{0}") @MethodSource("cases")
  void actJacobians(Case c) {
    LieGroup g = c.g();
    double[] jx = new double[g.dim * g.dof];
    double[] jp = new double[g.dim * g.dim];
    double[] out = new double[g.dim];
    g.act(c.x(), 0, c.p(), 0, out, 0, jx, 0, jp, 0);
    assertClose("J_Xp_X", Fd.jacobian(g, c.x(), null, u -> act(g, u, c.p()), h(c)), jx, JTOL);
    assertClose("J_Xp_p", Fd.jacobian(null, c.p(), null, u -> act(g, c.x(), u), h(c)), jp, JTOL);
    // The point itself, with each Jacobian asked for alone and with both (kernels may take a
    // separate path for each combination), against the action without Jacobians.
    double[] plain = act(g, c.x(), c.p());
    assertClose("X p with both Jacobians", plain, out, 1e-12);
    double[] jx1 = new double[g.dim * g.dof];
    double[] jp1 = new double[g.dim * g.dim];
    double[] outX = new double[g.dim];
    double[] outP = new double[g.dim];
    g.act(c.x(), 0, c.p(), 0, outX, 0, jx1, 0, null, 0);
    g.act(c.x(), 0, c.p(), 0, outP, 0, null, 0, jp1, 0);
    assertClose("X p with J_Xp_X", plain, outX, 1e-12);
    assertClose("X p with J_Xp_p", plain, outP, 1e-12);
    assertClose("J_Xp_X alone", jx, jx1, 1e-12);
    assertClose("J_Xp_p alone", jp, jp1, 1e-12);
  }

  static double[] act(LieGroup g, double[] x, double[] p) {
    double[] o = new double[g.dim];
    g.act(x, 0, p, 0, o, 0, null, 0, null, 0);
    return o;
  }

  @ParameterizedTest(name = "{0}") @MethodSource("cases")
  void plusJacobians(Case c) {
    LieGroup g = c.g();
    int d = g.dof;
    double[] jx = new double[d * d];
    double[] jt = new double[d * d];
    g.rplus(c.x(), 0, c.tau(), 0, new double[g.rep], 0, jx, 0, jt, 0);
    assertClose("J_rplus_X", Fd.jacobian(g, c.x(), g, u -> rplus(g, u, c.tau()), h(c)), jx, JTOL);
    assertClose("J_rplus_tau", Fd.jacobian(null, c.tau(), g, u -> rplus(g, c.x(), u), h(c)), jt, JTOL);
    g.lplus(c.x(), 0, c.tau(), 0, new double[g.rep], 0, jx, 0, jt, 0);
    assertClose("J_lplus_X", Fd.jacobian(g, c.x(), g, u -> compose(g, exp(g, c.tau()), u), h(c)), jx, JTOL);
    assertClose("J_lplus_tau", Fd.jacobian(null, c.tau(), g, u -> compose(g, exp(g, u), c.x()), h(c)), jt, JTOL);
  }

  static double[] rplus(LieGroup g, double[] x, double[] t) {
    double[] o = new double[g.rep];
    g.rplus(x, 0, t, 0, o, 0, null, 0, null, 0);
    return o;
  }

  @ParameterizedTest(name = "{0}") @MethodSource("cases")
  void minusJacobians(Case c) {
    LieGroup g = c.g();
    int d = g.dof;
    double[] jy = new double[d * d];
    double[] jx = new double[d * d];
    double h = h(c);
    if (c.atPi()) return; // Y (-) X sits on the cut of Log: differences wrap around
    g.rminus(c.y(), 0, c.x(), 0, new double[d], 0, jy, 0, jx, 0);
    assertClose("J_rminus_Y", Fd.jacobian(g, c.y(), null, u -> log(g, compose(g, inverse(g, c.x()), u)), h), jy, JTOL);
    assertClose("J_rminus_X", Fd.jacobian(g, c.x(), null, u -> log(g, compose(g, inverse(g, u), c.y())), h), jx, JTOL);
    g.lminus(c.y(), 0, c.x(), 0, new double[d], 0, jy, 0, jx, 0);
    assertClose("J_lminus_Y", Fd.jacobian(g, c.y(), null, u -> log(g, compose(g, u, inverse(g, c.x()))), h), jy, JTOL);
    assertClose("J_lminus_X", Fd.jacobian(g, c.x(), null, u -> log(g, compose(g, c.y(), inverse(g, u))), h), jx, JTOL);
  }

  // ------------------------------------------------------------------ robustness

  @ParameterizedTest(name = "{0}") @MethodSource("cases")
  void repeatedPlusStaysNormalised(Case c) {
    LieGroup g = c.g();
    SplittableRandom rng = new SplittableRandom(7);
    double[] x = c.x().clone();
    double[] t = new double[g.dof];
    for (int i = 0; i < 10000; i++) {
      g.randomTangent(rng, t, 0);
      g.rplus(x, 0, t, 0, x, 0, null, 0, null, 0);
    }
    for (int q : LieCases.descriptor(g).quaternionOffsets()) {
      double n = 0;
      for (int i = 0; i < 4; i++) n += x[q + i] * x[q + i];
      assertTrue(Math.abs(n - 1) < 1e-12, "quaternion norm^2 drifted to " + n);
    }
    for (int z : LieCases.descriptor(g).complexOffsets()) {
      double n = x[z] * x[z] + x[z + 1] * x[z + 1];
      assertTrue(Math.abs(n - 1) < 1e-12, "unit complex number norm^2 drifted to " + n);
    }
    double[] back = exp(g, log(g, x));
    assertSame(g, "still a group element", x, back);
  }
}
