package dev.tangent.lib.linalg;

import java.util.Arrays;

/**
 * A dense row-major f64 matrix on the Java heap: the bases, Grams and accumulators of LIB. Products
 * go to OpenBLAS through {@link Blas}; everything else is plain loops.
 */
public final class Mat {
  public final int rows;
  public final int cols;
  public final double[] a;

  public Mat(int rows, int cols, double[] a) {
    if ((long) rows * cols != a.length) throw new IllegalArgumentException(rows + "x" + cols + " needs " + (long) rows * cols + " values, got " + a.length);
    this.rows = rows;
    this.cols = cols;
    this.a = a;
  }

  public static Mat zeros(int rows, int cols) {
    return new Mat(rows, cols, new double[Math.multiplyExact(rows, cols)]);
  }

  public static Mat identity(int n) {
    Mat m = zeros(n, n);
    for (int i = 0; i < n; i++) m.a[i * n + i] = 1;
    return m;
  }

  public static Mat of(double[][] rowsData) {
    int r = rowsData.length;
    int c = r == 0 ? 0 : rowsData[0].length;
    Mat m = zeros(r, c);
    for (int i = 0; i < r; i++) System.arraycopy(rowsData[i], 0, m.a, i * c, c);
    return m;
  }

  public static Mat diag(double[] v) {
    Mat m = zeros(v.length, v.length);
    for (int i = 0; i < v.length; i++) m.a[i * v.length + i] = v[i];
    return m;
  }

  public double get(int i, int j) { return a[i * cols + j]; }

  public void set(int i, int j, double v) { a[i * cols + j] = v; }

  public Mat copy() { return new Mat(rows, cols, a.clone()); }

  public Mat t() {
    Mat out = zeros(cols, rows);
    for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) out.a[j * rows + i] = a[i * cols + j];
    return out;
  }

  /** this @ b */
  public Mat mul(Mat b) { return Blas.mul(this, false, b, false); }

  /** thisᵀ @ b */
  public Mat tmul(Mat b) { return Blas.mul(this, true, b, false); }

  /** this @ bᵀ */
  public Mat mulT(Mat b) { return Blas.mul(this, false, b, true); }

  public Mat plus(Mat b) {
    same(b);
    Mat out = copy();
    for (int i = 0; i < a.length; i++) out.a[i] += b.a[i];
    return out;
  }

  public Mat minus(Mat b) {
    same(b);
    Mat out = copy();
    for (int i = 0; i < a.length; i++) out.a[i] -= b.a[i];
    return out;
  }

  public Mat scale(double s) {
    Mat out = copy();
    for (int i = 0; i < a.length; i++) out.a[i] *= s;
    return out;
  }

  /** In place: this += s * b. */
  public void addScaled(Mat b, double s) {
    same(b);
    for (int i = 0; i < a.length; i++) a[i] += s * b.a[i];
  }

  /** this @ diag(v) */
  public Mat scaleCols(double[] v) {
    if (v.length != cols) throw new IllegalArgumentException("scaleCols: " + v.length + " != " + cols);
    Mat out = copy();
    for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) out.a[i * cols + j] *= v[j];
    return out;
  }

  /** diag(v) @ this */
  public Mat scaleRows(double[] v) {
    if (v.length != rows) throw new IllegalArgumentException("scaleRows: " + v.length + " != " + rows);
    Mat out = copy();
    for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) out.a[i * cols + j] *= v[i];
    return out;
  }

  public Mat selectCols(int[] idx) {
    Mat out = zeros(rows, idx.length);
    for (int i = 0; i < rows; i++) for (int k = 0; k < idx.length; k++) out.a[i * idx.length + k] = a[i * cols + idx[k]];
    return out;
  }

  public Mat selectRows(int[] idx) {
    Mat out = zeros(idx.length, cols);
    for (int k = 0; k < idx.length; k++) System.arraycopy(a, idx[k] * cols, out.a, k * cols, cols);
    return out;
  }

  /** Rows r0 until r1 and columns c0 until c1. */
  public Mat block(int r0, int r1, int c0, int c1) {
    Mat out = zeros(r1 - r0, c1 - c0);
    for (int i = r0; i < r1; i++) System.arraycopy(a, i * cols + c0, out.a, (i - r0) * out.cols, out.cols);
    return out;
  }

  public Mat firstCols(int k) { return block(0, rows, 0, k); }

  public Mat firstRows(int k) { return block(0, k, 0, cols); }

  public double[] row(int i) { return Arrays.copyOfRange(a, i * cols, (i + 1) * cols); }

  public double[] col(int j) {
    double[] out = new double[rows];
    for (int i = 0; i < rows; i++) out[i] = a[i * cols + j];
    return out;
  }

  public double[] diagonal() {
    int n = Math.min(rows, cols);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) out[i] = a[i * cols + i];
    return out;
  }

  /** (this + thisᵀ) / 2, in place; returns this. */
  public Mat symmetrize() {
    if (rows != cols) throw new IllegalArgumentException("symmetrize needs a square matrix");
    for (int i = 0; i < rows; i++) {
      for (int j = i + 1; j < cols; j++) {
        double v = 0.5 * (a[i * cols + j] + a[j * cols + i]);
        a[i * cols + j] = v;
        a[j * cols + i] = v;
      }
    }
    return this;
  }

  public double maxAbs() {
    double m = 0;
    for (double v : a) m = Math.max(m, Math.abs(v));
    return m;
  }

  public double frobenius() {
    double s = 0;
    for (double v : a) s += v * v;
    return Math.sqrt(s);
  }

  private void same(Mat b) {
    if (b.rows != rows || b.cols != cols) {
      throw new IllegalArgumentException("shapes " + rows + "x" + cols + " and " + b.rows + "x" + b.cols + " differ");
    }
  }

  @Override public String toString() { return "Mat(" + rows + "x" + cols + ")"; }
}
