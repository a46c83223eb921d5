package dev.tangent.lib.linalg;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;

/**
 * Row-major f64 gemm and syrk on OpenBLAS (the library that ships with ND4J). Operands are heap
 * arrays or native buffers; heap operands travel through a per-thread native scratch copy, which
 * costs O(size) against the O(n³) product, so only the big per-chunk matrices need to be native.
 */
public final class Blas {
  private Blas() {}

  /** An operand: a heap array or a native buffer, and the offset of its first element. */
  public record Ref(double[] heap, NBuf nat, long off) {
    public static Ref of(double[] a) { return new Ref(a, null, 0); }
    public static Ref of(double[] a, int off) { return new Ref(a, null, off); }
    public static Ref of(NBuf b) { return new Ref(null, b, 0); }
    public static Ref of(NBuf b, long off) { return new Ref(null, b, off); }
  }

  private static final ThreadLocal<DoublePointer[]> SCRATCH = ThreadLocal.withInitial(() -> new DoublePointer[3]);

  /** A native pointer to the operand; heap operands are copied into scratch slot {@code slot}. */
  private static DoublePointer pointer(Ref r, long len, int slot, boolean copyIn) {
    if (r.nat != null) {
      if (r.off + len > r.nat.size) throw new IndexOutOfBoundsException("operand of " + len + " at " + r.off + " exceeds " + r.nat.size);
      return r.nat.at(r.off);
    }
    if (r.off + len > r.heap.length) throw new IndexOutOfBoundsException("operand of " + len + " at " + r.off + " exceeds " + r.heap.length);
    DoublePointer[] s = SCRATCH.get();
    if (s[slot] == null || s[slot].capacity() < len) {
      if (s[slot] != null) s[slot].close();
      s[slot] = new DoublePointer(Math.max(len, 1024));
    }
    DoublePointer p = new DoublePointer(s[slot]).position(0);
    if (copyIn) p.put(r.heap, (int) r.off, (int) len);
    return p;
  }

  private static void copyOut(Ref r, DoublePointer p, long len) {
    if (r.heap != null) p.position(0).get(r.heap, (int) r.off, (int) len);
  }

  private static long extent(int rows, int cols, int ld) {
    return rows == 0 || cols == 0 ? 0 : (long) (rows - 1) * ld + cols;
  }

  /** C = alpha op(A) op(B) + beta C, row-major; op(A) is m x k, op(B) k x n, C m x n. */
  public static void gemm(boolean ta, boolean tb, int m, int n, int k, double alpha, Ref a, int lda, Ref b, int ldb,
      double beta, Ref c, int ldc) {
    if (m == 0 || n == 0) return;
    long la = ta ? extent(k, m, lda) : extent(m, k, lda);
    long lb = tb ? extent(n, k, ldb) : extent(k, n, ldb);
    long lc = extent(m, n, ldc);
    if (k == 0) {
      DoublePointer pc = pointer(c, lc, 2, true);
      // beta C only: a product with an empty inner dimension.
      for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) {
        long at = (long) i * ldc + j;
        pc.put(at, beta == 0 ? 0 : beta * pc.get(at));
      }
      copyOut(c, pc, lc);
      return;
    }
    DoublePointer pa = pointer(a, la, 0, true);
    DoublePointer pb = pointer(b, lb, 1, true);
    // Copied in even when beta is 0: with ldc > n the copy back covers the gaps between rows.
    DoublePointer pc = pointer(c, lc, 2, beta != 0 || ldc != n);
    openblas.cblas_dgemm(openblas.CblasRowMajor, ta ? openblas.CblasTrans : openblas.CblasNoTrans,
        tb ? openblas.CblasTrans : openblas.CblasNoTrans, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
    copyOut(c, pc, lc);
  }

  /**
   * C = alpha AᵀA + beta C for A with k rows and n columns (trans) — the sum of the rows' outer
   * products — written to both triangles of the n x n matrix C.
   */
  public static void syrkRows(int n, int k, double alpha, Ref a, int lda, double beta, Ref c, int ldc) {
    if (n == 0) return;
    if (k == 0) {
      if (beta != 1) gemm(false, false, n, n, 0, 0, a, lda, a, lda, beta, c, ldc);
      return;
    }
    long la = extent(k, n, lda);
    long lc = extent(n, n, ldc);
    DoublePointer pa = pointer(a, la, 0, true);
    DoublePointer pc = pointer(c, lc, 2, true);
    openblas.cblas_dsyrk(openblas.CblasRowMajor, openblas.CblasUpper, openblas.CblasTrans, n, k, alpha, pa, lda, beta, pc, ldc);
    for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) pc.put((long) j * ldc + i, pc.get((long) i * ldc + j));
    copyOut(c, pc, lc);
  }

  /** op(A) op(B) as a new heap matrix. */
  public static Mat mul(Mat a, boolean ta, Mat b, boolean tb) {
    int m = ta ? a.cols : a.rows;
    int k = ta ? a.rows : a.cols;
    int k2 = tb ? b.cols : b.rows;
    int n = tb ? b.rows : b.cols;
    if (k != k2) throw new IllegalArgumentException("inner dimensions differ: " + k + " and " + k2);
    Mat c = Mat.zeros(m, n);
    if (m == 0 || n == 0) return c;
    if ((long) m * n * k < 4096) {
      // Tiny products (tests, 3x3 blocks): loops beat a JNI round trip.
      for (int i = 0; i < m; i++) for (int p = 0; p < k; p++) {
        double v = ta ? a.a[p * a.cols + i] : a.a[i * a.cols + p];
        if (v == 0) continue;
        for (int j = 0; j < n; j++) c.a[i * n + j] += v * (tb ? b.a[j * b.cols + p] : b.a[p * b.cols + j]);
      }
      return c;
    }
    gemm(ta, tb, m, n, k, 1, Ref.of(a.a), a.cols, Ref.of(b.a), b.cols, 0, Ref.of(c.a), n);
    return c;
  }

  /** AᵀA for a heap matrix A (rows are samples). */
  public static Mat gramOfRows(Mat a) {
    Mat c = Mat.zeros(a.cols, a.cols);
    syrkRows(a.cols, a.rows, 1, Ref.of(a.a), a.cols, 0, Ref.of(c.a), a.cols);
    return c;
  }
}
