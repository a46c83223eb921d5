package dev.tangent.io;

/** NumPy's legacy RandomState(seed): MT19937 with init_genrand and 53-bit rand(), for reproducing its fixtures. */
final class Mt19937 {
  private final int[] mt = new int[624];
  private int index = 624;

  Mt19937(long seed) {
    mt[0] = (int) seed;
    for (int i = 1; i < 624; i++) mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
  }

  int nextInt() {
    if (index >= 624) {
      for (int i = 0; i < 624; i++) {
        int y = (mt[i] & 0x80000000) | (mt[(i + 1) % 624] & 0x7fffffff);
        mt[i] = mt[(i + 397) % 624] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
      }
      index = 0;
    }
    int y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y;
  }

  double nextDouble() {
    long a = (nextInt() >>> 5) & 0xffffffffL, b = (nextInt() >>> 6) & 0xffffffffL;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }
}
