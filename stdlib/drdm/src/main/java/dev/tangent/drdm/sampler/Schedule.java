package dev.tangent.drdm.sampler;

/**
 * DRDM's step counts (DeformDDPM._get_ddf_scale): the forward deformation psi_{t:1} composes
 * its velocity n_ddf(t) = clamp(floor(2 t^1.3 / 3), 1, 200) times, the training target psi_t
 * n_dvf(t) = floor(t^0.6) times. The code computes in float32, which matters at t = 32: 32^0.6 is
 * 7.999999999999999 in double but 8 in float32, and the code's table says 8.
 */
public final class Schedule {
  private Schedule() {}

  /** DRDM's number of diffusion steps (T). */
  public static final int STEPS = 80;
  public static final int MAX_DDF = 200;

  public static int nDdf(int t) {
    int n = (int) Math.floor((2f * (float) Math.pow(t, 1.3)) / 3f);
    return Math.max(1, Math.min(MAX_DDF, n));
  }

  public static int nDvf(int t) {
    return (int) Math.floor((float) Math.pow(t, 0.6));
  }
}
