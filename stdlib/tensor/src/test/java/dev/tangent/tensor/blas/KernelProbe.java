package dev.tangent.tensor.blas;

import static org.bytedeco.openblas.global.openblas.LAPACK_ROW_MAJOR;

import java.util.Random;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;

/**
 * Runs in a fresh JVM for KernelSetCorrectnessTest, under whatever OPENBLAS_CORETYPE the test
 * set: gemm in both precisions, dsyevd and dgesdd at sizes where blocked code paths run, each
 * checked against plain Java arithmetic or its defining identity. Prints "core NAME" and one
 * line per check: "ok NAME" or "FAIL NAME: detail".
 */
public final class KernelProbe {
  private KernelProbe() {}

  public static void main(String[] args) {
    Random r = new Random(7);
    int m = 301, k = 203, n = 257;
    double[] a = gaussian(r, m * k);
    double[] b = gaussian(r, k * n);
    double[] ref = new double[m * n];
    for (int i = 0; i < m; i++) for (int p = 0; p < k; p++) for (int j = 0; j < n; j++) ref[i * n + j] += a[i * k + p] * b[p * n + j];

    try (DoublePointer pa = new DoublePointer(a); DoublePointer pb = new DoublePointer(b); DoublePointer pc = new DoublePointer((long) m * n)) {
      openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, m, n, k, 1, pa, k, pb, n, 0, pc, n);
      report("dgemm", maxRel(get(pc, m * n), ref), 1e-12);
    }
    try (FloatPointer pa = new FloatPointer(floats(a)); FloatPointer pb = new FloatPointer(floats(b)); FloatPointer pc = new FloatPointer((long) m * n)) {
      openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, m, n, k, 1, pa, k, pb, n, 0, pc, n);
      float[] c = new float[m * n];
      pc.get(c);
      double[] cd = new double[m * n];
      for (int i = 0; i < c.length; i++) cd[i] = c[i];
      report("sgemm", maxRel(cd, ref), 1e-4);
    }

    int e = 240;
    double[] g = gaussian(r, e * e);
    double[] s = new double[e * e];
    for (int i = 0; i < e; i++) for (int j = 0; j < e; j++) s[i * e + j] = g[i * e + j] + g[j * e + i];
    try (DoublePointer v = new DoublePointer(s); DoublePointer w = new DoublePointer((long) e)) {
      int info = openblas.LAPACKE_dsyevd(LAPACK_ROW_MAJOR, (byte) 'V', (byte) 'U', e, v, e, w);
      double[] vv = get(v, e * e);
      double[] ww = get(w, e);
      double res = 0;
      for (int c = 0; c < e; c++) {
        for (int i = 0; i < e; i++) {
          double acc = 0;
          for (int j = 0; j < e; j++) acc += s[i * e + j] * vv[j * e + c];
          res = Math.max(res, Math.abs(acc - ww[c] * vv[i * e + c]));
        }
      }
      report("dsyevd", info != 0 ? Double.NaN : res / norm(s), 1e-12);
    }

    int sm = 260, sn = 190;
    double[] x = gaussian(r, sm * sn);
    try (DoublePointer px = new DoublePointer(x); DoublePointer ps = new DoublePointer((long) sn);
        DoublePointer pu = new DoublePointer((long) sm * sn); DoublePointer pvt = new DoublePointer((long) sn * sn)) {
      int info = openblas.LAPACKE_dgesdd(LAPACK_ROW_MAJOR, (byte) 'S', sm, sn, px, sn, ps, pu, sn, pvt, sn);
      double[] u = get(pu, sm * sn);
      double[] sv = get(ps, sn);
      double[] vt = get(pvt, sn * sn);
      double res = 0;
      for (int i = 0; i < sm; i++) {
        for (int j = 0; j < sn; j++) {
          double acc = 0;
          for (int q = 0; q < sn; q++) acc += u[i * sn + q] * sv[q] * vt[q * sn + j];
          res = Math.max(res, Math.abs(acc - x[i * sn + j]));
        }
      }
      report("dgesdd", info != 0 ? Double.NaN : res / norm(x), 1e-12);
    }
    OpenBlasReport rep = OpenBlasReport.ofLoaded();
    System.out.println("core " + (rep == null ? "?" : rep.core()));
  }

  static void report(String name, double err, double tol) {
    System.out.println(err <= tol ? "ok " + name : "FAIL " + name + ": relative error " + err + " > " + tol);
  }

  static double[] gaussian(Random r, int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) a[i] = r.nextGaussian();
    return a;
  }

  static float[] floats(double[] a) {
    float[] f = new float[a.length];
    for (int i = 0; i < a.length; i++) f[i] = (float) a[i];
    return f;
  }

  static double[] get(DoublePointer p, int n) {
    double[] out = new double[n];
    p.position(0).get(out);
    return out;
  }

  static double maxRel(double[] got, double[] ref) {
    double scale = norm(ref);
    double m = 0;
    for (int i = 0; i < ref.length; i++) m = Math.max(m, Math.abs(got[i] - ref[i]));
    return m / scale;
  }

  static double norm(double[] a) {
    double m = 0;
    for (double v : a) m = Math.max(m, Math.abs(v));
    return m;
  }
}
