package dev.tangent.core.tensor;

import dev.tangent.spi.BinOp;

/**
 * Fast paths for small f64 tensors in Java arrays: the 2x3 and 3x3 matrices of filters and
 * Jacobians, where the general paths (broadcasting, gathers, dtype promotion, device placement)
 * cost far more than the arithmetic. Each method computes exactly what the general path computes,
 * in the same order, or returns null where it does not apply, so callers fall through.
 */
final class SmallTensors {
  private SmallTensors() {}

  /** Up to this many elements per operand. */
  static final int MAX = 1024;

  /** The values of a small f64 tensor in a Java array, or null. */
  static double[] f64(Tensor t) {
    return t.storage instanceof HeapStorage h && h.dtype() == DType.F64 && h.size() <= MAX ? (double[]) h.heapArray() : null;
  }

  /**
   * a @ b for vectors and matrices. Each element sums its products in order (as javaMatmul does),
   * with inner sizes 2 and 3 written out: the loops of a general kernel cost more than the
   * arithmetic at these sizes.
   */
  static Object product(Tensor a, Tensor b) {
    int na = a.ndim();
    int nb = b.ndim();
    if (na < 1 || na > 2 || nb < 1 || nb > 2) return null;
    double[] x = f64(a);
    double[] y = f64(b);
    if (x == null || y == null) return null;
    int m = na == 2 ? a.shape[0] : 1;
    int k = a.shape[na - 1];
    int n = nb == 2 ? b.shape[1] : 1;
    if (b.shape[0] != k) return null;
    double[] z = new double[m * n];
    multiply(x, y, z, m, k, n);
    if (na == 1 && nb == 1) return z[0];
    int[] shape = na == 2 && nb == 2 ? new int[] {m, n} : na == 2 ? new int[] {m} : new int[] {n};
    return new Tensor(shape, z);
  }

  /** z = x y for x m x k and y k x n, row-major, z zeroed. */
  static void multiply(double[] x, double[] y, double[] z, int m, int k, int n) {
    if (k == 3) {
      for (int i = 0; i < m; i++) {
        double x0 = x[i * 3];
        double x1 = x[i * 3 + 1];
        double x2 = x[i * 3 + 2];
        int o = i * n;
        for (int j = 0; j < n; j++) z[o + j] = x0 * y[j] + x1 * y[n + j] + x2 * y[2 * n + j];
      }
    } else if (k == 2) {
      for (int i = 0; i < m; i++) {
        double x0 = x[i * 2];
        double x1 = x[i * 2 + 1];
        int o = i * n;
        for (int j = 0; j < n; j++) z[o + j] = x0 * y[j] + x1 * y[n + j];
      }
    } else {
      for (int i = 0; i < m; i++) {
        for (int p = 0; p < k; p++) {
          double v = x[i * k + p];
          int row = p * n;
          int orow = i * n;
          for (int j = 0; j < n; j++) z[orow + j] += v * y[row + j];
        }
      }
    }
  }

  /** a op b for + - * / on two small f64 tensors of the same shape. */
  static Tensor elementwise(BinOp op, Tensor a, Tensor b) {
    if (op != BinOp.ADD && op != BinOp.SUB && op != BinOp.MUL && op != BinOp.DIV) return null;
    if (!sameShape(a.shape, b.shape)) return null;
    double[] x = f64(a);
    double[] y = f64(b);
    if (x == null || y == null) return null;
    double[] z = new double[x.length];
    switch (op) {
      case ADD: for (int i = 0; i < z.length; i++) z[i] = x[i] + y[i]; break;
      case SUB: for (int i = 0; i < z.length; i++) z[i] = x[i] - y[i]; break;
      case MUL: for (int i = 0; i < z.length; i++) z[i] = x[i] * y[i]; break;
      default: for (int i = 0; i < z.length; i++) z[i] = x[i] / y[i]; break;
    }
    return new Tensor(a.shape.clone(), z);
  }

  /** Arrays.equals without its call into the vectorised mismatch, for shapes of a few ints. */
  private static boolean sameShape(int[] s, int[] t) {
    if (s.length != t.length) return false;
    for (int i = 0; i < s.length; i++) if (s[i] != t[i]) return false;
    return true;
  }

  /** The transpose of a small f64 matrix. */
  static Tensor transpose(Tensor t) {
    if (t.ndim() != 2) return null;
    double[] x = f64(t);
    if (x == null) return null;
    int r = t.shape[0];
    int c = t.shape[1];
    double[] z = new double[x.length];
    for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) z[j * r + i] = x[i * c + j];
    return new Tensor(new int[] {c, r}, z);
  }

  /**
   * t[i], t[i, j], ...: integer subscripts in range on the leading axes of an f64 tensor in a Java
   * array (of any size), when what they pick is small.
   */
  static Object index(Tensor t, Object[] subs) {
    int nd = t.ndim();
    if (subs.length == 0 || subs.length > nd) return null;
    if (t.dtype != DType.F64 || !(t.storage.heapArray() instanceof double[] x)) return null;   // materialises a lazy result
    int off = 0;
    int stride = x.length;
    for (int a = 0; a < subs.length; a++) {
      if (!(subs[a] instanceof Double d)) return null;
      int len = t.shape[a];
      double v = d;
      if (v != Math.rint(v) || v < -len || v >= len) return null;
      int i = (int) v;
      if (i < 0) i += len;
      stride /= len;
      off += i * stride;
    }
    if (subs.length == nd) return x[off];
    if (stride > MAX) return null;
    int[] shape = java.util.Arrays.copyOfRange(t.shape, subs.length, nd);
    return new Tensor(shape, java.util.Arrays.copyOfRange(x, off, off + stride));
  }
}
