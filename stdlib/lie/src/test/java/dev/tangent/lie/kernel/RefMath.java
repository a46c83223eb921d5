package dev.tangent.lie.kernel;

/** Independent references for the tests: matrix exponential, products, inverses. */
final class RefMath {
  private RefMath() {}

  static double[] mul(double[] a, double[] b, int n) {
    double[] c = new double[n * n];
    for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
      double s = 0;
      for (int k = 0; k < n; k++) s += a[i * n + k] * b[k * n + j];
      c[i * n + j] = s;
    }
    return c;
  }

  static double[] mulVec(double[] a, double[] v, int rows, int cols) {
    double[] out = new double[rows];
    for (int i = 0; i < rows; i++) {
      double s = 0;
      for (int k = 0; k < cols; k++) s += a[i * cols + k] * v[k];
      out[i] = s;
    }
    return out;
  }

  static double[] eye(int n) {
    double[] m = new double[n * n];
    for (int i = 0; i < n; i++) m[i * n + i] = 1;
    return m;
  }

  static double[] inv(double[] a, int n) {
    double[] m = a.clone();
    Mat.invertInPlace(m, 0, n);
    return m;
  }

  /** expm by scaling and squaring of a 30-term Taylor series: independent of every kernel. */
  static double[] expm(double[] a, int n) {
    double norm = 0;
    for (double v : a) norm = Math.max(norm, Math.abs(v));
    int sq = Math.max(0, (int) Math.ceil(Math.log(norm * n + 1e-300) / Math.log(2)) + 4);
    double scale = Math.pow(2, -sq);
    double[] x = a.clone();
    for (int i = 0; i < x.length; i++) x[i] *= scale;
    double[] sum = eye(n);
    double[] term = eye(n);
    for (int k = 1; k < 30; k++) {
      term = mul(term, x, n);
      for (int i = 0; i < term.length; i++) term[i] /= k;
      for (int i = 0; i < sum.length; i++) sum[i] += term[i];
    }
    for (int s = 0; s < sq; s++) sum = mul(sum, sum, n);
    return sum;
  }

  static double[] scaled(double[] v, double s) {
    double[] o = v.clone();
    for (int i = 0; i < o.length; i++) o[i] *= s;
    return o;
  }
}
