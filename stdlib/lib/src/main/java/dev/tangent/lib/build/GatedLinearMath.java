package dev.tangent.lib.build;

import dev.tangent.lib.accum.GateStats;
import dev.tangent.lib.accum.SumMatrix;
import dev.tangent.lib.basis.Integration;
import dev.tangent.lib.linalg.Blas;
import dev.tangent.lib.linalg.Blas.Ref;
import dev.tangent.lib.linalg.Mat;
import dev.tangent.lib.linalg.NBuf;
import dev.tangent.lib.section.GatedLinearSection;

/**
 * Closed forms for a gated linear section F(x) = x Ã + act(x W1) W2 (Ã = A, or I for a residual),
 * whose integrated Jacobian at sample ρ is Ã + W1 diag(m_ρ) W2.
 *
 * <p>M′: with Φ = Ã C and Ω = W2 C (C the next layer's basis), Σ_ρ (Φ + W1 D_ρ Ω)(Φ + W1 D_ρ Ω)ᵀ =
 * N ΦΦᵀ + W1 diag(s1) Ω Φᵀ + Φ Ωᵀ diag(s1) W1ᵀ + W1 ((Ω Ωᵀ) ∘ S2) W1ᵀ, so only the gate sums s1 and
 * co-activations S2 are needed: O(dh²) per sample instead of O(r·dh·d).
 *
 * <p>Edges: in LIB coordinates J̃_ρ = K + P diag(m_ρ) Ω with K = C⁺ Ã C_next and P = C⁺ W1, and
 * E[i, j] = Σ_ρ f_ρj² J̃_ρ[j, i]², one GEMM per input feature j over a chunk of samples.
 */
final class GatedLinearMath {
  private GatedLinearMath() {}

  /** Up to this many doubles (256 MB) the per-feature products are stacked into one native matrix. */
  static final long OMEGA_CAT_MAX = 32L << 20;

  /** Ã C: the direct path, d_in x r. */
  private static Mat direct(GatedLinearSection s, Mat c) {
    Mat out = s.a() != null ? s.a().mul(c) : Mat.zeros(s.inWidth(), c.cols);
    if (s.residual()) out.addScaled(c, 1);
    return out;
  }

  /** W2 C (C itself without W2): dh x r. */
  private static Mat omega(GatedLinearSection s, Mat c) {
    return s.w2() != null ? s.w2().mul(c) : c;
  }

  /** The gate vectors of rows activation vectors (integrated over α), [rows][dh]. */
  static double[] gates(GatedLinearSection s, double[] x, int rows, Integration integ) {
    int dh = s.hidden();
    double[] h = new double[rows * dh];
    Blas.gemm(false, false, rows, dh, s.inWidth(), 1, Ref.of(x), s.inWidth(), Ref.of(s.w1().a), dh, 0, Ref.of(h), dh);
    double[] m = new double[h.length];
    double[] al = integ.alphas();
    double[] w = integ.weights();
    for (int q = 0; q < al.length; q++) {
      for (int i = 0; i < h.length; i++) m[i] += w[q] * s.act().derivative(al[q] * h[i], s.slope());
    }
    return m;
  }

  /** M′ (already divided by the count) from the gate statistics and the next layer's basis cNext. */
  static Mat mDash(GatedLinearSection s, GateStats st, Mat cNext) {
    Mat phi = direct(s, cNext);
    if (!s.gated()) return phi.mulT(phi);
    double n = st.count();
    Mat om = omega(s, cNext);
    Mat w1 = s.w1();
    Mat inner = om.mulT(om);
    for (int i = 0; i < inner.a.length; i++) inner.a[i] *= st.s2.a[i];
    Mat m = w1.mul(inner).mulT(w1);
    Mat cross = w1.scaleCols(st.s1).mul(om).mulT(phi);
    m.addScaled(cross, 1);
    m.addScaled(cross.t(), 1);
    m.addScaled(phi.mulT(phi), n);
    return m.scale(1 / n).symmetrize();
  }

  /**
   * Adds the edges of rows feature vectors f (rows x rIn, in LIB coordinates of this layer) to e
   * ([rOut][rIn] sums); cInv is this layer's C⁺, cNext the next layer's C.
   */
  static void edges(GatedLinearSection s, double[] f, int rows, Mat cInv, Mat cNext, Integration integ, SumMatrix e, Cache cache) {
    int rIn = cInv.rows;
    int rOut = cNext.cols;
    Mat k = cache.get("K", () -> cInv.mul(direct(s, cNext)));
    double[] sumSq = new double[rIn];
    for (int r = 0; r < rows; r++) for (int j = 0; j < rIn; j++) sumSq[j] += f[r * rIn + j] * f[r * rIn + j];
    double[] es = e.sum.a;
    if (!s.gated()) {
      for (int i = 0; i < rOut; i++) for (int j = 0; j < rIn; j++) {
        double kv = k.a[j * rOut + i];
        es[i * rIn + j] += kv * kv * sumSq[j];
      }
      e.addCount(rows);
      return;
    }
    int dh = s.hidden();
    Mat p = cache.get("P", () -> cInv.mul(s.w1()));
    Mat om = cache.get("Omega", () -> omega(s, cNext));
    // Gates at x' = f C⁺: h = f (C⁺ W1).
    double[] h = cache.work("h", rows * dh);
    Blas.gemm(false, false, rows, dh, rIn, 1, Ref.of(f), rIn, Ref.of(p.a), dh, 0, Ref.of(h), dh);
    double[] m = cache.work("m", rows * dh);
    java.util.Arrays.fill(m, 0, rows * dh, 0);
    double[] al = integ.alphas();
    double[] w = integ.weights();
    for (int q = 0; q < al.length; q++) for (int i = 0; i < rows * dh; i++) m[i] += w[q] * s.act().derivative(al[q] * h[i], s.slope());
    long cat = (long) dh * rIn * rOut;
    if (cat <= OMEGA_CAT_MAX) {
      // All input features at once: R[ρ, (j, i)] = Σ_m m_ρm P[j, m] Ω[m, i] = M Ωcat, Ωcat[m, (j, i)] = P[j, m] Ω[m, i].
      NBuf omegaCat = cache.shared("OmegaCat", () -> {
        NBuf b = NBuf.allocate(cat);
        double[] row = new double[rIn * rOut];
        for (int q = 0; q < dh; q++) {
          for (int j = 0; j < rIn; j++) {
            double pj = p.a[j * dh + q];
            for (int i = 0; i < rOut; i++) row[j * rOut + i] = pj * om.a[q * rOut + i];
          }
          b.put((long) q * rIn * rOut, row, 0, row.length);
        }
        return b;
      });
      int width = rIn * rOut;
      int step = (int) Math.max(1, Math.min(rows, (1L << 19) / width));
      double[] r = cache.work("R", step * width);
      for (int r0 = 0; r0 < rows; r0 += step) {
        int nr = Math.min(step, rows - r0);
        Blas.gemm(false, false, nr, width, dh, 1, Ref.of(m, r0 * dh), dh, Ref.of(omegaCat), width, 0, Ref.of(r), width);
        for (int rr = 0; rr < nr; rr++) {
          int fo = (r0 + rr) * rIn;
          int ro = rr * width;
          for (int j = 0; j < rIn; j++) {
            double fj = f[fo + j];
            double f2 = fj * fj;
            if (f2 == 0) continue;
            int o = ro + j * rOut;
            for (int i = 0; i < rOut; i++) {
              double v = k.a[j * rOut + i] + r[o + i];
              es[i * rIn + j] += f2 * v * v;
            }
          }
        }
      }
      e.addCount(rows);
      return;
    }
    double[] t = new double[rows * dh];
    double[] rj = new double[rows * rOut];
    for (int j = 0; j < rIn; j++) {
      if (sumSq[j] == 0) continue;
      int po = j * dh;
      for (int r = 0; r < rows; r++) {
        int o = r * dh;
        for (int q = 0; q < dh; q++) t[o + q] = m[o + q] * p.a[po + q];
      }
      Blas.gemm(false, false, rows, rOut, dh, 1, Ref.of(t), dh, Ref.of(om.a), rOut, 0, Ref.of(rj), rOut);
      for (int r = 0; r < rows; r++) {
        double fj = f[r * rIn + j];
        double f2 = fj * fj;
        if (f2 == 0) continue;
        int o = r * rOut;
        for (int i = 0; i < rOut; i++) {
          double v = k.a[j * rOut + i] + rj[o + i];
          es[i * rIn + j] += f2 * v * v;
        }
      }
    }
    e.addCount(rows);
  }
}
