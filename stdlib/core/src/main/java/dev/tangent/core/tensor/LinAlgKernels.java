package dev.tangent.core.tensor;

/**
 * Dense decompositions on row-major double arrays. The core implements them with EJML; the
 * tangent-tensor module with LAPACK. Each returns null where the matrix is singular or not
 * positive definite, and the caller reports it.
 */
public interface LinAlgKernels {
  /** Eigenvalues ascending and the eigenvectors as the columns of an n x n matrix: {w, V}. */
  double[][] eigh(double[] a, int n);

  /** Thin SVD of an m x n matrix, k = min(m, n): {U (m x k), s (k, descending), Vt (k x n)}. */
  double[][] svd(double[] a, int m, int n);

  /** Reduced QR, k = min(m, n): {Q (m x k), R (k x n)}. */
  double[][] qr(double[] a, int m, int n);

  /** The lower Cholesky factor, or null when a is not positive definite. */
  double[] cholesky(double[] a, int n);

  /** x with a x = b for nrhs right-hand sides stored as an n x nrhs matrix; null when singular. */
  double[] solve(double[] a, int n, double[] b, int nrhs);

  /** The inverse, or null when singular; a is the caller's own copy (a kernel may work in it). */
  double[] inv(double[] a, int n);

  double det(double[] a, int n);

  /** General eigenproblem: {re(w), im(w), re(V), im(V)}, eigenvectors as unit-norm columns. */
  double[][] eig(double[] a, int n);

  /** Scales a complex vector to unit norm with its largest component real (LAPACK's dgeev convention). */
  static void normalizeEigenvector(double[] re, double[] im) {
    EjmlKernels.normalize(re, im);
  }
}
