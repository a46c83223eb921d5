package dev.tangent.lib.linalg;

import dev.tangent.spi.TangentError;
import org.bytedeco.openblas.global.openblas;

/**
 * Eigendecomposition of a symmetric matrix in f64 (LAPACK dsyevd), returned as LIB uses it:
 * absolute eigenvalues sorted descending, eigenvectors as the matching columns.
 */
public final class SymEigen {
  public final double[] values;
  public final Mat vectors;

  private SymEigen(double[] values, Mat vectors) {
    this.values = values;
    this.vectors = vectors;
  }

  public static SymEigen of(Mat s) {
    if (s.rows != s.cols) throw new IllegalArgumentException("eigendecomposition of a " + s.rows + "x" + s.cols + " matrix");
    int n = s.rows;
    if (n == 0) return new SymEigen(new double[0], Mat.zeros(0, 0));
    for (double v : s.a) {
      if (!Double.isFinite(v)) throw TangentError.runtime("the matrix to diagonalise holds NaN or infinite values (activations or Jacobians overflowed)");
    }
    double[] a = s.copy().symmetrize().a;
    double[] w = new double[n];
    // Column-major with the lower triangle, as numpy and torch call it: LIB's matrices are graded
    // (rows in order of decreasing Gram eigenvalue), and reducing them from the top keeps the tiny
    // eigenvalues at rounding level (1e-23 instead of 1e-13 on the mod-add unembed layer), which
    // decides what an absolute threshold of 1e-15 keeps. The matrix is symmetric, so the data is the
    // same in either order; the eigenvectors come back column-major.
    int info = openblas.LAPACKE_dsyevd(openblas.LAPACK_COL_MAJOR, (byte) 'V', (byte) 'L', n, a, n, w);
    if (info != 0) throw TangentError.runtime("eigendecomposition did not converge (LAPACK dsyevd info " + info + ")");
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    // Descending by absolute value; LAPACK's ascending order makes ties fall back to the larger signed value first.
    java.util.Arrays.sort(order, (x, y) -> {
      int c = Double.compare(Math.abs(w[y]), Math.abs(w[x]));
      return c != 0 ? c : Integer.compare(y, x);
    });
    double[] vals = new double[n];
    Mat vecs = Mat.zeros(n, n);
    for (int k = 0; k < n; k++) {
      int src = order[k];
      vals[k] = Math.abs(w[src]);
      for (int i = 0; i < n; i++) vecs.a[i * n + k] = a[src * n + i];
    }
    return new SymEigen(vals, vecs);
  }
}
