package dev.tangent.drdm.field.kernel;

import dev.tangent.spi.Context;

/**
 * Linear interpolation at fixed positions x + u(x) with border padding, planned once and applied
 * many times: DRDM integrates a stationary velocity by composing a field with it n times
 * (ddf <- v + ddf(x + v(x))), and the sample positions never change between steps. Per voxel the
 * plan keeps the lower corner (moved down one voxel at the upper edge, with weight 1 on the upper
 * tap, which reads the same value) and the fractional offsets; fields are channel-interleaved
 * ([voxel][nd]) so the corners of all channels share cache lines.
 */
public final class BorderPlan {
  private final Grid g;
  private final int[] base;
  private final float[] frac;

  private BorderPlan(Grid g, int[] base, float[] frac) {
    this.g = g;
    this.base = base;
    this.frac = frac;
  }

  /** The plan for the positions x + u(x), u in voxels, planar ([nd][voxels]) at u[uo]. */
  public static BorderPlan of(Grid g, float[] u, int uo) {
    int nd = g.nd, v = g.voxels;
    int[] base = new int[v];
    float[] frac = new float[nd * v];
    int[] size = g.sizes();
    int[] coord = new int[nd];
    for (int o = 0; o < v; o++) {
      int at = 0;
      for (int k = 0; k < nd; k++) {
        int n = size[k];
        double p = coord[k] + u[uo + k * v + o];
        p = p < 0 ? 0 : (p > n - 1 ? n - 1 : p);
        int i0 = Math.min((int) Math.floor(p), n - 2);
        frac[o * nd + k] = (float) (p - i0);
        at = at * n + i0;
      }
      base[o] = at;
      for (int k = nd - 1; k >= 0; k--) {
        if (++coord[k] < size[k]) break;
        coord[k] = 0;
      }
    }
    return new BorderPlan(g, base, frac);
  }

  /** out = add + src(x + u(x)) for interleaved nd-channel fields; out must not be src. */
  public void apply(float[] src, float[] add, float[] out, Context ctx) {
    Slabs.run(ctx, g.voxels, 4096, 8L * g.nd * (1 << g.nd), (from, to) -> {
      if (g.nd == 2) run2(src, add, out, from, to);
      else run3(src, add, out, from, to);
    });
  }

  private void run2(float[] s, float[] add, float[] out, int from, int to) {
    int w = g.size(1);
    for (int o = from; o < to; o++) {
      double fy = frac[2 * o], fx = frac[2 * o + 1];
      double w00 = (1 - fy) * (1 - fx), w01 = (1 - fy) * fx, w10 = fy * (1 - fx), w11 = fy * fx;
      int a = 2 * base[o], c = a + 2 * w;
      for (int k = 0; k < 2; k++) {
        out[2 * o + k] = (float) (add[2 * o + k] + (w00 * s[a + k] + w01 * s[a + 2 + k] + w10 * s[c + k] + w11 * s[c + 2 + k]));
      }
    }
  }

  private void run3(float[] s, float[] add, float[] out, int from, int to) {
    int n2 = g.size(2), plane = g.size(1) * n2;
    int dy = 3 * n2, dz = 3 * plane;
    for (int o = from; o < to; o++) {
      double fz = frac[3 * o], fy = frac[3 * o + 1], fx = frac[3 * o + 2];
      double gz = 1 - fz, gy = 1 - fy, gx = 1 - fx;
      double a0 = gz * gy, a1 = gz * fy, a2 = fz * gy, a3 = fz * fy;
      double w000 = a0 * gx, w001 = a0 * fx, w010 = a1 * gx, w011 = a1 * fx;
      double w100 = a2 * gx, w101 = a2 * fx, w110 = a3 * gx, w111 = a3 * fx;
      int p = 3 * base[o];
      for (int k = 0; k < 3; k++) {
        int q = p + k;
        double sum = w000 * s[q] + w001 * s[q + 3] + w010 * s[q + dy] + w011 * s[q + dy + 3]
            + w100 * s[q + dz] + w101 * s[q + dz + 3] + w110 * s[q + dz + dy] + w111 * s[q + dz + dy + 3];
        out[3 * o + k] = (float) (add[3 * o + k] + sum);
      }
    }
  }

  /** Planar [nd][voxels] to interleaved [voxels][nd]. */
  public static float[] interleave(float[] planar, int off, int nd, int voxels) {
    float[] out = new float[nd * voxels];
    for (int k = 0; k < nd; k++) for (int i = 0; i < voxels; i++) out[i * nd + k] = planar[off + k * voxels + i];
    return out;
  }

  /** Interleaved back to planar. */
  public static float[] planar(float[] inter, int nd, int voxels) {
    float[] out = new float[nd * voxels];
    for (int k = 0; k < nd; k++) for (int i = 0; i < voxels; i++) out[k * voxels + i] = inter[i * nd + k];
    return out;
  }
}
