package dev.tangent.lie.kernel;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Small row-major matrix kernels on arrays with offsets. Outputs come last and must not alias
 * inputs unless a kernel says otherwise. The 3x3 block kernels take a leading dimension (the row
 * stride) so they can read and write blocks inside larger Jacobians.
 */
public final class Mat {
  private Mat() {}

  public static void identity(double[] m, int mo, int n) {
    java.util.Arrays.fill(m, mo, mo + n * n, 0);
    for (int i = 0; i < n; i++) m[mo + i * n + i] = 1;
  }

  public static void zero(double[] m, int mo, int len) {
    java.util.Arrays.fill(m, mo, mo + len, 0);
  }

  public static void scale(double[] m, int mo, int len, double s) {
    for (int i = 0; i < len; i++) m[mo + i] *= s;
  }

  /** c = a (r x k) * b (k x c). */
  public static void mul(double[] a, int ao, double[] b, int bo, double[] c, int co, int r, int k, int cols) {
    if (k == 3) {   // written out: at this size the loops cost more than the arithmetic (same sums)
      for (int i = 0; i < r; i++) {
        double a0 = a[ao + i * 3];
        double a1 = a[ao + i * 3 + 1];
        double a2 = a[ao + i * 3 + 2];
        int o = co + i * cols;
        for (int j = 0; j < cols; j++) c[o + j] = a0 * b[bo + j] + a1 * b[bo + cols + j] + a2 * b[bo + 2 * cols + j];
      }
      return;
    }
    if (k == 2) {
      for (int i = 0; i < r; i++) {
        double a0 = a[ao + i * 2];
        double a1 = a[ao + i * 2 + 1];
        int o = co + i * cols;
        for (int j = 0; j < cols; j++) c[o + j] = a0 * b[bo + j] + a1 * b[bo + cols + j];
      }
      return;
    }
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < cols; j++) {
        double s = 0;
        for (int l = 0; l < k; l++) s += a[ao + i * k + l] * b[bo + l * cols + j];
        c[co + i * cols + j] = s;
      }
    }
  }

  /** c = a^T where a is r x cols. */
  public static void transpose(double[] a, int ao, double[] c, int co, int r, int cols) {
    for (int i = 0; i < r; i++) for (int j = 0; j < cols; j++) c[co + j * r + i] = a[ao + i * cols + j];
  }

  /** Inverts an n x n matrix in place (LU with pivoting, through EJML). */
  public static void invertInPlace(double[] m, int mo, int n) {
    DMatrixRMaj a = new DMatrixRMaj(n, n);
    System.arraycopy(m, mo, a.data, 0, n * n);
    if (!CommonOps_DDRM.invert(a)) throw new ArithmeticException("singular matrix");
    System.arraycopy(a.data, 0, m, mo, n * n);
  }

  /** out = a b - b a for n x n matrices at offset 0. */
  static void commutator(double[] a, double[] b, double[] out, int n) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int l = 0; l < n; l++) s += a[i * n + l] * b[l * n + j] - b[i * n + l] * a[l * n + j];
        out[i * n + j] = s;
      }
    }
  }

  /** Copies an r x c block between matrices with row strides lds and ldd. */
  public static void copyBlock(double[] s, int so, int lds, double[] d, int dOff, int ldd, int r, int c) {
    for (int i = 0; i < r; i++) System.arraycopy(s, so + i * lds, d, dOff + i * ldd, c);
  }

  // ------------------------------------------------------------------ 3x3 blocks with strides

  /** Writes s * I into a 3x3 block. */
  public static void diag3(double s, double[] d, int o, int ld) {
    for (int i = 0; i < 3; i++) {
      d[o + i * ld] = i == 0 ? s : 0;
      d[o + i * ld + 1] = i == 1 ? s : 0;
      d[o + i * ld + 2] = i == 2 ? s : 0;
    }
  }

  public static void zero3(double[] d, int o, int ld) {
    diag3(0, d, o, ld);
  }

  /** Writes s [v]x into a 3x3 block. */
  public static void skew3(double vx, double vy, double vz, double s, double[] d, int o, int ld) {
    d[o] = 0;
    d[o + 1] = -s * vz;
    d[o + 2] = s * vy;
    d[o + ld] = s * vz;
    d[o + ld + 1] = 0;
    d[o + ld + 2] = -s * vx;
    d[o + 2 * ld] = -s * vy;
    d[o + 2 * ld + 1] = s * vx;
    d[o + 2 * ld + 2] = 0;
  }

  /** c = s * a b for 3x3 blocks (c must not overlap a or b). */
  public static void mul3(double[] a, int ao, int lda, double[] b, int bo, int ldb, double s,
      double[] c, int co, int ldc) {
    for (int i = 0; i < 3; i++) {
      double a0 = a[ao + i * lda];
      double a1 = a[ao + i * lda + 1];
      double a2 = a[ao + i * lda + 2];
      for (int j = 0; j < 3; j++) {
        c[co + i * ldc + j] = s * (a0 * b[bo + j] + a1 * b[bo + ldb + j] + a2 * b[bo + 2 * ldb + j]);
      }
    }
  }

  /** c = s * [v]x a for a 3x3 block a (c must not overlap a): row i of c is s (v x column). */
  public static void skewMul3(double vx, double vy, double vz, double[] a, int ao, int lda, double s,
      double[] c, int co, int ldc) {
    for (int j = 0; j < 3; j++) {
      double x = a[ao + j];
      double y = a[ao + lda + j];
      double z = a[ao + 2 * lda + j];
      c[co + j] = s * (vy * z - vz * y);
      c[co + ldc + j] = s * (vz * x - vx * z);
      c[co + 2 * ldc + j] = s * (vx * y - vy * x);
    }
  }

  /** c = s * a [v]x for a 3x3 block a (c must not overlap a): row i of c is s (row_i(a) x v). */
  public static void mulSkew3(double[] a, int ao, int lda, double vx, double vy, double vz, double s,
      double[] c, int co, int ldc) {
    for (int i = 0; i < 3; i++) {
      double x = a[ao + i * lda];
      double y = a[ao + i * lda + 1];
      double z = a[ao + i * lda + 2];
      c[co + i * ldc] = s * (y * vz - z * vy);
      c[co + i * ldc + 1] = s * (z * vx - x * vz);
      c[co + i * ldc + 2] = s * (x * vy - y * vx);
    }
  }

  /** Copies a 3x3 block, optionally scaled. */
  public static void copy3(double[] a, int ao, int lda, double s, double[] c, int co, int ldc) {
    for (int i = 0; i < 3; i++) {
      c[co + i * ldc] = s * a[ao + i * lda];
      c[co + i * ldc + 1] = s * a[ao + i * lda + 1];
      c[co + i * ldc + 2] = s * a[ao + i * lda + 2];
    }
  }

  /** Writes the transpose of a 3x3 block, scaled. */
  public static void transpose3(double[] a, int ao, int lda, double s, double[] c, int co, int ldc) {
    for (int i = 0; i < 3; i++) {
      c[co + i * ldc] = s * a[ao + i];
      c[co + i * ldc + 1] = s * a[ao + lda + i];
      c[co + i * ldc + 2] = s * a[ao + 2 * lda + i];
    }
  }
}
