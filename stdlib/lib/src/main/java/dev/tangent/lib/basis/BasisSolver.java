package dev.tangent.lib.basis;

import dev.tangent.spi.TangentError;
import dev.tangent.lib.linalg.Mat;
import dev.tangent.lib.linalg.SymEigen;

/**
 * The per-layer LIB computation of spec §1.2 (rib's _calculate_one_interaction_rotation):
 * centring, Gram eigendecomposition and truncation 1, PCA basis W, whitening R, the Jacobian
 * matrix M′ moved to whitened coordinates, the masked second eigendecomposition, Λ scaling and
 * truncation 2, and C = R V Λ^½, C⁺ = Λ^-½ Vᵀ R⁺.
 */
public final class BasisSolver {
  private BasisSolver() {}

  /** The Gram eigenbasis after truncation 1 (step 3), with the constant direction first when centred. */
  public record GramBasis(double[] d, Mat u, Mat y, Mat yInv) {}

  /** Steps 1 to 3: Y, Y⁻¹ and the truncated eigenbasis (D, U) of the Gram. */
  public static GramBasis gramBasis(LayerMoments m, double threshold) {
    int d = m.gram().rows;
    Mat y = Mat.identity(d);
    Mat yInv = Mat.identity(d);
    SymEigen e;
    double[] dv;
    Mat u;
    if (m.centred()) {
      // G = [[Cov, 0], [0, 1]]: diagonalise Cov and put the bias coordinate (the constant direction) first.
      for (int j = 0; j < d - 1; j++) {
        y.set(d - 1, j, -m.mean()[j]);
        yInv.set(d - 1, j, m.mean()[j]);
      }
      e = SymEigen.of(m.gram().block(0, d - 1, 0, d - 1));
      dv = new double[d];
      u = Mat.zeros(d, d);
      dv[0] = 1;
      u.set(d - 1, 0, 1);
      for (int k = 0; k < d - 1; k++) {
        dv[k + 1] = e.values[k];
        for (int i = 0; i < d - 1; i++) u.set(i, k + 1, e.vectors.get(i, k));
      }
    } else {
      e = SymEigen.of(m.gram());
      dv = e.values;
      u = e.vectors;
    }
    int keep = 0;
    int[] idx = new int[d];
    for (int k = 0; k < d; k++) if (dv[k] > threshold) idx[keep++] = k;
    idx = java.util.Arrays.copyOf(idx, keep);
    double[] dk = new double[keep];
    for (int k = 0; k < keep; k++) dk[k] = dv[idx[k]];
    return new GramBasis(dk, u.selectCols(idx), y, yInv);
  }

  /** PCA (rib's "svd" with centring): C = W = Y U, C⁺ = W⁺ = Uᵀ Y⁻¹. */
  public static LayerBasis pca(String name, LayerMoments m, double threshold) {
    GramBasis g = gramBasis(m, threshold);
    Mat w = g.y().mul(g.u());
    Mat wInv = g.u().tmul(g.yInv());
    return new LayerBasis(name, m.gram().rows, BasisKind.PCA, false, m.centred(), w, wInv, w, wInv, null, null,
        g.d().clone(), g.d(), m.mean(), m.gram());
  }

  /** The neuron basis (identity), with the layer's Gram spectrum kept for comparisons. */
  public static LayerBasis neuron(String name, LayerMoments m, double threshold) {
    GramBasis g = gramBasis(m, threshold);
    return LayerBasis.identity(name, m.gram().rows, m.mean(), m.gram(), g.d());
  }

  /**
   * LIB from the moments and M′ (d x d, neuron coordinates, already divided by N·P_in).
   * nMasked directions (the constant one when centred) are kept as they are in the second
   * eigendecomposition.
   */
  public static LayerBasis lib(String name, LayerMoments m, Mat mDash, double threshold) {
    GramBasis g = gramBasis(m, threshold);
    int dt = g.d().length;
    Mat w = g.y().mul(g.u());
    Mat wInv = g.u().tmul(g.yInv());
    double[] sq = new double[dt];
    double[] isq = new double[dt];
    for (int k = 0; k < dt; k++) {
      sq[k] = Math.sqrt(g.d()[k]);
      isq[k] = 1 / sq[k];
    }
    Mat r = w.scaleCols(isq);          // orig -> whitened
    Mat rInv = wInv.scaleRows(sq);     // whitened -> orig
    Mat mw = rInv.mul(mDash).mulT(rInv).symmetrize();
    int nMasked = m.centred() ? 1 : 0;
    SymEigen sub = SymEigen.of(mw.block(nMasked, dt, nMasked, dt));
    Mat v = Mat.zeros(dt, dt);
    double[] lambda = new double[dt];
    for (int k = 0; k < nMasked; k++) {
      v.set(k, k, 1);
      lambda[k] = mw.get(k, k);
    }
    for (int k = nMasked; k < dt; k++) {
      lambda[k] = sub.values[k - nMasked];
      for (int i = nMasked; i < dt; i++) v.set(i, k, sub.vectors.get(i - nMasked, k - nMasked));
    }
    // Truncation 2: masked first (unsorted), the rest already descending; drop as many from the
    // end as there are Λ below the threshold anywhere (rib's build_sorted_lambda_matrices).
    int small = 0;
    for (double l : lambda) if (l < threshold) small++;
    int keep = dt - small;
    int[] idx = new int[keep];
    for (int k = 0; k < keep; k++) idx[k] = k;
    double[] kept = new double[keep];
    double[] ls = new double[keep];
    double[] lis = new double[keep];
    for (int k = 0; k < keep; k++) {
      kept[k] = lambda[k];
      if (!(kept[k] > 0)) {
        throw TangentError.runtime("node layer '" + name + "': direction " + k + " has importance " + kept[k]
            + " but is kept (the constant direction does not reach the next layer); raise threshold:");
      }
      ls[k] = Math.sqrt(kept[k]);
      lis[k] = 1 / ls[k];
    }
    Mat vk = v.selectCols(idx);
    Mat c = r.mul(vk).scaleCols(ls);
    Mat cInv = vk.tmul(rInv).scaleRows(lis);
    return new LayerBasis(name, m.gram().rows, BasisKind.JACOBIAN, false, m.centred(), c, cInv, w, wInv, v, lambda,
        kept, g.d(), m.mean(), m.gram());
  }
}
