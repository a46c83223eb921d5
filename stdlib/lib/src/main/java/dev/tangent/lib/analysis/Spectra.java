package dev.tangent.lib.analysis;

import dev.tangent.lib.basis.LayerBasis;
import dev.tangent.lib.linalg.Mat;
import java.util.Arrays;

/**
 * Sparsity summaries: how many directions of a node layer carry importance above fractions of
 * the largest (LIB: Λ; PCA: the centred Gram's eigenvalues; the constant direction left out), and
 * how few edges hold given shares of a graph's total squared weight (the constant input dropped).
 */
public final class Spectra {
  private Spectra() {}

  /** The non-constant importances of a layer, descending; null when it has none (an identity layer). */
  public static double[] importances(LayerBasis b) {
    double[] v = b.lambdas() != null && b.kind() == dev.tangent.lib.basis.BasisKind.JACOBIAN ? b.lambdas() : b.gramValues();
    if (v == null) return null;
    int skip = b.constFirst() ? 1 : 0;
    double[] out = Arrays.copyOfRange(v, Math.min(skip, v.length), v.length);
    Arrays.sort(out);
    for (int i = 0; i < out.length / 2; i++) {
      double t = out[i];
      out[i] = out[out.length - 1 - i];
      out[out.length - 1 - i] = t;
    }
    return out;
  }

  /** For each fraction, the number of importances above fraction × the largest. */
  public static int[] counts(double[] importances, double[] fractions) {
    int[] out = new int[fractions.length];
    double max = importances.length == 0 ? 0 : importances[0];
    for (int f = 0; f < fractions.length; f++) {
      int n = 0;
      for (double v : importances) if (v > fractions[f] * max) n++;
      out[f] = n;
    }
    return out;
  }

  /** The fewest edges (largest first) whose sum reaches each share of the total; the constant input column dropped when dropConst. */
  public static int[] concentration(Mat e, boolean dropConst, double[] shares) {
    int start = dropConst ? 1 : 0;
    double[] v = new double[e.rows * Math.max(0, e.cols - start)];
    int k = 0;
    double total = 0;
    for (int i = 0; i < e.rows; i++) for (int j = start; j < e.cols; j++) {
      v[k++] = e.get(i, j);
      total += e.get(i, j);
    }
    Arrays.sort(v);
    int[] out = new int[shares.length];
    for (int s = 0; s < shares.length; s++) {
      double target = shares[s] * total;
      double acc = 0;
      int n = 0;
      for (int i = v.length - 1; i >= 0 && acc < target; i--) {
        acc += v[i];
        n++;
      }
      out[s] = n;
    }
    return out;
  }
}
