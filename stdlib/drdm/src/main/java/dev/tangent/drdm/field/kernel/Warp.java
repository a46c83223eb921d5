package dev.tangent.drdm.field.kernel;

import dev.tangent.spi.Context;

/**
 * Pull-back warping of C image planes by one displacement field in voxels:
 * {@code out[c][x] = img[c](x + u(x))}, the convention of DRDM's STN (grid_sample with
 * align_corners=True: voxel centres at integer indices). Runs in slabs of output voxels on all
 * cores; the interrupt is polled between slabs.
 */
public final class Warp {
  private Warp() {}

  static final int SLAB = 4096;

  /**
   * Warps {@code src} into {@code dst} (both over {@code g}, same channel count). The field's nd
   * planes start at {@code u[uo]}. LINEAR and CUBIC take float[] or double[] planes; NEAREST also
   * long[]. ctx may be null (no interrupt polling).
   */
  public static void apply(Grid g, float[] u, int uo, Planes src, Planes dst, Interp mode, Padding pad, Context ctx) {
    boolean border = pad == Padding.BORDER;
    int taps = mode == Interp.NEAREST ? 1 : mode == Interp.LINEAR ? 1 << g.nd : 1 << (2 * g.nd);
    long cost = (long) src.channels() * taps + 8;
    switch (mode) {
      case LINEAR:
        Slabs.run(ctx, g.voxels, SLAB, cost, (from, to) -> LinearKernel.run(g, u, uo, src, dst, border, from, to));
        break;
      case CUBIC:
        Slabs.run(ctx, g.voxels, SLAB, cost, (from, to) -> CubicKernel.run(g, u, uo, src, dst, border, from, to));
        break;
      default:
        Slabs.run(ctx, g.voxels, SLAB, cost, (from, to) -> NearestKernel.run(g, u, uo, src, dst, border, from, to));
    }
  }
}
