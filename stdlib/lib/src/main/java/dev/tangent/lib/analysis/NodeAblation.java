package dev.tangent.lib.analysis;

import dev.tangent.lib.basis.LayerBasis;
import dev.tangent.lib.linalg.Blas;
import dev.tangent.lib.linalg.Blas.Ref;
import dev.tangent.lib.model.Inputs;
import dev.tangent.lib.model.LibModel;
import dev.tangent.progress.ProgressTask;
import java.util.ArrayList;
import java.util.List;

/**
 * Node ablation (spec §1.6): at one node layer keep the first k directions of the basis,
 * x ← x C_k C⁺_k at every position (the constant direction counts as one; with centring the
 * others fall back to their mean), and score the network's output. k counts in the layer's
 * original dimensions as rib does: k = d keeps x itself, k ≥ r keeps every direction of C.
 */
public final class NodeAblation {
  private NodeAblation() {}

  public record Point(int kept, double accuracy, double loss) {}

  /**
   * The default schedule of kept counts, descending: d, counts growing geometrically by base down
   * from d, and every count from cutoff to 0 (where accuracy changes fastest), as rib's
   * exponential schedule.
   */
  public static int[] schedule(int d, int cutoff, double base) {
    java.util.TreeSet<Integer> ks = new java.util.TreeSet<>();
    ks.add(d);
    for (int k = 0; k <= Math.min(cutoff, d); k++) ks.add(k);
    int x = Math.min(cutoff, d);
    while (x < d) {
      x = Math.max(x + 1, (int) Math.floor(x * base));
      if (x < d) ks.add(x);
    }
    int[] out = new int[ks.size()];
    int i = 0;
    for (int k : ks.descendingSet()) out[i++] = k;
    return out;
  }

  public static List<Point> run(LibModel m, LayerBasis basis, int layer, Inputs data, long[] labels, int[] ks, int batch, ProgressTask progress) {
    int d = m.width(layer);
    int p = m.positions(layer);
    int r = basis.width();
    Scores[] scores = new Scores[ks.length];
    for (int i = 0; i < ks.length; i++) scores[i] = new Scores();
    int classes = m.outputWidth();
    int pos = m.outputPositions();
    for (int from = 0; from < data.count; from += batch) {
      int n = Math.min(batch, data.count - from);
      double[] x = activations(m, data.rows(from, n), n, layer);
      int rows = n * p;
      double[] f = new double[rows * r];
      Blas.gemm(false, false, rows, r, d, 1, Ref.of(x), d, Ref.of(basis.c().a), r, 0, Ref.of(f), r);
      for (int i = 0; i < ks.length; i++) {
        int k = ks[i];
        double[] xa;
        if (k >= d) {
          xa = x;
        } else {
          int kk = Math.min(k, r);
          xa = new double[rows * d];
          if (kk > 0) Blas.gemm(false, false, rows, d, kk, 1, Ref.of(f), r, Ref.of(basis.cInv().a), d, 0, Ref.of(xa), d);
        }
        scores[i].add(m.logitsFrom(layer, xa, n), n, pos, classes, labels, from);
        if (progress != null) progress.step();
      }
    }
    List<Point> out = new ArrayList<>();
    for (int i = 0; i < ks.length; i++) out.add(new Point(ks[i], scores[i].accuracy(), scores[i].meanLoss()));
    return out;
  }

  /** The activations of node layer `layer` for n samples of model inputs. */
  public static double[] activations(LibModel m, double[] inputs, int n, int layer) {
    double[] x = m.prefix.apply(inputs, n);
    for (int i = 0; i < layer; i++) {
      double[] y = new double[n * m.size(i + 1)];
      m.sections.get(i).forward(x, n, y);
      x = y;
    }
    return x;
  }
}
