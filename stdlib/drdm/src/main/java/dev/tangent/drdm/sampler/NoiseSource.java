package dev.tangent.drdm.sampler;

/**
 * Where the sampler's normal noise comes from. For each sample it asks for 8 arrays in a fixed
 * order, call k = 0..7: the velocity at control sizes 64, 32, 16, 8, then the 8 % noise field at
 * the same sizes; each holds nd x c^nd values ([nd, c, c(, c)] row-major), as torch.randn fills
 * [B, nd, c, c(, c)] in DRDM's code. Tests plug in deterministic noise here.
 */
public interface NoiseSource {
  /** Fills {@code out} with the noise of call {@code call} for batch sample {@code sample}. */
  void fill(int sample, int call, int nd, int c, float[] out);
}
