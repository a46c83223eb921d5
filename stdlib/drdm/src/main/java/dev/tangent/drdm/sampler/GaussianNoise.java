package dev.tangent.drdm.sampler;

import java.util.SplittableRandom;

/**
 * Standard normal noise from java.util.SplittableRandom (SplitMix64) and its nextGaussian()
 * (the JDK's modified ziggurat). Sample b of a batch draws from its own generator, seeded with a
 * SplitMix64 mix of (seed, b), so a sample's fields depend on the seed and its index only, not on
 * the batch size; its 8 calls must come in order.
 */
public final class GaussianNoise implements NoiseSource {
  private final long seed;
  private final java.util.Map<Integer, SplittableRandom> streams = new java.util.concurrent.ConcurrentHashMap<>();

  public GaussianNoise(long seed) {
    this.seed = seed;
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  @Override public void fill(int sample, int call, int nd, int c, float[] out) {
    SplittableRandom r = streams.computeIfAbsent(sample, b -> new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + b + 1)));
    for (int i = 0; i < out.length; i++) out[i] = (float) r.nextGaussian();
  }
}
