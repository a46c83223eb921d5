package dev.tangent.lib.section;

import dev.tangent.lib.linalg.Blas;
import dev.tangent.lib.linalg.Blas.Ref;
import dev.tangent.lib.linalg.Mat;

/**
 * Multi-head self-attention plus the residual stream, y_t = x_t + Σ_h Σ_u p^h_{t,u} (x_u W_V^h) W_O^h
 * with p^h_t = softmax_u((x_t W_Q^h)·(x_u W_K^h) / √d_head) (causal: u ≤ t), biases folded into
 * the matrices (W_V^h carries the ones column that brings b_O). The output keeps every position
 * or only the last (rib's last_pos_module_type: add_resid1).
 *
 * <p>The vector-Jacobian product is analytic: with β_{t,u} = x_u·(u_t (W_V W_O)ᵀ) and
 * γ_{t,u} = p_{t,u}(β_{t,u} − Σ_u' p_{t,u'}β_{t,u'}),
 * ∂(u·y)/∂x_s = u_s [s out] + Σ_{h,t} (p_{t,s} u_t (W_V W_O)ᵀ + γ_{t,s} W_K q_t/√d) + [s out] Σ_h (Σ_u γ_{s,u} k_u) W_Qᵀ/√d.
 */
public final class AttentionSection implements Section {
  final int d;
  final int positions;
  final int heads;
  final int dHead;
  final int dValue;
  final boolean causal;
  final boolean lastOnly;
  /** d x (heads·dHead): the heads side by side. */
  final Mat wq;
  final Mat wk;
  /** per head: d x dValue and dValue x d. */
  final Mat[] wv;
  final Mat[] wo;
  /** per head W_V W_O, d x d. */
  final Mat[] vo;
  final double scale;
  final String label;

  public AttentionSection(int positions, Mat[] wqh, Mat[] wkh, Mat[] wvh, Mat[] woh, boolean causal, boolean lastOnly, String label) {
    this.positions = positions;
    this.heads = wqh.length;
    this.d = wqh[0].rows;
    this.dHead = wqh[0].cols;
    this.dValue = wvh[0].cols;
    this.causal = causal;
    this.lastOnly = lastOnly;
    this.label = label;
    this.wq = concat(wqh);
    this.wk = concat(wkh);
    this.wv = wvh;
    this.wo = woh;
    this.vo = new Mat[heads];
    for (int h = 0; h < heads; h++) {
      if (woh[h].cols != d) throw new IllegalArgumentException("W_O must map back to the residual width");
      vo[h] = wvh[h].mul(woh[h]);
    }
    this.scale = 1 / Math.sqrt(dHead);
  }

  private static Mat concat(Mat[] ms) {
    int d = ms[0].rows;
    int c = ms[0].cols;
    Mat out = Mat.zeros(d, c * ms.length);
    for (int h = 0; h < ms.length; h++) for (int i = 0; i < d; i++) System.arraycopy(ms[h].a, i * c, out.a, i * out.cols + h * c, c);
    return out;
  }

  @Override public int inWidth() { return d; }
  @Override public int inPositions() { return positions; }
  @Override public int outWidth() { return d; }
  @Override public int outPositions() { return lastOnly ? 1 : positions; }
  @Override public boolean homogeneous() { return false; }
  @Override public String describe() { return label; }

  public int heads() { return heads; }

  private int firstOut() { return lastOnly ? positions - 1 : 0; }

  /** Queries and keys of every row, [rows][heads·dHead]. */
  private double[] project(double[] x, int rows, Mat w) {
    double[] out = new double[rows * w.cols];
    Blas.gemm(false, false, rows, w.cols, d, 1, Ref.of(x), d, Ref.of(w.a), w.cols, 0, Ref.of(out), w.cols);
    return out;
  }

  /** p[b][h][t][u] for output positions t (indexed from firstOut), 0 above the causal diagonal. */
  private double[] patterns(double[] q, double[] kk, int n) {
    int hd = heads * dHead;
    int nt = outPositions();
    int t0 = firstOut();
    double[] p = new double[n * heads * nt * positions];
    double[] sc = new double[positions];
    for (int b = 0; b < n; b++) {
      for (int h = 0; h < heads; h++) {
        for (int ti = 0; ti < nt; ti++) {
          int t = t0 + ti;
          int qo = (b * positions + t) * hd + h * dHead;
          int last = causal ? t : positions - 1;
          double max = Double.NEGATIVE_INFINITY;
          for (int u = 0; u <= last; u++) {
            int ko = (b * positions + u) * hd + h * dHead;
            double s = 0;
            for (int j = 0; j < dHead; j++) s += q[qo + j] * kk[ko + j];
            sc[u] = s * scale;
            max = Math.max(max, sc[u]);
          }
          double z = 0;
          for (int u = 0; u <= last; u++) {
            sc[u] = Math.exp(sc[u] - max);
            z += sc[u];
          }
          int po = ((b * heads + h) * nt + ti) * positions;
          for (int u = 0; u <= last; u++) p[po + u] = sc[u] / z;
        }
      }
    }
    return p;
  }

  @Override public void forward(double[] x, int n, double[] y) {
    int rows = n * positions;
    double[] q = project(x, rows, wq);
    double[] kk = project(x, rows, wk);
    double[] p = patterns(q, kk, n);
    int nt = outPositions();
    int t0 = firstOut();
    for (int b = 0; b < n; b++) {
      for (int ti = 0; ti < nt; ti++) {
        System.arraycopy(x, (b * positions + t0 + ti) * d, y, (b * nt + ti) * d, d);
      }
    }
    // z^h_t = Σ_u p_{t,u} x_u, then y_t += z^h_t (W_V W_O)^h.
    double[] z = new double[n * nt * d];
    for (int h = 0; h < heads; h++) {
      java.util.Arrays.fill(z, 0);
      for (int b = 0; b < n; b++) {
        for (int ti = 0; ti < nt; ti++) {
          int po = ((b * heads + h) * nt + ti) * positions;
          int zo = (b * nt + ti) * d;
          for (int u = 0; u < positions; u++) {
            double pv = p[po + u];
            if (pv == 0) continue;
            int xo = (b * positions + u) * d;
            for (int j = 0; j < d; j++) z[zo + j] += pv * x[xo + j];
          }
        }
      }
      Blas.gemm(false, false, n * nt, d, d, 1, Ref.of(z), d, Ref.of(vo[h].a), d, 1, Ref.of(y), d);
    }
  }

  /** Per-sample quantities of a forward pass that the Jacobians reuse. */
  public final class Pass {
    public final int n;
    /** [rows][heads·dHead] */
    public final double[] q;
    public final double[] k;
    /** p[b][h][t][u] for output positions t (from firstOut). */
    public final double[] p;

    Pass(double[] x, int n) {
      this.n = n;
      int rows = n * positions;
      q = project(x, rows, wq);
      k = project(x, rows, wk);
      p = patterns(q, k, n);
    }

    public int po(int b, int h, int ti) { return ((b * heads + h) * outPositions() + ti) * positions; }
  }

  public Pass pass(double[] x, int n) { return new Pass(x, n); }

  public int firstOutput() { return firstOut(); }
  public boolean causal() { return causal; }
  public int dHead() { return dHead; }
  public double scale() { return scale; }
  public Mat wq() { return wq; }
  public Mat wk() { return wk; }
  public Mat valueOutput(int h) { return vo[h]; }
  public Mat value(int h) { return wv[h]; }
  public Mat output(int h) { return wo[h]; }
  public int dValue() { return dValue; }

  /** p[b][h][t][u] for queries q and keys k of n samples. */
  public double[] patternsOf(double[] q, double[] k, int n) { return patterns(q, k, n); }

  /** The last input position output position t attends to. */
  public int lastKey(int t) { return causal ? t : positions - 1; }

  /**
   * γ^h_{t,u}[k] = p_{t,u} (β_{t,u}[k] − Σ_u' p_{t,u'} β_{t,u'}[k]) for one sample, head and output
   * position, from β[u][k] stored at beta[bo + u·k + kr]; written to gamma[go + u·k + kr].
   */
  static void gamma(double[] p, int po, double[] beta, int bo, int k, int last, double[] gamma, int go) {
    for (int kr = 0; kr < k; kr++) {
      double mean = 0;
      for (int uu = 0; uu <= last; uu++) mean += p[po + uu] * beta[bo + uu * k + kr];
      for (int uu = 0; uu <= last; uu++) gamma[go + uu * k + kr] = p[po + uu] * (beta[bo + uu * k + kr] - mean);
    }
  }

  public static void gammaOf(double[] p, int po, double[] beta, int bo, int k, int last, double[] gamma, int go) {
    gamma(p, po, beta, bo, k, last, gamma, go);
  }

  @Override public void vjp(double[] x, int n, double[] u, int k, boolean shared, double[] g) {
    int rows = n * positions;
    int hd = heads * dHead;
    int nt = outPositions();
    int t0 = firstOut();
    int inSize = positions * d;
    int outSize = nt * d;
    Pass ps = new Pass(x, n);
    double[] q = ps.q;
    double[] kk = ps.k;
    double[] p = ps.p;
    // κ^h_t = W_K^h q^h_t / √d and the query vectors W_Q^h k^h_u / √d, per sample: [n][positions][heads][d].
    double[] kappa = new double[rows * heads * d];
    double[] vq = new double[rows * heads * d];
    for (int h = 0; h < heads; h++) {
      Mat wkh = wk.block(0, d, h * dHead, (h + 1) * dHead);
      Mat wqh = wq.block(0, d, h * dHead, (h + 1) * dHead);
      double[] tmp = new double[rows * d];
      Blas.gemm(false, true, rows, d, dHead, scale, Ref.of(q, h * dHead), hd, Ref.of(wkh.a), dHead, 0, Ref.of(tmp), d);
      for (int r = 0; r < rows; r++) System.arraycopy(tmp, r * d, kappa, (r * heads + h) * d, d);
      Blas.gemm(false, true, rows, d, dHead, scale, Ref.of(kk, h * dHead), hd, Ref.of(wqh.a), dHead, 0, Ref.of(tmp), d);
      for (int r = 0; r < rows; r++) System.arraycopy(tmp, r * d, vq, (r * heads + h) * d, d);
    }
    // Pm^h_t = u_t (W_V W_O)^hᵀ: [k][d] per (h, t) when shared, else per sample; β = x_u · Pm[k].
    double[][] pmShared = null;
    double[][] betaShared = null;
    if (shared) {
      pmShared = new double[heads * nt][];
      betaShared = new double[heads * nt][];
      for (int h = 0; h < heads; h++) for (int ti = 0; ti < nt; ti++) {
        double[] pm = new double[k * d];
        Blas.gemm(false, true, k, d, d, 1, Ref.of(u, ti * d), outSize, Ref.of(vo[h].a), d, 0, Ref.of(pm), d);
        pmShared[h * nt + ti] = pm;
        betaShared[h * nt + ti] = new double[rows * k];
        Blas.gemm(false, true, rows, k, d, 1, Ref.of(x), d, Ref.of(pm), d, 0, Ref.of(betaShared[h * nt + ti]), k);
      }
    }
    double[] gamma = new double[heads * nt * positions * k];
    double[] betaOwn = shared ? null : new double[positions * k];
    double[] pmb = shared ? null : new double[heads * nt * k * d];
    for (int b = 0; b < n; b++) {
      int gb = b * k * inSize;
      for (int kr = 0; kr < k; kr++) {
        int uo = shared ? kr * outSize : (b * k + kr) * outSize;
        java.util.Arrays.fill(g, gb + kr * inSize, gb + (kr + 1) * inSize, 0);
        for (int ti = 0; ti < nt; ti++) System.arraycopy(u, uo + ti * d, g, gb + kr * inSize + (t0 + ti) * d, d);
      }
      for (int h = 0; h < heads; h++) {
        for (int ti = 0; ti < nt; ti++) {
          int t = t0 + ti;
          int last = lastKey(t);
          double[] pm;
          int pmOff;
          double[] beta;
          int bo;
          if (shared) {
            pm = pmShared[h * nt + ti];
            pmOff = 0;
            beta = betaShared[h * nt + ti];
            bo = b * positions * k;
          } else {
            pm = pmb;
            pmOff = (h * nt + ti) * k * d;
            Blas.gemm(false, true, k, d, d, 1, Ref.of(u, b * k * outSize + ti * d), outSize, Ref.of(vo[h].a), d, 0, Ref.of(pmb, pmOff), d);
            beta = betaOwn;
            bo = 0;
            Blas.gemm(false, true, last + 1, k, d, 1, Ref.of(x, b * positions * d), d, Ref.of(pmb, pmOff), d, 0, Ref.of(beta), k);
          }
          int po = ps.po(b, h, ti);
          int go = (h * nt + ti) * positions * k;
          gamma(p, po, beta, bo, k, last, gamma, go);
          int ko = ((b * positions + t) * heads + h) * d;
          for (int s = 0; s <= last; s++) {
            double pv = p[po + s];
            for (int kr = 0; kr < k; kr++) {
              int o = gb + kr * inSize + s * d;
              double gs = gamma[go + s * k + kr];
              int pmo = pmOff + kr * d;
              for (int j = 0; j < d; j++) g[o + j] += pv * pm[pmo + j] + gs * kappa[ko + j];
            }
          }
          // The query term at s = t: Σ_u γ^h_{t,u} W_Q^h k^h_u / √d, a combination of P vectors.
          for (int uu = 0; uu <= last; uu++) {
            int vo2 = ((b * positions + uu) * heads + h) * d;
            for (int kr = 0; kr < k; kr++) {
              double gv = gamma[go + uu * k + kr];
              if (gv == 0) continue;
              int o = gb + kr * inSize + t * d;
              for (int j = 0; j < d; j++) g[o + j] += gv * vq[vo2 + j];
            }
          }
        }
      }
    }
  }
}
