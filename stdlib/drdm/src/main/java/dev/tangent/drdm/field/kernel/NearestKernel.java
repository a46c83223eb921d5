package dev.tangent.drdm.field.kernel;

/**
 * Nearest-voxel warping, as grid_sample's nearest mode: the position (clamped for border padding)
 * is rounded half to even; outside the grid (zeros padding) the result is 0. Values are copied, so
 * integer label maps stay exact.
 */
final class NearestKernel {
  private NearestKernel() {}

  /** The source voxel of one axis, or -1 when outside. */
  static int axis(double p, int n, boolean border) {
    if (border) p = p < 0 ? 0 : (p > n - 1 ? n - 1 : p);
    double r = Math.rint(p);
    return r >= 0 && r <= n - 1 ? (int) r : -1;
  }

  static void run(Grid g, float[] u, int uo, Planes src, Planes dst, boolean border, int from, int to) {
    int nd = g.nd, v = g.voxels, ch = src.channels();
    int[] size = g.sizes();
    int[] coord = new int[nd];
    int rest = from;
    for (int k = nd - 1; k >= 0; k--) {
      coord[k] = rest % size[k];
      rest /= size[k];
    }
    int so = src.offset(), dof = dst.offset();
    Object s = src.array(), d = dst.array();
    for (int o = from; o < to; o++) {
      int at = 0;
      for (int k = 0; k < nd; k++) {
        int q = axis(coord[k] + u[uo + k * v + o], size[k], border);
        if (q < 0) {
          at = -1;
          break;
        }
        at = at * size[k] + q;
      }
      for (int c = 0; c < ch; c++) {
        int si = so + c * v + at, di = dof + c * v + o;
        if (s instanceof float[] f) ((float[]) d)[di] = at < 0 ? 0 : f[si];
        else if (s instanceof double[] f) ((double[]) d)[di] = at < 0 ? 0 : f[si];
        else ((long[]) d)[di] = at < 0 ? 0 : ((long[]) s)[si];
      }
      for (int k = nd - 1; k >= 0; k--) {
        if (++coord[k] < size[k]) break;
        coord[k] = 0;
      }
    }
  }
}
