package dev.tangent.nn;

import java.util.SplittableRandom;

/**
 * Independent reference computations for the layer tests: plain Java loops over row-major arrays,
 * written from the textbook definitions (not from the code under test).
 */
final class Naive {
  private Naive() {}

  static double[] random(SplittableRandom r, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = r.nextDouble(-1, 1);
    return v;
  }

  static int size(int[] shape) {
    int n = 1;
    for (int s : shape) n *= s;
    return n;
  }

  static int offset(int[] shape, int... idx) {
    int off = 0;
    for (int i = 0; i < shape.length; i++) off = off * shape[i] + idx[i];
    return off;
  }

  /** Advances a multi-index over shape; false when it wraps around. */
  static boolean next(int[] idx, int[] shape) {
    for (int i = shape.length - 1; i >= 0; i--) {
      if (++idx[i] < shape[i]) return true;
      idx[i] = 0;
    }
    return false;
  }

  record Result(double[] values, int[] shape) {}

  /** PyTorch's convNd: out[n,co,o] = b[co] + sum x[n, ci, o*s - p + k*d] w[co, ci_local, k]. */
  static Result conv(double[] x, int[] xs, double[] w, int[] ws, double[] b, int[] s, int[] p, int[] d, int groups) {
    int sp = xs.length - 2;
    int n = xs[0];
    int cout = ws[0];
    int cinG = ws[1];
    int coutG = cout / groups;
    int[] os = new int[xs.length];
    os[0] = n;
    os[1] = cout;
    for (int i = 0; i < sp; i++) os[2 + i] = (xs[2 + i] + 2 * p[i] - d[i] * (ws[2 + i] - 1) - 1) / s[i] + 1;
    double[] out = new double[size(os)];
    int[] o = new int[os.length];
    do {
      int co = o[1];
      int g = co / coutG;
      double acc = b == null ? 0 : b[co];
      int[] kshape = new int[sp + 1];
      kshape[0] = cinG;
      for (int i = 0; i < sp; i++) kshape[1 + i] = ws[2 + i];
      int[] k = new int[sp + 1];
      do {
        int[] xi = new int[xs.length];
        xi[0] = o[0];
        xi[1] = g * cinG + k[0];
        boolean inside = true;
        for (int i = 0; i < sp; i++) {
          xi[2 + i] = o[2 + i] * s[i] - p[i] + k[1 + i] * d[i];
          inside &= xi[2 + i] >= 0 && xi[2 + i] < xs[2 + i];
        }
        if (inside) {
          int[] wi = new int[ws.length];
          wi[0] = co;
          for (int i = 0; i < sp + 1; i++) wi[1 + i] = k[i];
          acc += x[offset(xs, xi)] * w[offset(ws, wi)];
        }
      } while (next(k, kshape));
      out[offset(os, o)] = acc;
    } while (next(o, os));
    return new Result(out, os);
  }

  /**
   * PyTorch's conv_transposeNd as the scatter it is defined by: every input sample x[n, ci, i]
   * adds x * w[ci, co_local, k] at output position i*s - p + k*d.
   */
  static Result convTranspose(double[] x, int[] xs, double[] w, int[] ws, double[] b, int[] s, int[] p, int[] op, int[] d, int groups) {
    int sp = xs.length - 2;
    int cin = xs[1];
    int cinG = cin / groups;
    int coutG = ws[1];
    int[] os = new int[xs.length];
    os[0] = xs[0];
    os[1] = coutG * groups;
    for (int i = 0; i < sp; i++) os[2 + i] = (xs[2 + i] - 1) * s[i] - 2 * p[i] + d[i] * (ws[2 + i] - 1) + op[i] + 1;
    double[] out = new double[size(os)];
    if (b != null) {
      int[] o = new int[os.length];
      do out[offset(os, o)] = b[o[1]]; while (next(o, os));
    }
    int[] xi = new int[xs.length];
    do {
      int ci = xi[1];
      int g = ci / cinG;
      int[] kshape = new int[sp + 1];
      kshape[0] = coutG;
      for (int i = 0; i < sp; i++) kshape[1 + i] = ws[2 + i];
      int[] k = new int[sp + 1];
      do {
        int[] oi = new int[os.length];
        oi[0] = xi[0];
        oi[1] = g * coutG + k[0];
        boolean inside = true;
        for (int i = 0; i < sp; i++) {
          oi[2 + i] = xi[2 + i] * s[i] - p[i] + k[1 + i] * d[i];
          inside &= oi[2 + i] >= 0 && oi[2 + i] < os[2 + i];
        }
        if (inside) {
          int[] wi = new int[ws.length];
          wi[0] = ci;
          for (int i = 0; i < sp + 1; i++) wi[1 + i] = k[i];
          out[offset(os, oi)] += x[offset(xs, xi)] * w[offset(ws, wi)];
        }
      } while (next(k, kshape));
    } while (next(xi, xs));
    return new Result(out, os);
  }

  /** erf by its Maclaurin series (|x| < 3 here), accurate to 1e-12. */
  static double erf(double x) {
    double sum = 0;
    double term = x;
    for (int n = 0; n < 200; n++) {
      sum += term / (2 * n + 1);
      term *= -x * x / (n + 1);
    }
    return 2 / Math.sqrt(Math.PI) * sum;
  }
}
