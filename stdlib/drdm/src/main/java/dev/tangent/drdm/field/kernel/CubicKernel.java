package dev.tangent.drdm.field.kernel;

/**
 * Cubic-convolution warping (Keys, A = -0.75), as grid_sample's bicubic mode: the sample
 * position is not clamped; its 4 taps per axis are clamped into the grid (border padding) or
 * dropped (zeros). In 3-D the same kernel runs on three axes (64 taps): PyTorch has no 3-D
 * bicubic, so this is an extension with the 2-D mode's rules.
 */
final class CubicKernel {
  private CubicKernel() {}

  static final double A = -0.75;

  static double near(double x) {
    return ((A + 2) * x - (A + 3)) * x * x + 1;
  }

  static double far(double x) {
    return ((A * x - 5 * A) * x + 8 * A) * x - 4 * A;
  }

  /** The four taps of one axis into idx/w at slots 4k..4k+3; false when none lies inside (zeros). */
  static boolean axis(double p, int n, boolean border, int[] idx, double[] w, int k) {
    // Far outside, every tap is clamped or dropped alike; keep the integers small.
    if (p < -4) p = -4;
    else if (p > n + 3) p = n + 3;
    double f = Math.floor(p);
    double t = p - f;
    int i0 = (int) f;
    w[4 * k] = far(t + 1);
    w[4 * k + 1] = near(t);
    w[4 * k + 2] = near(1 - t);
    w[4 * k + 3] = far(2 - t);
    boolean inside = false;
    for (int m = 0; m < 4; m++) {
      int q = i0 - 1 + m;
      if (q >= 0 && q < n) {
        inside = true;
      } else {
        q = q < 0 ? 0 : n - 1;
        if (!border) w[4 * k + m] = 0;
      }
      idx[4 * k + m] = q;
    }
    return inside || border;
  }

  static void run(Grid g, float[] u, int uo, Planes src, Planes dst, boolean border, int from, int to) {
    int nd = g.nd, v = g.voxels, ch = src.channels();
    float[] sf = src.array() instanceof float[] a ? a : null;
    double[] sd = sf == null ? (double[]) src.array() : null;
    float[] df = dst.array() instanceof float[] a ? a : null;
    double[] dd = df == null ? (double[]) dst.array() : null;
    int so = src.offset(), dof = dst.offset();
    int[] idx = new int[4 * nd];
    double[] wt = new double[4 * nd];
    int[] size = g.sizes();
    int[] coord = new int[nd];
    int rest = from;
    for (int k = nd - 1; k >= 0; k--) {
      coord[k] = rest % size[k];
      rest /= size[k];
    }
    for (int o = from; o < to; o++) {
      boolean inside = true;
      for (int k = 0; k < nd && inside; k++) inside = axis(coord[k] + u[uo + k * v + o], size[k], border, idx, wt, k);
      for (int c = 0; c < ch; c++) {
        double s = 0;
        if (inside) {
          int base = so + c * v;
          if (nd == 2) {
            s = sum2(sf, sd, base, size[1], idx, wt);
          } else {
            int plane = size[1] * size[2];
            for (int a = 0; a < 4; a++) s += wt[a] * sum2(sf, sd, base + idx[a] * plane, size[2], idx, wt, 4);
          }
        }
        if (df != null) df[dof + c * v + o] = (float) s;
        else dd[dof + c * v + o] = s;
      }
      for (int k = nd - 1; k >= 0; k--) {
        if (++coord[k] < size[k]) break;
        coord[k] = 0;
      }
    }
  }

  private static double sum2(float[] sf, double[] sd, int base, int w, int[] idx, double[] wt) {
    return sum2(sf, sd, base, w, idx, wt, 0);
  }

  /** Cubic interpolation over two axes whose taps sit at idx/wt from slot {@code at}. */
  private static double sum2(float[] sf, double[] sd, int base, int w, int[] idx, double[] wt, int at) {
    double s = 0;
    for (int a = 0; a < 4; a++) {
      int row = base + idx[at + a] * w;
      double r;
      if (sf != null) {
        r = wt[at + 4] * sf[row + idx[at + 4]] + wt[at + 5] * sf[row + idx[at + 5]] + wt[at + 6] * sf[row + idx[at + 6]]
            + wt[at + 7] * sf[row + idx[at + 7]];
      } else {
        r = wt[at + 4] * sd[row + idx[at + 4]] + wt[at + 5] * sd[row + idx[at + 5]] + wt[at + 6] * sd[row + idx[at + 6]]
            + wt[at + 7] * sd[row + idx[at + 7]];
      }
      s += wt[at + a] * r;
    }
    return s;
  }
}
