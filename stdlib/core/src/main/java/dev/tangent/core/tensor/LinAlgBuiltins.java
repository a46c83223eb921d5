package dev.tangent.core.tensor;

import dev.tangent.spi.Builtin;
import dev.tangent.spi.ModuleBuilder;

/**
 * Linear algebra as top-level functions (numpy.linalg's names). Matrices under about 96 x 96 use
 * EJML; larger ones, or any on device "cpu", use LAPACK from the tangent-tensor back-end.
 */
final class LinAlgBuiltins {
  private LinAlgBuiltins() {}

  static void define(ModuleBuilder m) {
    m.functions(
        Builtin.of("inv(A)", "The inverse of a square matrix; an error if it is singular.", a -> LinAlg.inv(TensorBuiltins.tensorArg(a, 0))),
        Builtin.of("det(A)", "The determinant of a square matrix.", a -> LinAlg.det(TensorBuiltins.tensorArg(a, 0))),
        Builtin.of("solve(A, b)", "The x with A x = b (b a vector or a matrix of right-hand sides).",
            a -> LinAlg.solve(TensorBuiltins.tensorArg(a, 0), TensorBuiltins.tensorArg(a, 1))),
        Builtin.of("svd(A)", "The thin SVD (U, S, Vt) with A = U diag(S) Vt, singular values descending. "
            + "Unlike numpy, U and Vt are always the reduced (thin) factors.", a -> LinAlg.svd(TensorBuiltins.tensorArg(a, 0))),
        Builtin.of("eigh(A)", "(w, V) of a symmetric matrix: eigenvalues ascending and orthonormal eigenvectors as columns (A V = V diag(w)).",
            a -> LinAlg.eigh(TensorBuiltins.tensorArg(a, 0))),
        Builtin.of("eig(A)", "(w_re, w_im, V_re, V_im) of a general square matrix: eigenvalues and unit eigenvectors (columns) "
            + "split into real and imaginary parts, since Tangent has no complex numbers.", a -> LinAlg.eig(TensorBuiltins.tensorArg(a, 0))),
        Builtin.of("qr(A)", "The reduced QR factorisation (Q, R): Q has orthonormal columns, R is upper triangular.",
            a -> LinAlg.qr(TensorBuiltins.tensorArg(a, 0))),
        Builtin.of("cholesky(A)", "The lower-triangular L with L L^T = A, for a symmetric positive-definite A.",
            a -> LinAlg.cholesky(TensorBuiltins.tensorArg(a, 0))),
        Builtin.of("pinv(A, rtol=nil)", "The Moore-Penrose pseudo-inverse; singular values below rtol * max(S) count as zero "
            + "(default max(m, n) * machine epsilon).", a -> LinAlg.pinv(TensorBuiltins.tensorArg(a, 0), a.present(1) ? a.num(1) : null)),
        Builtin.of("lstsq(A, b, rcond=nil)", "Least squares, as numpy: (x, residuals, rank, S) minimising |A x - b|.",
            a -> LinAlg.lstsq(TensorBuiltins.tensorArg(a, 0), TensorBuiltins.tensorArg(a, 1), a.present(2) ? a.num(2) : null)));
  }
}
