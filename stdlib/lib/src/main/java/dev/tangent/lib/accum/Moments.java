package dev.tangent.lib.accum;

import dev.tangent.lib.basis.LayerMoments;
import dev.tangent.lib.linalg.Blas;
import dev.tangent.lib.linalg.Mat;

/**
 * Mean and centred second moment of activation vectors, accumulated batch by batch and
 * mergeable (Chan et al.'s pairwise update): each batch is centred on its own mean, so the
 * result is as accurate as a two-pass computation and shards combine exactly.
 */
public final class Moments {
  public final int dim;
  private double count;
  private final double[] mean;
  /** Σ (x - mean)ᵀ (x - mean), d x d. */
  private final double[] m2;

  public Moments(int dim) {
    this.dim = dim;
    this.mean = new double[dim];
    this.m2 = new double[Math.multiplyExact(dim, dim)];
  }

  public Moments(int dim, double count, double[] mean, double[] m2) {
    this.dim = dim;
    this.count = count;
    this.mean = mean;
    this.m2 = m2;
  }

  public double count() { return count; }

  public double[] mean() { return mean; }

  public double[] m2() { return m2; }

  /** Adds rows vectors of length dim stored in x from offset off. */
  public void addRows(double[] x, int off, int rows) {
    if (rows == 0) return;
    double[] bm = new double[dim];
    for (int r = 0; r < rows; r++) {
      int o = off + r * dim;
      for (int j = 0; j < dim; j++) bm[j] += x[o + j];
    }
    for (int j = 0; j < dim; j++) bm[j] /= rows;
    double[] c = new double[rows * dim];
    for (int r = 0; r < rows; r++) {
      int o = off + r * dim;
      for (int j = 0; j < dim; j++) c[r * dim + j] = x[o + j] - bm[j];
    }
    double[] bm2 = new double[dim * dim];
    Blas.syrkRows(dim, rows, 1, Blas.Ref.of(c), dim, 0, Blas.Ref.of(bm2), dim);
    merge(rows, bm, bm2);
  }

  public void merge(Moments o) {
    if (o.dim != dim) throw new IllegalArgumentException("moments of width " + o.dim + " and " + dim);
    merge(o.count, o.mean, o.m2);
  }

  private void merge(double nb, double[] mb, double[] m2b) {
    if (nb == 0) return;
    double na = count;
    double n = na + nb;
    double f = na * nb / n;
    double[] delta = new double[dim];
    for (int j = 0; j < dim; j++) delta[j] = mb[j] - mean[j];
    for (int i = 0; i < dim; i++) {
      for (int j = 0; j < dim; j++) m2[i * dim + j] += m2b[i * dim + j] + f * delta[i] * delta[j];
    }
    for (int j = 0; j < dim; j++) mean[j] += delta[j] * nb / n;
    count = n;
  }

  /**
   * The layer's Gram as rib defines it: centred, [[Cov, 0], [0, 1]] with the bias coordinate
   * (the last, constant 1) split off, when centre; E[xᵀx] otherwise.
   */
  public LayerMoments layerMoments(boolean centre, boolean hasConst) {
    if (count == 0) throw new IllegalStateException("no activations were accumulated");
    Mat g = new Mat(dim, dim, m2.clone()).scale(1 / count);
    double[] mu = mean.clone();
    if (centre) {
      if (!hasConst) throw new IllegalStateException("centring needs the constant coordinate");
      for (int j = 0; j < dim; j++) {
        g.set(dim - 1, j, 0);
        g.set(j, dim - 1, 0);
      }
      g.set(dim - 1, dim - 1, 1);
      mu[dim - 1] = 1;
    } else {
      for (int i = 0; i < dim; i++) for (int j = 0; j < dim; j++) g.a[i * dim + j] += mean[i] * mean[j];
    }
    return new LayerMoments(mu, g.symmetrize(), centre, hasConst, count);
  }
}
