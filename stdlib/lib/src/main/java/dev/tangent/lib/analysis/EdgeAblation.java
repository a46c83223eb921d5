package dev.tangent.lib.analysis;

import dev.tangent.lib.basis.LayerBasis;
import dev.tangent.lib.linalg.Blas;
import dev.tangent.lib.linalg.Blas.Ref;
import dev.tangent.lib.linalg.Mat;
import dev.tangent.lib.model.Inputs;
import dev.tangent.lib.model.LibModel;
import dev.tangent.lib.section.AttentionSection;
import dev.tangent.lib.section.GatedLinearSection;
import dev.tangent.lib.section.Section;
import dev.tangent.progress.ProgressTask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edge ablation (spec §1.6): between node layers l and l+1 keep the m largest edges (the constant
 * input is always kept and does not count). Output feature i then sees only its kept inputs:
 * f^{l+1}_i = [F_l((f^l ⊙ mask_i) C⁺_l) C_{l+1}]_i, and the network continues from
 * f^{l+1} C⁺_{l+1}. Bisection finds the fewest edges that keep accuracy within tolerance.
 *
 * <p>Outputs with the same mask share one forward pass; gated linear and attention sections run
 * it from the masked features directly (C⁺ folded into their weights, only the kept columns).
 */
public final class EdgeAblation {
  private EdgeAblation() {}

  public record Result(String pair, int edges, int total, double accuracy, double base, List<int[]> tries, List<Double> accuracies) {}

  /** Precomputed products of one section for masked forwards. */
  static final class Folded {
    final Section s;
    final Mat cInv;
    final Mat cNext;
    Mat ka;
    Mat pw1;
    Mat omega;
    Mat cq;
    Mat ck;
    Mat[] cv;
    Mat z0;
    Mat[] oc;

    Folded(Section s, Mat cInv, Mat cNext) {
      this.s = s;
      this.cInv = cInv;
      this.cNext = cNext;
      if (s instanceof GatedLinearSection g) {
        Mat direct = g.a() != null ? g.a().mul(cNext) : Mat.zeros(g.inWidth(), cNext.cols);
        if (g.residual()) direct.addScaled(cNext, 1);
        ka = cInv.mul(direct);
        if (g.gated()) {
          pw1 = cInv.mul(g.w1());
          omega = g.w2() != null ? g.w2().mul(cNext) : cNext;
        }
      } else if (s instanceof AttentionSection a) {
        cq = cInv.mul(a.wq());
        ck = cInv.mul(a.wk());
        cv = new Mat[a.heads()];
        oc = new Mat[a.heads()];
        for (int h = 0; h < a.heads(); h++) {
          cv[h] = cInv.mul(a.value(h));
          oc[h] = a.output(h).mul(cNext);
        }
        z0 = cInv.mul(cNext);
      }
    }

    /** out[ρ_out][i] for the outputs in outs, from the features of the kept inputs cols. */
    void run(double[] f, int n, int rIn, int[] cols, int[] outs, double[] out, int rOut) {
      int pIn = s.inPositions();
      int rows = n * pIn;
      double[] fm = new double[rows * cols.length];
      for (int r = 0; r < rows; r++) for (int c = 0; c < cols.length; c++) fm[r * cols.length + c] = f[r * rIn + cols[c]];
      if (s instanceof GatedLinearSection g) {
        Mat kaM = ka.selectRows(cols).selectCols(outs);
        double[] y = new double[rows * outs.length];
        Blas.gemm(false, false, rows, outs.length, cols.length, 1, Ref.of(fm), cols.length, Ref.of(kaM.a), outs.length, 0, Ref.of(y), outs.length);
        if (g.gated()) {
          int dh = g.hidden();
          Mat pw = pw1.selectRows(cols);
          double[] h = new double[rows * dh];
          Blas.gemm(false, false, rows, dh, cols.length, 1, Ref.of(fm), cols.length, Ref.of(pw.a), dh, 0, Ref.of(h), dh);
          for (int i = 0; i < h.length; i++) h[i] = g.act().apply(h[i], g.slope());
          Mat om = omega.selectCols(outs);
          Blas.gemm(false, false, rows, outs.length, dh, 1, Ref.of(h), dh, Ref.of(om.a), outs.length, 1, Ref.of(y), outs.length);
        }
        for (int r = 0; r < rows; r++) for (int o = 0; o < outs.length; o++) out[r * rOut + outs[o]] = y[r * outs.length + o];
      } else if (s instanceof AttentionSection a) {
        attention(a, fm, n, cols, outs, out, rOut);
      } else {
        double[] xp = new double[rows * s.inWidth()];
        Mat ci = cInv.selectRows(cols);
        Blas.gemm(false, false, rows, s.inWidth(), cols.length, 1, Ref.of(fm), cols.length, Ref.of(ci.a), s.inWidth(), 0, Ref.of(xp), s.inWidth());
        double[] y = new double[n * s.outSize()];
        s.forward(xp, n, y);
        Mat cn = cNext.selectCols(outs);
        int rowsOut = n * s.outPositions();
        double[] proj = new double[rowsOut * outs.length];
        Blas.gemm(false, false, rowsOut, outs.length, s.outWidth(), 1, Ref.of(y), s.outWidth(), Ref.of(cn.a), outs.length, 0, Ref.of(proj), outs.length);
        for (int r = 0; r < rowsOut; r++) for (int o = 0; o < outs.length; o++) out[r * rOut + outs[o]] = proj[r * outs.length + o];
      }
    }

    void attention(AttentionSection a, double[] fm, int n, int[] cols, int[] outs, double[] out, int rOut) {
      int pIn = a.inPositions();
      int rows = n * pIn;
      int k = cols.length;
      int heads = a.heads();
      int dh = a.dHead();
      int dv = a.dValue();
      int hd = heads * dh;
      int nt = a.outPositions();
      int t0 = a.firstOutput();
      double[] q = new double[rows * hd];
      double[] kk = new double[rows * hd];
      Mat cqM = cq.selectRows(cols);
      Mat ckM = ck.selectRows(cols);
      Blas.gemm(false, false, rows, hd, k, 1, Ref.of(fm), k, Ref.of(cqM.a), hd, 0, Ref.of(q), hd);
      Blas.gemm(false, false, rows, hd, k, 1, Ref.of(fm), k, Ref.of(ckM.a), hd, 0, Ref.of(kk), hd);
      double[] p = a.patternsOf(q, kk, n);
      // residual: f_t · Z0[cols, i]
      Mat z0M = z0.selectRows(cols).selectCols(outs);
      double[] ft = new double[n * nt * k];
      for (int b = 0; b < n; b++) for (int ti = 0; ti < nt; ti++) System.arraycopy(fm, (b * pIn + t0 + ti) * k, ft, (b * nt + ti) * k, k);
      double[] y = new double[n * nt * outs.length];
      Blas.gemm(false, false, n * nt, outs.length, k, 1, Ref.of(ft), k, Ref.of(z0M.a), outs.length, 0, Ref.of(y), outs.length);
      double[] v = new double[rows * dv];
      double[] z = new double[n * nt * dv];
      for (int h = 0; h < heads; h++) {
        Mat cvM = cv[h].selectRows(cols);
        Blas.gemm(false, false, rows, dv, k, 1, Ref.of(fm), k, Ref.of(cvM.a), dv, 0, Ref.of(v), dv);
        Arrays.fill(z, 0);
        for (int b = 0; b < n; b++) for (int ti = 0; ti < nt; ti++) {
          int po = ((b * heads + h) * nt + ti) * pIn;
          int zo = (b * nt + ti) * dv;
          for (int u = 0; u < pIn; u++) {
            double pv = p[po + u];
            if (pv == 0) continue;
            int vo = (b * pIn + u) * dv;
            for (int j = 0; j < dv; j++) z[zo + j] += pv * v[vo + j];
          }
        }
        Mat ocM = oc[h].selectCols(outs);
        Blas.gemm(false, false, n * nt, outs.length, dv, 1, Ref.of(z), dv, Ref.of(ocM.a), outs.length, 1, Ref.of(y), outs.length);
      }
      for (int r = 0; r < n * nt; r++) for (int o = 0; o < outs.length; o++) out[r * rOut + outs[o]] = y[r * outs.length + o];
    }
  }

  /** The edges of E ordered largest first, as (i, j) pairs, leaving out input column 0 when it is the constant. */
  static int[][] order(Mat e, boolean dropConst) {
    int start = dropConst ? 1 : 0;
    List<int[]> list = new ArrayList<>();
    for (int i = 0; i < e.rows; i++) for (int j = start; j < e.cols; j++) list.add(new int[] {i, j});
    list.sort((x, y) -> Double.compare(e.get(y[0], y[1]), e.get(x[0], x[1])));
    return list.toArray(new int[0][]);
  }

  /** Accuracy with the top m edges of section l kept. */
  static double score(LibModel model, int l, LayerBasis in, LayerBasis next, Folded fold, int[][] order, int m, boolean dropConst,
      Inputs data, long[] labels, int batch, ProgressTask progress) {
    int rIn = in.width();
    int rOut = next.width();
    boolean[][] mask = new boolean[rOut][rIn];
    if (dropConst) for (int i = 0; i < rOut; i++) mask[i][0] = true;
    for (int e = 0; e < m; e++) mask[order[e][0]][order[e][1]] = true;
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < rOut; i++) {
      StringBuilder key = new StringBuilder();
      for (int j = 0; j < rIn; j++) key.append(mask[i][j] ? '1' : '0');
      groups.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(i);
    }
    Section s = model.sections.get(l);
    int d = model.width(l);
    int pOut = s.outPositions();
    Scores sc = new Scores();
    for (int from = 0; from < data.count; from += batch) {
      int n = Math.min(batch, data.count - from);
      double[] x = NodeAblation.activations(model, data.rows(from, n), n, l);
      int rows = n * s.inPositions();
      double[] f = new double[rows * rIn];
      Blas.gemm(false, false, rows, rIn, d, 1, Ref.of(x), d, Ref.of(in.c().a), rIn, 0, Ref.of(f), rIn);
      double[] fNext = new double[n * pOut * rOut];
      for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
        String key = g.getKey();
        int[] cols = new int[(int) key.chars().filter(c -> c == '1').count()];
        int ci = 0;
        for (int j = 0; j < rIn; j++) if (key.charAt(j) == '1') cols[ci++] = j;
        int[] outs = g.getValue().stream().mapToInt(Integer::intValue).toArray();
        if (cols.length == 0) continue;     // nothing reaches these outputs: their features are 0
        fold.run(f, n, rIn, cols, outs, fNext, rOut);
      }
      int dNext = model.width(l + 1);
      double[] xNext;
      if (next.identity()) {
        xNext = fNext;
      } else {
        xNext = new double[n * pOut * dNext];
        Blas.gemm(false, false, n * pOut, dNext, rOut, 1, Ref.of(fNext), rOut, Ref.of(next.cInv().a), dNext, 0, Ref.of(xNext), dNext);
      }
      sc.add(model.logitsFrom(l + 1, xNext, n), n, model.outputPositions(), model.outputWidth(), labels, from);
      if (progress != null) progress.stepTo(progress.current());     // polls Ctrl-C
    }
    return sc.accuracy();
  }

  /** Bisection for the pair (l, l + 1): the fewest edges with accuracy at least base − tolerance. */
  public static Result bisect(LibModel model, int l, LayerBasis in, LayerBasis next, Mat e, Inputs data, long[] labels, double tolerance,
      double base, int batch, ProgressTask progress) {
    boolean dropConst = in.constFirst();
    int[][] order = order(e, dropConst);
    Folded fold = new Folded(model.sections.get(l), in.cInv(), next.c());
    int total = order.length;
    List<int[]> tries = new ArrayList<>();
    List<Double> accs = new ArrayList<>();
    int lo = -1;
    int hi = total;
    double accHi = score(model, l, in, next, fold, order, total, dropConst, data, labels, batch, progress);
    tries.add(new int[] {total});
    accs.add(accHi);
    if (progress != null) progress.step();
    if (accHi < base - tolerance) {
      return new Result(model.layers.get(l) + "->" + model.layers.get(l + 1), total, total, accHi, base, tries, accs);
    }
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      double acc = score(model, l, in, next, fold, order, mid, dropConst, data, labels, batch, progress);
      tries.add(new int[] {mid});
      accs.add(acc);
      if (progress != null) progress.step();
      if (acc >= base - tolerance) {
        hi = mid;
        accHi = acc;
      } else {
        lo = mid;
      }
    }
    return new Result(model.layers.get(l) + "->" + model.layers.get(l + 1), hi, total, accHi, base, tries, accs);
  }

  /** The unablated accuracy. */
  public static double base(LibModel model, Inputs data, long[] labels, int batch) {
    Scores sc = new Scores();
    for (int from = 0; from < data.count; from += batch) {
      int n = Math.min(batch, data.count - from);
      double[] x = model.prefix.apply(data.rows(from, n), n);
      sc.add(model.logitsFrom(0, x, n), n, model.outputPositions(), model.outputWidth(), labels, from);
    }
    return sc.accuracy();
  }
}
