package dev.tangent.lib.build;

import dev.tangent.lib.accum.SumMatrix;
import dev.tangent.lib.basis.Integration;
import dev.tangent.lib.linalg.Blas;
import dev.tangent.lib.linalg.Blas.Ref;
import dev.tangent.lib.linalg.Mat;
import dev.tangent.lib.section.AttentionSection;

/**
 * The edges of an attention section without forming its Jacobian. With f the features of the
 * input layer (per position), x' = f C⁺, and the next layer's directions c_i, the attribution of
 * input feature j to output feature i at output position t is
 * <pre>
 *   Ā[t,i][j] = f_tj Z0[i,j] + Σ_h (Σ_s f_sj p^h_ts) Z_h[i,j]
 *             + Σ_h κ̃^h_t[j] Σ_s γ^h_ts[i] f_sj + f_tj Σ_{h,u} γ^h_tu[i] q̃^h_u[j]
 * </pre>
 * with Z0 = Cᵀ_next C⁺ᵀ, Z_h = Cᵀ_next (W_V W_O)^hᵀ C⁺ᵀ, κ̃^h_t = C⁺ W_K^h q^h_t / √d and
 * q̃^h_u = C⁺ W_Q^h k^h_u / √d: per sample O(r_out · r_in · heads · positions) instead of the
 * O(r_out · positions · d · r_in) of contracting the full Jacobian with C⁺.
 */
final class AttentionMath {
  private AttentionMath() {}

  /** Samples per chunk: the per-sample products stay in cache-sized work arrays. */
  static final int CHUNK = 64;

  static void edges(AttentionSection s, double[] x, int n, Mat c, Mat cInv, Mat cNext, Integration integ, SumMatrix e, Cache cache) {
    int per = s.inSize();
    for (int b0 = 0; b0 < n; b0 += CHUNK) {
      int nc = Math.min(CHUNK, n - b0);
      double[] xc = b0 == 0 && nc == n ? x : java.util.Arrays.copyOfRange(x, b0 * per, (b0 + nc) * per);
      chunk(s, xc, nc, c, cInv, cNext, integ, e, cache);
    }
  }

  private static void chunk(AttentionSection s, double[] x, int n, Mat c, Mat cInv, Mat cNext, Integration integ, SumMatrix e, Cache cache) {
    int d = s.inWidth();
    int pIn = s.inPositions();
    int nt = s.outPositions();
    int t0 = s.firstOutput();
    int heads = s.heads();
    int dh = s.dHead();
    int hd = heads * dh;
    int rIn = c.cols;
    int rOut = cNext.cols;
    int rows = n * pIn;
    Mat z0 = cache.get("Z0", () -> cNext.tmul(cInv.t()));
    Mat[] pm = cache.get("Pm", () -> {
      Mat[] out = new Mat[heads];
      for (int h = 0; h < heads; h++) out[h] = cNext.tmul(s.valueOutput(h).t());
      return out;
    });
    Mat[] zh = cache.get("Zh", () -> {
      Mat[] out = new Mat[heads];
      for (int h = 0; h < heads; h++) out[h] = pm[h].mulT(cInv);
      return out;
    });
    Mat ck = cache.get("CK", () -> cInv.mul(s.wk()));   // r_in x (heads·dh)
    Mat cq = cache.get("CQ", () -> cInv.mul(s.wq()));
    double[] f = cache.work("f", rows * rIn);
    Blas.gemm(false, false, rows, rIn, d, 1, Ref.of(x), d, Ref.of(c.a), rIn, 0, Ref.of(f), rIn);
    double[] xp = cache.work("xp", rows * d);
    Blas.gemm(false, false, rows, d, rIn, 1, Ref.of(f), rIn, Ref.of(cInv.a), d, 0, Ref.of(xp), d);
    // Per sample and output position the attribution matrix a (r_out x r_in) is built over every
    // integration point and head while it sits in cache, then squared into the sums.
    double[] a = cache.work("a", nt * rOut * rIn);
    double[] xa = cache.work("xa", rows * d);
    double[] gamma = new double[pIn * rOut];
    int m = 2 * pIn;
    double[] left = new double[rOut * m];
    double[] right = new double[m * rIn];
    double[] w = new double[rIn];
    double[] es = e.sum.a;
    AttentionSection.Pass[] passes = new AttentionSection.Pass[integ.points()];
    double[][][] kq = new double[integ.points()][heads][];
    double[][][] qk = new double[integ.points()][heads][];
    double[][][] beta = new double[integ.points()][heads][];
    for (int qi = 0; qi < integ.points(); qi++) {
      double al = integ.alphas()[qi];
      for (int i = 0; i < rows * d; i++) xa[i] = al * xp[i];
      passes[qi] = s.pass(xa, n);
      AttentionSection.Pass ps = passes[qi];
      for (int h = 0; h < heads; h++) {
        // q̃ and κ̃ for every row, [rows][r_in]; β^h[u][i] = x_u · Pm^h[i], the same for every output position.
        kq[qi][h] = cache.work("kq" + qi + "." + h, rows * rIn);
        Blas.gemm(false, true, rows, rIn, dh, s.scale(), Ref.of(ps.k, h * dh), hd, Ref.of(cq.a, h * dh), hd, 0, Ref.of(kq[qi][h]), rIn);
        qk[qi][h] = cache.work("qk" + qi + "." + h, rows * rIn);
        Blas.gemm(false, true, rows, rIn, dh, s.scale(), Ref.of(ps.q, h * dh), hd, Ref.of(ck.a, h * dh), hd, 0, Ref.of(qk[qi][h]), rIn);
        beta[qi][h] = cache.work("beta" + qi + "." + h, rows * rOut);
        Blas.gemm(false, true, rows, rOut, d, 1, Ref.of(xa), d, Ref.of(pm[h].a), d, 0, Ref.of(beta[qi][h]), rOut);
      }
    }
    for (int b = 0; b < n; b++) {
      java.util.Arrays.fill(a, 0, nt * rOut * rIn, 0);
      for (int ti = 0; ti < nt; ti++) {
        int t = t0 + ti;
        int last = s.lastKey(t);
        int ao = ti * rOut * rIn;
        int ft = (b * pIn + t) * rIn;
        for (int i = 0; i < rOut; i++) {
          int o = ao + i * rIn;
          int zo = i * rIn;
          for (int j = 0; j < rIn; j++) a[o + j] += f[ft + j] * z0.a[zo + j];
        }
        for (int qi = 0; qi < integ.points(); qi++) {
          double wt = integ.weights()[qi];
          AttentionSection.Pass ps = passes[qi];
          for (int h = 0; h < heads; h++) {
            int po = ps.po(b, h, ti);
            AttentionSection.gammaOf(ps.p, po, beta[qi][h], b * pIn * rOut, rOut, last, gamma, 0);
            // Σ_s f_sj p_ts, times Z_h.
            java.util.Arrays.fill(w, 0);
            for (int sp = 0; sp <= last; sp++) {
              double pv = wt * ps.p[po + sp];
              int fo = (b * pIn + sp) * rIn;
              for (int j = 0; j < rIn; j++) w[j] += pv * f[fo + j];
            }
            double[] zhA = zh[h].a;
            for (int i = 0; i < rOut; i++) {
              int o = ao + i * rIn;
              int zo = i * rIn;
              for (int j = 0; j < rIn; j++) a[o + j] += w[j] * zhA[zo + j];
            }
            // Rank-2P terms: γ_ts[i] (κ̃_t ∘ f_s)[j] and γ_tu[i] (q̃_u ∘ f_t)[j].
            int kto = (b * pIn + t) * rIn;
            double[] qkh = qk[qi][h];
            double[] kqh = kq[qi][h];
            int cols = 0;
            for (int sp = 0; sp <= last; sp++) {
              int fo = (b * pIn + sp) * rIn;
              for (int i = 0; i < rOut; i++) {
                double gv = wt * gamma[sp * rOut + i];
                left[i * m + cols] = gv;
                left[i * m + cols + 1] = gv;
              }
              for (int j = 0; j < rIn; j++) {
                right[cols * rIn + j] = qkh[kto + j] * f[fo + j];
                right[(cols + 1) * rIn + j] = kqh[fo + j] * f[ft + j];
              }
              cols += 2;
            }
            for (int i = 0; i < rOut; i++) {
              int o = ao + i * rIn;
              for (int cc = 0; cc < cols; cc++) {
                double lv = left[i * m + cc];
                int ro = cc * rIn;
                for (int j = 0; j < rIn; j++) a[o + j] += lv * right[ro + j];
              }
            }
          }
        }
        for (int i = 0; i < rOut * rIn; i++) es[i] += a[ao + i] * a[ao + i];
      }
    }
    e.addCount(rows);
  }
}
