package dev.tangent.lie.value;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.kernel.Mat;
import dev.tangent.spi.TangentError;

/** The tangent operations behind the methods, with their Jacobians when asked. */
public final class TangentOps {
  private TangentOps() {}

  public static double norm(double[] v) {
    double s = 0;
    for (double x : v) s += x * x;
    return Math.sqrt(s);
  }

  /** The matrix-valued tangent functions: Jr, Jl, their inverses, ad. */
  public enum Matrix { RJAC, LJAC, RJACINV, LJACINV, SMALL_ADJ }

  public static Tensor matrix(TangentValue t, Matrix which) {
    LieGroup k = t.group.kernel;
    double[] m = new double[k.dof * k.dof];
    switch (which) {
      case RJAC: k.rjac(t.v, 0, m, 0); break;
      case LJAC: k.ljac(t.v, 0, m, 0); break;
      case RJACINV: k.rjacinv(t.v, 0, m, 0); break;
      case LJACINV: k.ljacinv(t.v, 0, m, 0); break;
      default: k.smallAdj(t.v, 0, m, 0); break;
    }
    return Values.mat(m, k.dof, k.dof);
  }

  /** ad_t is linear in t: d vec(ad_t)/dt has columns vec(ad_(e_k)). */
  public static Object smallAdj(TangentValue t, boolean jac) {
    Tensor ad = matrix(t, Matrix.SMALL_ADJ);
    if (!jac) return ad;
    LieGroup k = t.group.kernel;
    int d = k.dof;
    double[] j = new double[d * d * d];
    double[] e = new double[d];
    double[] a = new double[d * d];
    for (int c = 0; c < d; c++) {
      java.util.Arrays.fill(e, 0);
      e[c] = 1;
      k.smallAdj(e, 0, a, 0);
      for (int r = 0; r < d * d; r++) j[r * d + c] = a[r];
    }
    return Values.withJacobians(ad, Values.mat(j, d * d, d));
  }

  /** t^, with d vec(t^)/dt whose columns are the generators vec(E_k). */
  public static Object hat(TangentValue t, boolean jac) {
    LieGroup k = t.group.kernel;
    int n = k.mat;
    double[] m = new double[n * n];
    k.hat(t.v, 0, m, 0);
    Tensor h = Values.mat(m, n, n);
    if (!jac) return h;
    double[] j = new double[n * n * k.dof];
    double[] e = new double[n * n];
    for (int c = 0; c < k.dof; c++) {
      k.generator(c, e, 0);
      for (int r = 0; r < n * n; r++) j[r * k.dof + c] = e[r];
    }
    return Values.withJacobians(h, Values.mat(j, n * n, k.dof));
  }

  /** The Lie bracket [t, s] = ad_t s; J_t = -ad_s, J_s = ad_t. */
  public static Object bracket(TangentValue t, double[] s, boolean jac) {
    LieGroup k = t.group.kernel;
    int d = k.dof;
    double[] adt = new double[d * d];
    k.smallAdj(t.v, 0, adt, 0);
    double[] out = new double[d];
    Mat.mul(adt, 0, s, 0, out, 0, d, d, 1);
    TangentValue r = t.with(out);
    if (!jac) return r;
    double[] ads = new double[d * d];
    k.smallAdj(s, 0, ads, 0);
    Mat.scale(ads, 0, d * d, -1);
    return Values.withJacobians(r, Values.mat(ads, d, d), Values.mat(adt, d, d));
  }

  /** t^T W s with manif's weights W_rc = tr(E_r E_c^T); J_t = (W s)^T, J_s = (W t)^T. */
  public static Object inner(TangentValue t, double[] s, boolean jac) {
    LieGroup k = t.group.kernel;
    int d = k.dof;
    double[] w = k.innerWeights();
    double[] ws = new double[d];
    double[] wt = new double[d];
    Mat.mul(w, 0, s, 0, ws, 0, d, d, 1);
    Mat.mul(w, 0, t.v, 0, wt, 0, d, d, 1);
    double r = 0;
    for (int i = 0; i < d; i++) r += t.v[i] * ws[i];
    if (!jac) return r;
    return Values.withJacobians(r, Values.mat(ws, 1, d), Values.mat(wt, 1, d));
  }

  /** sqrt(t^T W t) with manif's weights, or a given W; J = t^T (W + W^T) / (2 |t|_W), 0 at t = 0. */
  public static Object weightedNorm(TangentValue t, double[] userW, boolean jac) {
    LieGroup k = t.group.kernel;
    int d = k.dof;
    double[] w = userW != null ? userW : k.innerWeights();
    double[] wt = new double[d];
    Mat.mul(w, 0, t.v, 0, wt, 0, d, d, 1);
    double q = 0;
    for (int i = 0; i < d; i++) q += t.v[i] * wt[i];
    if (q < 0) throw TangentError.runtime("weighted_norm(): the weights are not positive semi-definite (t^T W t = " + q + ")");
    double n = Math.sqrt(q);
    if (!jac) return n;
    double[] j = new double[d];
    if (n > 0) {
      for (int i = 0; i < d; i++) {
        double s = 0;
        for (int r = 0; r < d; r++) s += (w[r * d + i] + w[i * d + r]) * t.v[r];
        j[i] = s / (2 * n);
      }
    }
    return Values.withJacobians(n, Values.mat(j, 1, d));
  }

  /** The Euclidean norm; J = t^T / |t| (0 at t = 0). */
  public static Object norm(TangentValue t, boolean jac) {
    double n = norm(t.v);
    if (!jac) return n;
    double[] j = new double[t.v.length];
    if (n > 0) for (int i = 0; i < j.length; i++) j[i] = t.v[i] / n;
    return Values.withJacobians(n, Values.mat(j, 1, j.length));
  }
}
