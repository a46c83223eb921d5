package dev.tangent.drdm.sampler;

import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.drdm.field.kernel.Resize;

/**
 * DRDM's control grid: 64 nodes per axis covering twice the image (crop_rate 2), on which the
 * random velocities are drawn and integrated. Fields here are in control-grid voxels.
 */
final class ControlGrid {
  private ControlGrid() {}

  static final int SIZE = 64;
  /** The control sizes of the multi-scale velocity: min(5, log2(64) - 2) = 4 scales. */
  static final int[] SCALES = {64, 32, 16, 8};
  /** How many times the image size the control grid covers. */
  static final int CROP_RATE = 2;

  static Grid grid(int nd) {
    return Grid.of(nd == 2 ? new int[] {SIZE, SIZE} : new int[] {SIZE, SIZE, SIZE}, "sampler");
  }

  static int nodes(int c, int nd) {
    return nd == 2 ? c * c : c * c * c;
  }

  /**
   * _multiscale_dvf_generate: the sum over scales c of randn([nd, c^nd]) x sigma x 64 / c,
   * each upsampled to 64^nd (bi/trilinear, align_corners=False), in float32 as the code computes
   * it, in fractions of the control grid; then times 64 (exact), in control voxels.
   */
  static float[] velocity(NoiseSource noise, int sample, int firstCall, int nd, float sigma) {
    Grid g = grid(nd);
    float[] v = new float[nd * g.voxels];
    float[] up = new float[nd * g.voxels];
    for (int k = 0; k < SCALES.length; k++) {
      int c = SCALES[k];
      float[] comp = new float[nd * nodes(c, nd)];
      noise.fill(sample, firstCall + k, nd, c, comp);
      for (int i = 0; i < comp.length; i++) comp[i] = comp[i] * sigma * SIZE / c;
      int[] in = nd == 2 ? new int[] {c, c} : new int[] {c, c, c};
      Resize.linear(comp, 0, in, nd, g.sizes(), new int[nd], g, up, 0, null);
      for (int i = 0; i < v.length; i++) v[i] += up[i];
    }
    for (int i = 0; i < v.length; i++) v[i] *= SIZE;
    return v;
  }
}
