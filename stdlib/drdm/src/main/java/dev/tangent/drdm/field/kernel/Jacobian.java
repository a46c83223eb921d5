package dev.tangent.drdm.field.kernel;

import dev.tangent.spi.Context;

/**
 * det(I + grad u) of a displacement field in voxels, with np.gradient's differences: central
 * inside, one-sided (first order) at the borders, as DRDM's utils.eval_detJ_lab. Differences of
 * float32 values are exact in double; the determinant is computed in double.
 */
public final class Jacobian {
  private Jacobian() {}

  /** The determinant at every voxel of the field at u[uo] into det[dof]. */
  public static void det(Grid g, float[] u, int uo, double[] det, int dof, Context ctx) {
    int rows = g.size(0);
    Slabs.run(ctx, rows, 1, (long) g.voxels / rows * 4 * g.nd, (from, to) -> {
      for (int i = from; i < to; i++) {
        if (g.nd == 2) row2(g, u, uo, det, dof, i);
        else row3(g, u, uo, det, dof, i);
      }
    });
  }

  /**
   * The gradient planes d u_c / d x_k into g[go + (c nd + k) voxels ...], with the same differences
   * as {@link #det}.
   */
  public static void gradient(Grid g, float[] u, int uo, float[] grad, int go, Context ctx) {
    int nd = g.nd, v = g.voxels, rows = g.size(0), per = v / rows;
    int[] size = g.sizes();
    Slabs.run(ctx, rows, 1, (long) per * nd * nd * 2, (from, to) -> {
      int[] coord = new int[nd];
      coord[0] = from;
      for (int o = from * per; o < to * per; o++) {
        for (int c = 0; c < nd; c++) {
          for (int k = 0; k < nd; k++) grad[go + (c * nd + k) * v + o] = (float) d(u, uo + c * v + o, coord[k], size[k], g.stride(k));
        }
        for (int k = nd - 1; k >= 0; k--) {
          if (++coord[k] < size[k]) break;
          coord[k] = 0;
        }
      }
    });
  }

  /** The derivative along an axis at position q of n (stride st) of the plane starting at base. */
  private static double d(float[] u, int at, int q, int n, int st) {
    if (q == 0) return (double) u[at + st] - u[at];
    if (q == n - 1) return (double) u[at] - u[at - st];
    return ((double) u[at + st] - u[at - st]) * 0.5;
  }

  private static void row2(Grid g, float[] u, int uo, double[] det, int dof, int i) {
    int h = g.size(0), w = g.size(1), v = g.voxels;
    for (int j = 0; j < w; j++) {
      int at = i * w + j;
      int a = uo + at, b = uo + v + at;
      double j00 = 1 + d(u, a, i, h, w), j01 = d(u, a, j, w, 1);
      double j10 = d(u, b, i, h, w), j11 = 1 + d(u, b, j, w, 1);
      det[dof + at] = j00 * j11 - j01 * j10;
    }
  }

  private static void row3(Grid g, float[] u, int uo, double[] det, int dof, int i) {
    int n0 = g.size(0), n1 = g.size(1), n2 = g.size(2), v = g.voxels, plane = n1 * n2;
    double[] m = new double[9];
    for (int j = 0; j < n1; j++) {
      for (int l = 0; l < n2; l++) {
        int at = i * plane + j * n2 + l;
        for (int c = 0; c < 3; c++) {
          int p = uo + c * v + at;
          m[3 * c] = d(u, p, i, n0, plane);
          m[3 * c + 1] = d(u, p, j, n1, n2);
          m[3 * c + 2] = d(u, p, l, n2, 1);
        }
        m[0] += 1;
        m[4] += 1;
        m[8] += 1;
        det[dof + at] = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
      }
    }
  }
}
