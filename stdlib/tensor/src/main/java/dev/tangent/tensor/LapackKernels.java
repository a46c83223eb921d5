package dev.tangent.tensor;

import static org.bytedeco.openblas.global.openblas.LAPACK_ROW_MAJOR;

import dev.tangent.core.tensor.LinAlgKernels;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;

/**
 * The decompositions on LAPACK (LAPACKE from the OpenBLAS that ships with ND4J), row-major.
 * dsyevd for eigh (about 3x faster than ND4J's own eigen API), dgesdd for the SVD with dgesvd as
 * a fallback when it does not converge.
 */
final class LapackKernels implements LinAlgKernels {
  static final LapackKernels INSTANCE = new LapackKernels();

  private static final byte V = (byte) 'V';
  private static final byte N = (byte) 'N';

  // eigh and svd work on native copies: given Java arrays, JNI copies each of them in and out
  // again, which cost about 15% of a 1024 x 1024 eigh. Each copy is freed on the way out.

  @Override public double[][] eigh(double[] a, int n) {
    try (DoublePointer v = new DoublePointer(a); DoublePointer w = new DoublePointer((long) n)) {
      int info = openblas.LAPACKE_dsyevd(LAPACK_ROW_MAJOR, V, (byte) 'U', n, v, n, w);
      if (info != 0) throw new ArithmeticException("eigh did not converge (LAPACK dsyevd info " + info + ")");
      return new double[][] {get(w, n), get(v, (long) n * n)};
    }
  }

  @Override public double[][] svd(double[] a, int m, int n) {
    int k = Math.min(m, n);
    try (DoublePointer x = new DoublePointer(a); DoublePointer s = new DoublePointer((long) k);
        DoublePointer u = new DoublePointer((long) m * k); DoublePointer vt = new DoublePointer((long) k * n)) {
      int info = openblas.LAPACKE_dgesdd(LAPACK_ROW_MAJOR, (byte) 'S', m, n, x, n, s, u, k, vt, n);
      if (info > 0) {
        x.put(a);
        try (DoublePointer superb = new DoublePointer((long) Math.max(1, k - 1))) {
          info = openblas.LAPACKE_dgesvd(LAPACK_ROW_MAJOR, (byte) 'S', (byte) 'S', m, n, x, n, s, u, k, vt, n, superb);
        }
      }
      if (info != 0) throw new ArithmeticException("svd did not converge (LAPACK info " + info + ")");
      return new double[][] {get(u, (long) m * k), get(s, k), get(vt, (long) k * n)};
    }
  }

  private static double[] get(DoublePointer p, long n) {
    double[] out = new double[Math.toIntExact(n)];
    p.position(0).get(out);
    return out;
  }

  @Override public double[][] qr(double[] a, int m, int n) {
    int k = Math.min(m, n);
    double[] f = a.clone();
    double[] tau = new double[k];
    check(openblas.LAPACKE_dgeqrf(LAPACK_ROW_MAJOR, m, n, f, n, tau), "qr (dgeqrf)");
    double[] r = new double[k * n];
    for (int i = 0; i < k; i++) for (int j = i; j < n; j++) r[i * n + j] = f[i * n + j];
    double[] q = new double[m * k];
    for (int i = 0; i < m; i++) System.arraycopy(f, i * n, q, i * k, k);
    check(openblas.LAPACKE_dorgqr(LAPACK_ROW_MAJOR, m, k, k, q, k, tau), "qr (dorgqr)");
    return new double[][] {q, r};
  }

  @Override public double[] cholesky(double[] a, int n) {
    double[] l = a.clone();
    int info = openblas.LAPACKE_dpotrf(LAPACK_ROW_MAJOR, (byte) 'L', n, l, n);
    if (info > 0) return null;
    check(info, "cholesky (dpotrf)");
    for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) l[i * n + j] = 0;
    return l;
  }

  @Override public double[] solve(double[] a, int n, double[] b, int nrhs) {
    double[] x = b.clone();
    int info = openblas.LAPACKE_dgesv(LAPACK_ROW_MAJOR, n, nrhs, a.clone(), n, new int[n], x, nrhs);
    if (info > 0) return null;
    check(info, "solve (dgesv)");
    return x;
  }

  @Override public double[] inv(double[] a, int n) {
    double[] x = a.clone();
    int[] piv = new int[n];
    int info = openblas.LAPACKE_dgetrf(LAPACK_ROW_MAJOR, n, n, x, n, piv);
    if (info > 0) return null;
    check(info, "inv (dgetrf)");
    check(openblas.LAPACKE_dgetri(LAPACK_ROW_MAJOR, n, x, n, piv), "inv (dgetri)");
    return x;
  }

  @Override public double det(double[] a, int n) {
    double[] x = a.clone();
    int[] piv = new int[n];
    int info = openblas.LAPACKE_dgetrf(LAPACK_ROW_MAJOR, n, n, x, n, piv);
    if (info > 0) return 0;
    check(info, "det (dgetrf)");
    double d = 1;
    for (int i = 0; i < n; i++) {
      d *= x[i * n + i];
      if (piv[i] != i + 1) d = -d;
    }
    return d;
  }

  @Override public double[][] eig(double[] a, int n) {
    double[] wr = new double[n];
    double[] wi = new double[n];
    double[] vr = new double[n * n];
    int info = openblas.LAPACKE_dgeev(LAPACK_ROW_MAJOR, N, V, n, a.clone(), n, wr, wi, new double[n * n], n, vr, n);
    if (info != 0) throw new ArithmeticException("eig did not converge (LAPACK dgeev info " + info + ")");
    double[] re = new double[n * n];
    double[] im = new double[n * n];
    for (int j = 0; j < n; j++) {
      double[] cr = new double[n];
      double[] ci = new double[n];
      if (wi[j] == 0) {
        for (int i = 0; i < n; i++) cr[i] = vr[i * n + j];
      } else {
        // A complex pair: columns j and j+1 hold re and im of the vector for wr + i wi (wi > 0).
        int c = wi[j] > 0 ? j : j - 1;
        double sign = wi[j] > 0 ? 1 : -1;
        for (int i = 0; i < n; i++) {
          cr[i] = vr[i * n + c];
          ci[i] = sign * vr[i * n + c + 1];
        }
      }
      LinAlgKernels.normalizeEigenvector(cr, ci);
      for (int i = 0; i < n; i++) {
        re[i * n + j] = cr[i];
        im[i * n + j] = ci[i];
      }
    }
    return new double[][] {wr, wi, re, im};
  }

  private static void check(int info, String what) {
    if (info != 0) throw new IllegalStateException(what + " failed: LAPACK info " + info);
  }
}
