package dev.tangent.lib.data;

/**
 * PyTorch's CPU generator for the one thing LIB's data needs from it: torch.randperm(n,
 * generator=torch.Generator().manual_seed(seed)), hence torch.utils.data.random_split. The
 * generator is the 32-bit Mersenne Twister (mt19937) seeded with the seed's low 32 bits; randperm
 * swaps r[i] with r[i + random() % (n - i)] for i = 0 .. n - 2 (PyTorch's path for n below 2³²/20).
 */
public final class TorchRandom {
  private final int[] mt = new int[624];
  private int index;

  public TorchRandom(long seed) {
    mt[0] = (int) seed;
    for (int i = 1; i < 624; i++) mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    index = 624;
  }

  /** The next 32-bit output, as an unsigned value. */
  public long next32() {
    if (index >= 624) twist();
    int y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y & 0xffffffffL;
  }

  private void twist() {
    for (int k = 0; k < 624; k++) {
      int y = (mt[k] & 0x80000000) | (mt[(k + 1) % 624] & 0x7fffffff);
      mt[k] = mt[(k + 397) % 624] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
    }
    index = 0;
  }

  /** torch.randperm(n, generator seeded with seed). */
  public static int[] randperm(int n, long seed) {
    if (n < 0) throw new IllegalArgumentException("n must be >= 0");
    if ((long) n >= 0xffffffffL / 20) throw new IllegalArgumentException("n too large for the 32-bit path");
    TorchRandom g = new TorchRandom(seed);
    int[] r = new int[n];
    for (int i = 0; i < n; i++) r[i] = i;
    for (int i = 0; i < n - 1; i++) {
      int z = (int) (g.next32() % (n - i));
      int t = r[i];
      r[i] = r[z + i];
      r[z + i] = t;
    }
    return r;
  }
}
