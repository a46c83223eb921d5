package dev.tangent.drdm.field.kernel;

import dev.tangent.spi.Context;

/**
 * Bi/trilinear resizing with align_corners=False, as torch.nn.functional.interpolate computes it
 * (float32 source index {@code (dst + 0.5) * in/out - 0.5} clamped below at 0, upper neighbour
 * clamped to in - 1, weights in float, the first axis outermost). A window of the resized grid
 * can be computed alone: DRDM upsamples its control grid to twice the image and keeps the centre.
 */
public final class Resize {
  private Resize() {}

  /** The two taps and weights of every output index along one axis. */
  static final class Axis {
    final int[] i0, i1;
    final float[] l0, l1;

    Axis(int in, int out, int start, int count) {
      i0 = new int[count];
      i1 = new int[count];
      l0 = new float[count];
      l1 = new float[count];
      float scale = (float) in / out;
      for (int o = 0; o < count; o++) {
        int dst = start + o;
        if (in == out) {
          i0[o] = dst;
          i1[o] = dst;
          l0[o] = 1;
          continue;
        }
        float src = scale * (dst + 0.5f) - 0.5f;
        if (src < 0) src = 0;
        int i = Math.min((int) Math.floor(src), in - 1);
        float l = Math.min(Math.max(src - i, 0f), 1f);
        i0[o] = i;
        i1[o] = i + (i < in - 1 ? 1 : 0);
        l0[o] = 1f - l;
        l1[o] = l;
      }
    }
  }

  /**
   * Resizes {@code channels} planes of shape {@code in} (at {@code src[so]}) to the virtual size
   * {@code out}, writing only the window that starts at {@code start} and has the shape of
   * {@code dstGrid} (at {@code dst[dof]}).
   */
  public static void linear(float[] src, int so, int[] in, int channels, int[] out, int[] start, Grid dstGrid, float[] dst, int dof,
      Context ctx) {
    int nd = in.length;
    Axis[] ax = new Axis[nd];
    for (int k = 0; k < nd; k++) ax[k] = new Axis(in[k], out[k], start[k], dstGrid.size(k));
    int inVoxels = 1;
    for (int s : in) inVoxels *= s;
    int inPlane = inVoxels;
    int rows = dstGrid.size(0);
    long cost = (long) channels * (dstGrid.voxels / rows) * (1L << nd);
    Slabs.run(ctx, channels * rows, 1, cost, (from, to) -> {
      for (int r = from; r < to; r++) {
        int c = r / rows, o0 = r % rows;
        int sBase = so + c * inPlane;
        int dBase = dof + c * dstGrid.voxels;
        if (nd == 2) row2(src, sBase, in, ax, o0, dst, dBase, dstGrid);
        else row3(src, sBase, in, ax, o0, dst, dBase, dstGrid);
      }
    });
  }

  private static void row2(float[] s, int base, int[] in, Axis[] ax, int o0, float[] d, int dBase, Grid g) {
    int w = in[1], n1 = g.size(1);
    int r0 = base + ax[0].i0[o0] * w, r1 = base + ax[0].i1[o0] * w;
    float a0 = ax[0].l0[o0], a1 = ax[0].l1[o0];
    Axis x = ax[1];
    int at = dBase + o0 * n1;
    for (int o1 = 0; o1 < n1; o1++) {
      float t0 = s[r0 + x.i0[o1]] * x.l0[o1] + s[r0 + x.i1[o1]] * x.l1[o1];
      float t1 = s[r1 + x.i0[o1]] * x.l0[o1] + s[r1 + x.i1[o1]] * x.l1[o1];
      d[at + o1] = t0 * a0 + t1 * a1;
    }
  }

  private static void row3(float[] s, int base, int[] in, Axis[] ax, int o0, float[] d, int dBase, Grid g) {
    int plane = in[1] * in[2], w = in[2], n1 = g.size(1), n2 = g.size(2);
    int z0 = base + ax[0].i0[o0] * plane, z1 = base + ax[0].i1[o0] * plane;
    float a0 = ax[0].l0[o0], a1 = ax[0].l1[o0];
    Axis y = ax[1], x = ax[2];
    for (int o1 = 0; o1 < n1; o1++) {
      int y0 = y.i0[o1] * w, y1 = y.i1[o1] * w;
      float b0 = y.l0[o1], b1 = y.l1[o1];
      int at = dBase + (o0 * n1 + o1) * n2;
      for (int o2 = 0; o2 < n2; o2++) {
        int x0 = x.i0[o2], x1 = x.i1[o2];
        float c0 = x.l0[o2], c1 = x.l1[o2];
        float t00 = s[z0 + y0 + x0] * c0 + s[z0 + y0 + x1] * c1;
        float t01 = s[z0 + y1 + x0] * c0 + s[z0 + y1 + x1] * c1;
        float t10 = s[z1 + y0 + x0] * c0 + s[z1 + y0 + x1] * c1;
        float t11 = s[z1 + y1 + x0] * c0 + s[z1 + y1 + x1] * c1;
        float t0 = t00 * b0 + t01 * b1, t1 = t10 * b0 + t11 * b1;
        d[at + o2] = t0 * a0 + t1 * a1;
      }
    }
  }
}
