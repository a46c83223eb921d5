package dev.tangent.lib.accum;

import dev.tangent.lib.linalg.Blas;
import dev.tangent.lib.linalg.Mat;

/**
 * Statistics of the gates m = Σ_a w_a act'(α_a x W1) of a gated linear section: their sum and
 * the sum of their outer products (co-activations), over count activation vectors. They do not
 * depend on any basis, so one pass over the data gives M′ of every such section for whatever
 * C of the next layer (see GatedLinearMath).
 */
public final class GateStats {
  public final int hidden;
  public final double[] s1;
  public final Mat s2;
  private double count;

  public GateStats(int hidden) {
    this.hidden = hidden;
    this.s1 = new double[hidden];
    this.s2 = Mat.zeros(hidden, hidden);
  }

  public GateStats(double[] s1, Mat s2, double count) {
    this.hidden = s1.length;
    this.s1 = s1;
    this.s2 = s2;
    this.count = count;
  }

  /** Adds rows gate vectors stored in m. */
  public void add(double[] m, int rows) {
    for (int r = 0; r < rows; r++) for (int j = 0; j < hidden; j++) s1[j] += m[r * hidden + j];
    Blas.syrkRows(hidden, rows, 1, Blas.Ref.of(m), hidden, 1, Blas.Ref.of(s2.a), hidden);
    count += rows;
  }

  public double count() { return count; }

  public void merge(GateStats o) {
    for (int j = 0; j < hidden; j++) s1[j] += o.s1[j];
    s2.addScaled(o.s2, 1);
    count += o.count;
  }
}
