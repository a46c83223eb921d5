package dev.tangent.lie.value;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.lie.kernel.LieGroup;

/**
 * The element operations behind both the operators and the methods: each runs one kernel and,
 * when asked, returns the result with its Jacobians (w.r.t. each argument in order) as Tensors.
 */
public final class ElementOps {
  private ElementOps() {}

  /** The default tolerance of is_approx and ==. */
  public static final double DEFAULT_TOL = 1e-10;

  private static Element make(GroupValue g, double[] c) {
    return new Element(g, c);
  }

  private static Tensor sq(double[] j, int n) {
    return Values.mat(j, n, n);
  }

  public static Element compose(Element a, Element b) {
    return (Element) compose(a, b, false);
  }

  public static Object compose(Element a, Element b, boolean jac) {
    LieGroup k = a.kernel();
    double[] out = new double[k.rep];
    double[] ja = jac ? new double[k.dof * k.dof] : null;
    double[] jb = jac ? new double[k.dof * k.dof] : null;
    k.compose(a.c, 0, b.c, 0, out, 0, ja, 0, jb, 0);
    Element z = make(a.group, out);
    return jac ? Values.withJacobians(z, sq(ja, k.dof), sq(jb, k.dof)) : z;
  }

  public static Object inverse(Element x, boolean jac) {
    LieGroup k = x.kernel();
    double[] out = new double[k.rep];
    double[] j = jac ? new double[k.dof * k.dof] : null;
    k.inverse(x.c, 0, out, 0, j, 0);
    Element z = make(x.group, out);
    return jac ? Values.withJacobians(z, sq(j, k.dof)) : z;
  }

  public static Object between(Element a, Element b, boolean jac) {
    LieGroup k = a.kernel();
    double[] out = new double[k.rep];
    double[] ja = jac ? new double[k.dof * k.dof] : null;
    double[] jb = jac ? new double[k.dof * k.dof] : null;
    k.between(a.c, 0, b.c, 0, out, 0, ja, 0, jb, 0);
    Element z = make(a.group, out);
    return jac ? Values.withJacobians(z, sq(ja, k.dof), sq(jb, k.dof)) : z;
  }

  public static Object log(Element x, boolean jac) {
    LieGroup k = x.kernel();
    double[] t = new double[k.dof];
    double[] j = jac ? new double[k.dof * k.dof] : null;
    k.log(x.c, 0, t, 0, j, 0);
    TangentValue tv = new TangentValue(x.group, t);
    return jac ? Values.withJacobians(tv, sq(j, k.dof)) : tv;
  }

  public static Object exp(GroupValue g, double[] tau, boolean jac) {
    LieGroup k = g.kernel;
    double[] out = new double[k.rep];
    double[] j = jac ? new double[k.dof * k.dof] : null;
    k.exp(tau, 0, out, 0, j, 0);
    Element z = make(g, out);
    return jac ? Values.withJacobians(z, sq(j, k.dof)) : z;
  }

  public static Object act(Element x, double[] p, boolean jac) {
    LieGroup k = x.kernel();
    double[] out = new double[k.dim];
    double[] jx = jac ? new double[k.dim * k.dof] : null;
    double[] jp = jac ? new double[k.dim * k.dim] : null;
    k.act(x.c, 0, p, 0, out, 0, jx, 0, jp, 0);
    Tensor q = Values.vec(out);
    return jac ? Values.withJacobians(q, Values.mat(jx, k.dim, k.dof), sq(jp, k.dim)) : q;
  }

  public static Element rplus(Element x, double[] t) {
    return (Element) rplus(x, t, false);
  }

  public static Object rplus(Element x, double[] t, boolean jac) {
    LieGroup k = x.kernel();
    double[] out = new double[k.rep];
    double[] jx = jac ? new double[k.dof * k.dof] : null;
    double[] jt = jac ? new double[k.dof * k.dof] : null;
    k.rplus(x.c, 0, t, 0, out, 0, jx, 0, jt, 0);
    Element z = make(x.group, out);
    return jac ? Values.withJacobians(z, sq(jx, k.dof), sq(jt, k.dof)) : z;
  }

  public static Element lplus(Element x, double[] t) {
    return (Element) lplus(x, t, false);
  }

  public static Object lplus(Element x, double[] t, boolean jac) {
    LieGroup k = x.kernel();
    double[] out = new double[k.rep];
    double[] jx = jac ? new double[k.dof * k.dof] : null;
    double[] jt = jac ? new double[k.dof * k.dof] : null;
    k.lplus(x.c, 0, t, 0, out, 0, jx, 0, jt, 0);
    Element z = make(x.group, out);
    return jac ? Values.withJacobians(z, sq(jx, k.dof), sq(jt, k.dof)) : z;
  }

  public static TangentValue rminus(Element y, Element x) {
    return (TangentValue) rminus(y, x, false);
  }

  /** Y (-) X = Log(X^-1 Y), with J_t_Y and J_t_X. */
  public static Object rminus(Element y, Element x, boolean jac) {
    LieGroup k = y.kernel();
    double[] t = new double[k.dof];
    double[] jy = jac ? new double[k.dof * k.dof] : null;
    double[] jx = jac ? new double[k.dof * k.dof] : null;
    k.rminus(y.c, 0, x.c, 0, t, 0, jy, 0, jx, 0);
    TangentValue tv = new TangentValue(y.group, t);
    return jac ? Values.withJacobians(tv, sq(jy, k.dof), sq(jx, k.dof)) : tv;
  }

  /** Log(Y X^-1), with J_t_Y and J_t_X. */
  public static Object lminus(Element y, Element x, boolean jac) {
    LieGroup k = y.kernel();
    double[] t = new double[k.dof];
    double[] jy = jac ? new double[k.dof * k.dof] : null;
    double[] jx = jac ? new double[k.dof * k.dof] : null;
    k.lminus(y.c, 0, x.c, 0, t, 0, jy, 0, jx, 0);
    TangentValue tv = new TangentValue(y.group, t);
    return jac ? Values.withJacobians(tv, sq(jy, k.dof), sq(jx, k.dof)) : tv;
  }

  public static boolean isApprox(Element a, Element b, double tol) {
    return a.kernel().isApprox(a.c, 0, b.c, 0, tol);
  }

  /** Ad_X, with d vec(Ad)/dX: Ad_(X Exp(d)) = Ad_X (I + ad_d), so column k is vec(Ad_X ad_(e_k)). */
  public static Object adj(Element x, boolean jac) {
    LieGroup k = x.kernel();
    int d = k.dof;
    double[] ad = new double[d * d];
    k.adj(x.c, 0, ad, 0);
    Tensor a = sq(ad, d);
    if (!jac) return a;
    double[] j = new double[d * d * d];
    adjJacobian(ad, 0, smallAdjGenerators(k), d, j, 0);
    return Values.withJacobians(a, Values.mat(j, d * d, d));
  }

  /** ad_(e_k) for each basis tangent e_k. */
  public static double[][] smallAdjGenerators(LieGroup k) {
    int d = k.dof;
    double[][] out = new double[d][d * d];
    double[] e = new double[d];
    for (int c = 0; c < d; c++) {
      java.util.Arrays.fill(e, 0);
      e[c] = 1;
      k.smallAdj(e, 0, out[c], 0);
    }
    return out;
  }

  /** d vec(Ad)/dX (d^2 x d) at j[jo] from Ad at ad[ao]: column c is vec(Ad ad_(e_c)). */
  public static void adjJacobian(double[] ad, int ao, double[][] gens, int d, double[] j, int jo) {
    double[] prod = new double[d * d];
    for (int c = 0; c < d; c++) {
      dev.tangent.lie.kernel.Mat.mul(ad, ao, gens[c], 0, prod, 0, d, d, d);
      for (int r = 0; r < d * d; r++) j[jo + r * d + c] = prod[r];
    }
  }

  /** The generators E_k (mat x mat each). */
  public static double[][] generators(LieGroup k) {
    double[][] out = new double[k.dof][k.mat * k.mat];
    for (int c = 0; c < k.dof; c++) k.generator(c, out[c], 0);
    return out;
  }

  /** d vec(M)/dX (mat^2 x dof) at j[jo] from M at m[mo]: column c is vec(M E_c). */
  public static void matrixJacobian(double[] m, int mo, double[][] gens, int n, int d, double[] j, int jo) {
    double[] prod = new double[n * n];
    for (int c = 0; c < d; c++) {
      dev.tangent.lie.kernel.Mat.mul(m, mo, gens[c], 0, prod, 0, n, n, n);
      for (int r = 0; r < n * n; r++) j[jo + r * d + c] = prod[r];
    }
  }

  /** The matrix form, with d vec(M)/dX: M(X Exp(d)) = M (I + d^), so column k is vec(M E_k). */
  public static Object matrix(Element x, boolean jac) {
    LieGroup k = x.kernel();
    int n = k.mat;
    double[] m = new double[n * n];
    k.matrix(x.c, 0, m, 0);
    Tensor mt = sq(m, n);
    if (!jac) return mt;
    double[] j = new double[n * n * k.dof];
    matrixJacobian(m, 0, generators(k), n, k.dof, j, 0);
    return Values.withJacobians(mt, Values.mat(j, n * n, k.dof));
  }
}
