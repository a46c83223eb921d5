package dev.tangent.lib.build;

import dev.tangent.lib.accum.SumMatrix;
import dev.tangent.lib.basis.Integration;
import dev.tangent.lib.linalg.Blas;
import dev.tangent.lib.linalg.Blas.Ref;
import dev.tangent.lib.linalg.Mat;
import dev.tangent.lib.section.Section;

/**
 * M′ and edges of any section from its vector-Jacobian products (spec §1.2 step 6 and §1.5),
 * a chunk of samples at a time so that memory stays bounded. The cotangents are the next
 * layer's LIB directions at every output position: k = P_out · r_next rows, shared by all samples.
 */
final class JacobianMath {
  private JacobianMath() {}

  /** About this many doubles of Jacobian rows per chunk (8 MB). */
  static final long CHUNK_DOUBLES = 1L << 20;

  /** The cotangent rows (t, i) → e_t ⊗ C_next[:, i], [k][P_out · d_out]. */
  static double[] cotangents(Section s, Mat cNext) {
    int pOut = s.outPositions();
    int dOut = s.outWidth();
    int r = cNext.cols;
    int k = pOut * r;
    double[] u = new double[k * pOut * dOut];
    for (int t = 0; t < pOut; t++) {
      for (int i = 0; i < r; i++) {
        int row = (t * r + i) * pOut * dOut + t * dOut;
        for (int m = 0; m < dOut; m++) u[row + m] = cNext.a[m * r + i];
      }
    }
    return u;
  }

  static int chunk(Section s, int k) {
    long per = (long) k * s.inSize();
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE / Math.max(1, per), CHUNK_DOUBLES / Math.max(1, per)));
  }

  /** ḡ = Σ_a w_a vjp(α_a x) for nc samples, [nc][k][inSize], in the work array "g" (longer than needed). */
  static double[] integrated(Section s, double[] x, int nc, double[] u, int k, Integration integ, Cache cache) {
    int inSize = s.inSize();
    int len = nc * k * inSize;
    double[] g = cache == null ? new double[len] : cache.work("g", len);
    if (integ.isGradient() || s.homogeneous()) {
      s.vjp(x, nc, u, k, true, g);
      return g;
    }
    java.util.Arrays.fill(g, 0, len, 0);
    double[] ga = cache == null ? new double[len] : cache.work("ga", len);
    double[] xa = new double[nc * inSize];
    for (int q = 0; q < integ.points(); q++) {
      double al = integ.alphas()[q];
      double w = integ.weights()[q];
      for (int i = 0; i < xa.length; i++) xa[i] = al * x[i];
      s.vjp(xa, nc, u, k, true, ga);
      for (int i = 0; i < len; i++) g[i] += w * ga[i];
    }
    return g;
  }

  /** Adds Σ_{b, k, s} ḡ[b][k][s]ᵀ ḡ[b][k][s] over n samples of x to m (count n · P_in). */
  static void mDash(Section s, double[] x, int n, Mat cNext, Integration integ, SumMatrix m, Cache cache) {
    double[] u = cache.get("U", () -> cotangents(s, cNext));
    int k = u.length / s.outSize();
    int d = s.inWidth();
    int p = s.inPositions();
    int per = s.inSize();
    int step = chunk(s, k);
    for (int b0 = 0; b0 < n; b0 += step) {
      int nc = Math.min(step, n - b0);
      double[] xc = java.util.Arrays.copyOfRange(x, b0 * per, (b0 + nc) * per);
      double[] g = integrated(s, xc, nc, u, k, integ, cache);
      Blas.syrkRows(d, nc * k * p, 1, Ref.of(g), d, 1, Ref.of(m.sum.a), d);
      m.addCount((double) nc * p);
    }
  }

  /**
   * Adds the squared integrated-gradient attributions of n samples to e ([r_next][r_this]):
   * with f = x C per position and x' = f C⁺, Ā[b][(t,i)][j] = Σ_s (ḡ(x')[b][(t,i)][s] · C⁺[j]) f[b][s][j].
   */
  static void edges(Section s, double[] x, int n, Mat c, Mat cInv, Mat cNext, Integration integ, SumMatrix e, Cache cache) {
    double[] u = cache.get("U", () -> cotangents(s, cNext));
    int k = u.length / s.outSize();
    int d = s.inWidth();
    int p = s.inPositions();
    int rIn = c.cols;
    int rOut = cNext.cols;
    int pOut = s.outPositions();
    int per = s.inSize();
    int step = chunk(s, k);
    double[] es = e.sum.a;
    for (int b0 = 0; b0 < n; b0 += step) {
      int nc = Math.min(step, n - b0);
      int rows = nc * p;
      double[] f = cache.work("f", rows * rIn);
      Blas.gemm(false, false, rows, rIn, d, 1, Ref.of(x, b0 * per), d, Ref.of(c.a), rIn, 0, Ref.of(f), rIn);
      double[] xp = cache.work("xp", rows * d);
      Blas.gemm(false, false, rows, d, rIn, 1, Ref.of(f), rIn, Ref.of(cInv.a), d, 0, Ref.of(xp), d);
      double[] g = integrated(s, xp, nc, u, k, integ, cache);
      double[] h = cache.work("h", nc * k * p * rIn);
      Blas.gemm(false, true, nc * k * p, rIn, d, 1, Ref.of(g), d, Ref.of(cInv.a), d, 0, Ref.of(h), rIn);
      double[] acc = new double[rIn];
      for (int b = 0; b < nc; b++) {
        for (int t = 0; t < pOut; t++) {
          for (int i = 0; i < rOut; i++) {
            int kk = t * rOut + i;
            java.util.Arrays.fill(acc, 0);
            for (int sp = 0; sp < p; sp++) {
              int ho = ((b * k + kk) * p + sp) * rIn;
              int fo = (b * p + sp) * rIn;
              for (int j = 0; j < rIn; j++) acc[j] += h[ho + j] * f[fo + j];
            }
            int eo = i * rIn;
            for (int j = 0; j < rIn; j++) es[eo + j] += acc[j] * acc[j];
          }
        }
      }
      e.addCount(rows);
    }
  }
}
