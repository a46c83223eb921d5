package dev.tangent.drdm.field.kernel;

import dev.tangent.spi.Context;

/**
 * The inverse of T(y) = y + u(y) point by point: for each voxel x, Newton's method on
 * r(y) = y + u(y) - x with a backtracking line search on |r|, u and its gradient read with
 * linear interpolation and border padding (so u is constant beyond the grid and its gradient there
 * is 0 along the clamped axes). Where det(I + grad u) <= 0.05 (the map folds) the step is the
 * fixed-point step r. The result is v(x) = y - x, so that v(x) + u(x + v(x)) = 0.
 */
public final class Inversion {
  private Inversion() {}

  static final double MIN_DET = 0.05;
  static final int HALVINGS = 8;

  /**
   * Inverts the field at u[uo] (nd planes) into out[oo]; grad holds nd x nd planes d u_c / d x_k
   * ({@link Jacobian#gradient}). Each voxel stops after iters steps or once a step is under tol voxels.
   */
  public static void newton(Grid g, float[] u, int uo, float[] grad, float[] out, int oo, int iters, double tol, Context ctx) {
    Slabs.run(ctx, g.voxels, 1024, 64L * g.nd * iters, (from, to) -> new Solver(g, u, uo, grad).run(out, oo, iters, tol, from, to));
  }

  /** Per-thread scratch for one slab. */
  private static final class Solver {
    final Grid g;
    final int nd, v;
    final int[] size;
    final float[] u, grad;
    final int uo;
    final double[] y, yt, r, rt, step, m, val, gq;
    final int[] i0;
    final double[] t;
    final boolean[] clamped;

    Solver(Grid g, float[] u, int uo, float[] grad) {
      this.g = g;
      this.nd = g.nd;
      this.v = g.voxels;
      this.size = g.sizes();
      this.u = u;
      this.uo = uo;
      this.grad = grad;
      y = new double[nd];
      yt = new double[nd];
      r = new double[nd];
      rt = new double[nd];
      step = new double[nd];
      m = new double[nd * nd];
      val = new double[nd];
      gq = new double[nd * nd];
      i0 = new int[nd];
      t = new double[nd];
      clamped = new boolean[nd];
    }

    void run(float[] out, int oo, int iters, double tol, int from, int to) {
      int[] x = new int[nd];
      int rest = from;
      for (int k = nd - 1; k >= 0; k--) {
        x[k] = rest % size[k];
        rest /= size[k];
      }
      for (int o = from; o < to; o++) {
        for (int k = 0; k < nd; k++) y[k] = x[k];
        double rr = residual(y, x, r);
        for (int it = 0; it < iters && rr > 0; it++) {
          gradient(y);
          if (!solve(m, r, step)) System.arraycopy(r, 0, step, 0, nd);
          double alpha = 1, moved = 0;
          boolean better = false;
          for (int h = 0; h <= HALVINGS; h++, alpha *= 0.5) {
            for (int k = 0; k < nd; k++) yt[k] = y[k] - alpha * step[k];
            double rrt = residual(yt, x, rt);
            if (rrt < rr) {
              moved = 0;
              for (int k = 0; k < nd; k++) {
                moved = Math.max(moved, Math.abs(yt[k] - y[k]));
                y[k] = yt[k];
                r[k] = rt[k];
              }
              rr = rrt;
              better = true;
              break;
            }
          }
          if (!better || moved <= tol) break;
        }
        for (int k = 0; k < nd; k++) out[oo + k * v + o] = (float) (y[k] - x[k]);
        for (int k = nd - 1; k >= 0; k--) {
          if (++x[k] < size[k]) break;
          x[k] = 0;
        }
      }
    }

    /** r = p + u(p) - x; returns |r|^2. */
    double residual(double[] p, int[] x, double[] res) {
      locate(p);
      sample(u, uo, nd, val);
      double s = 0;
      for (int k = 0; k < nd; k++) {
        res[k] = p[k] + val[k] - x[k];
        s += res[k] * res[k];
      }
      return s;
    }

    /** m = I + grad u at the position last located (0 along clamped axes). */
    void gradient(double[] p) {
      locate(p);
      sample(grad, 0, nd * nd, gq);
      for (int q = 0; q < nd * nd; q++) m[q] = (clamped[q % nd] ? 0 : gq[q]) + (q % (nd + 1) == 0 ? 1 : 0);
    }

    /** The lower corner and fractions of p, clamped into the grid (border padding). */
    void locate(double[] p) {
      for (int k = 0; k < nd; k++) {
        int n = size[k];
        double q = p[k];
        clamped[k] = !(q >= 0 && q <= n - 1);
        q = q < 0 ? 0 : (q > n - 1 ? n - 1 : q);
        int i = Math.min((int) Math.floor(q), n - 2);
        i0[k] = i;
        t[k] = q - i;
      }
    }

    /** Linear interpolation of {@code planes} planes of a at the located position. */
    void sample(float[] a, int ao, int planes, double[] outv) {
      if (nd == 2) {
        int w = size[1];
        int b = i0[0] * w + i0[1];
        double w00 = (1 - t[0]) * (1 - t[1]), w01 = (1 - t[0]) * t[1], w10 = t[0] * (1 - t[1]), w11 = t[0] * t[1];
        for (int c = 0; c < planes; c++) {
          int p = ao + c * v + b;
          outv[c] = w00 * a[p] + w01 * a[p + 1] + w10 * a[p + w] + w11 * a[p + w + 1];
        }
      } else {
        int n2 = size[2], plane = size[1] * n2;
        int b = i0[0] * plane + i0[1] * n2 + i0[2];
        double gz = 1 - t[0], gy = 1 - t[1], gx = 1 - t[2];
        for (int c = 0; c < planes; c++) {
          int p = ao + c * v + b;
          outv[c] = gz * (gy * (gx * a[p] + t[2] * a[p + 1]) + t[1] * (gx * a[p + n2] + t[2] * a[p + n2 + 1]))
              + t[0] * (gy * (gx * a[p + plane] + t[2] * a[p + plane + 1]) + t[1] * (gx * a[p + plane + n2] + t[2] * a[p + plane + n2 + 1]));
        }
      }
    }

    /** x = m^-1 r for a 2x2 or 3x3 row-major m; false where det(m) <= MIN_DET. */
    static boolean solve(double[] m, double[] r, double[] x) {
      if (r.length == 2) {
        double det = m[0] * m[3] - m[1] * m[2];
        if (!(det > MIN_DET)) return false;
        x[0] = (m[3] * r[0] - m[1] * r[1]) / det;
        x[1] = (m[0] * r[1] - m[2] * r[0]) / det;
        return true;
      }
      double c00 = m[4] * m[8] - m[5] * m[7], c01 = m[5] * m[6] - m[3] * m[8], c02 = m[3] * m[7] - m[4] * m[6];
      double det = m[0] * c00 + m[1] * c01 + m[2] * c02;
      if (!(det > MIN_DET)) return false;
      double c10 = m[2] * m[7] - m[1] * m[8], c11 = m[0] * m[8] - m[2] * m[6], c12 = m[1] * m[6] - m[0] * m[7];
      double c20 = m[1] * m[5] - m[2] * m[4], c21 = m[2] * m[3] - m[0] * m[5], c22 = m[0] * m[4] - m[1] * m[3];
      x[0] = (c00 * r[0] + c10 * r[1] + c20 * r[2]) / det;
      x[1] = (c01 * r[0] + c11 * r[1] + c21 * r[2]) / det;
      x[2] = (c02 * r[0] + c12 * r[1] + c22 * r[2]) / det;
      return true;
    }
  }
}
