package dev.tangent.drdm.field.kernel;

/**
 * Bilinear and trilinear pull-back warping, fused: out[c][x] = sum of the 4 (8) taps around
 * x + u(x), as grid_sample(align_corners=True). Weights are computed in double per voxel and
 * applied to every channel. A tap outside the grid (zeros padding) gets weight 0 and the index of
 * its inside neighbour, which the sample reads anyway, so NaNs travel exactly as in PyTorch.
 */
final class LinearKernel {
  private LinearKernel() {}

  /**
   * The two taps of one axis into idx/w at slot 2k, 2k+1; false when the sample lies wholly
   * outside (zeros padding: then it is 0).
   */
  static boolean axis(double p, int n, boolean border, int[] idx, double[] w, int k) {
    if (border) p = p < 0 ? 0 : (p > n - 1 ? n - 1 : p);
    double f = Math.floor(p);
    if (!(f >= -1 && f <= n - 1)) return false;
    int i0 = (int) f;
    double t = p - f;
    if (i0 < 0) {
      idx[2 * k] = 0;
      idx[2 * k + 1] = 0;
      w[2 * k] = 0;
      w[2 * k + 1] = t;
    } else if (i0 == n - 1) {
      idx[2 * k] = i0;
      idx[2 * k + 1] = i0;
      w[2 * k] = 1 - t;
      w[2 * k + 1] = 0;
    } else {
      idx[2 * k] = i0;
      idx[2 * k + 1] = i0 + 1;
      w[2 * k] = 1 - t;
      w[2 * k + 1] = t;
    }
    return true;
  }

  static void run(Grid g, float[] u, int uo, Planes src, Planes dst, boolean border, int from, int to) {
    if (g.nd == 2) run2(g, u, uo, src, dst, border, from, to);
    else run3(g, u, uo, src, dst, border, from, to);
  }

  private static void run2(Grid g, float[] u, int uo, Planes src, Planes dst, boolean border, int from, int to) {
    int h = g.size(0), w = g.size(1), v = g.voxels, ch = src.channels();
    float[] sf = src.array() instanceof float[] a ? a : null;
    double[] sd = sf == null ? (double[]) src.array() : null;
    float[] df = dst.array() instanceof float[] a ? a : null;
    double[] dd = df == null ? (double[]) dst.array() : null;
    int so = src.offset(), dof = dst.offset();
    int[] idx = new int[4];
    double[] wt = new double[4];
    int i = from / w, j = from % w;
    for (int o = from; o < to; o++) {
      double py = i + u[uo + o], px = j + u[uo + v + o];
      if (axis(py, h, border, idx, wt, 0) && axis(px, w, border, idx, wt, 1)) {
        int r0 = idx[0] * w, r1 = idx[1] * w, c0 = idx[2], c1 = idx[3];
        int a = r0 + c0, b = r0 + c1, c = r1 + c0, d = r1 + c1;
        double w00 = wt[0] * wt[2], w01 = wt[0] * wt[3], w10 = wt[1] * wt[2], w11 = wt[1] * wt[3];
        for (int k = 0; k < ch; k++) {
          int base = so + k * v;
          if (sf != null) {
            double s = w00 * sf[base + a] + w01 * sf[base + b] + w10 * sf[base + c] + w11 * sf[base + d];
            df[dof + k * v + o] = (float) s;
          } else {
            dd[dof + k * v + o] = w00 * sd[base + a] + w01 * sd[base + b] + w10 * sd[base + c] + w11 * sd[base + d];
          }
        }
      } else {
        for (int k = 0; k < ch; k++) {
          if (df != null) df[dof + k * v + o] = 0;
          else dd[dof + k * v + o] = 0;
        }
      }
      if (++j == w) {
        j = 0;
        i++;
      }
    }
  }

  private static void run3(Grid g, float[] u, int uo, Planes src, Planes dst, boolean border, int from, int to) {
    int n0 = g.size(0), n1 = g.size(1), n2 = g.size(2), v = g.voxels, ch = src.channels(), plane = n1 * n2;
    float[] sf = src.array() instanceof float[] a ? a : null;
    double[] sd = sf == null ? (double[]) src.array() : null;
    float[] df = dst.array() instanceof float[] a ? a : null;
    double[] dd = df == null ? (double[]) dst.array() : null;
    int so = src.offset(), dof = dst.offset();
    int[] idx = new int[6];
    double[] wt = new double[6];
    int i = from / plane, j = (from / n2) % n1, l = from % n2;
    for (int o = from; o < to; o++) {
      double p0 = i + u[uo + o], p1 = j + u[uo + v + o], p2 = l + u[uo + 2 * v + o];
      if (axis(p0, n0, border, idx, wt, 0) && axis(p1, n1, border, idx, wt, 1) && axis(p2, n2, border, idx, wt, 2)) {
        int z0 = idx[0] * plane, z1 = idx[1] * plane, y0 = idx[2] * n2, y1 = idx[3] * n2, x0 = idx[4], x1 = idx[5];
        int t000 = z0 + y0 + x0, t001 = z0 + y0 + x1, t010 = z0 + y1 + x0, t011 = z0 + y1 + x1;
        int t100 = z1 + y0 + x0, t101 = z1 + y0 + x1, t110 = z1 + y1 + x0, t111 = z1 + y1 + x1;
        double a0 = wt[0] * wt[2], a1 = wt[0] * wt[3], a2 = wt[1] * wt[2], a3 = wt[1] * wt[3];
        double w000 = a0 * wt[4], w001 = a0 * wt[5], w010 = a1 * wt[4], w011 = a1 * wt[5];
        double w100 = a2 * wt[4], w101 = a2 * wt[5], w110 = a3 * wt[4], w111 = a3 * wt[5];
        for (int k = 0; k < ch; k++) {
          int base = so + k * v;
          if (sf != null) {
            double s = w000 * sf[base + t000] + w001 * sf[base + t001] + w010 * sf[base + t010] + w011 * sf[base + t011]
                + w100 * sf[base + t100] + w101 * sf[base + t101] + w110 * sf[base + t110] + w111 * sf[base + t111];
            df[dof + k * v + o] = (float) s;
          } else {
            dd[dof + k * v + o] = w000 * sd[base + t000] + w001 * sd[base + t001] + w010 * sd[base + t010] + w011 * sd[base + t011]
                + w100 * sd[base + t100] + w101 * sd[base + t101] + w110 * sd[base + t110] + w111 * sd[base + t111];
          }
        }
      } else {
        for (int k = 0; k < ch; k++) {
          if (df != null) df[dof + k * v + o] = 0;
          else dd[dof + k * v + o] = 0;
        }
      }
      if (++l == n2) {
        l = 0;
        if (++j == n1) {
          j = 0;
          i++;
        }
      }
    }
  }
}
