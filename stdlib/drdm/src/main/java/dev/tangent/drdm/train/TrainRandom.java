package dev.tangent.drdm.train;

import java.util.SplittableRandom;

/** The random stream of one training step or generated sample: a SplitMix64 mix of (seed, index...). */
public final class TrainRandom {
  private TrainRandom() {}

  public static long mix(long seed, long... index) {
    long z = seed;
    for (long i : index) z = splitmix(z * 0x9E3779B97F4A7C15L + i + 1);
    return splitmix(z);
  }

  public static SplittableRandom stream(long seed, long... index) {
    return new SplittableRandom(mix(seed, index));
  }

  private static long splitmix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
