package dev.tangent.lib.data;

/**
 * The modular-addition task of the LIB paper: inputs (a, b, p) for all a, b in 0..p-1 in
 * a-major order (rib's ModularArithmeticDataset), labels (a + b) mod p, and rib's train/test
 * split (random_split with torch's generator, train size int(frac · p²)).
 */
public final class ModAdd {
  private ModAdd() {}

  public static long[] tokens(int p) {
    long[] t = new long[p * p * 3];
    for (int a = 0; a < p; a++) for (int b = 0; b < p; b++) {
      int r = (a * p + b) * 3;
      t[r] = a;
      t[r + 1] = b;
      t[r + 2] = p;
    }
    return t;
  }

  public static long[] labels(int p) {
    long[] l = new long[p * p];
    for (int a = 0; a < p; a++) for (int b = 0; b < p; b++) l[a * p + b] = (a + b) % p;
    return l;
  }

  /** torch.utils.data.random_split(range(n), sizes, generator.manual_seed(seed)): the index lists. */
  public static int[][] randomSplit(int n, int[] sizes, long seed) {
    long sum = 0;
    for (int s : sizes) {
      if (s < 0) throw new IllegalArgumentException("split sizes must be >= 0");
      sum += s;
    }
    if (sum != n) throw new IllegalArgumentException("split sizes add up to " + sum + ", not " + n);
    int[] perm = TorchRandom.randperm(n, seed);
    int[][] out = new int[sizes.length][];
    int at = 0;
    for (int i = 0; i < sizes.length; i++) {
      out[i] = java.util.Arrays.copyOfRange(perm, at, at + sizes[i]);
      at += sizes[i];
    }
    return out;
  }
}
