package dev.tangent.core.tensor;

/**
 * exp, log, sin and cos over float arrays, written so that HotSpot's C2 (Java 17 included) compiles
 * them to SIMD code on its own, without the incubating Vector API. C2 vectorises a counted loop
 * only when every array in it uses the same index, its body is small enough to unroll, and it
 * does float arithmetic only (fma, abs and max included). So each kernel copies a block into
 * per-thread scratch arrays, reduces the argument and evaluates the polynomial in float in
 * several short loops, and keeps the steps C2 cannot vectorise (moving bits between a float and
 * its exponent) in loops of their own. A block with an argument outside the fast range (overflow,
 * huge angles, log of zero or negatives, NaN) goes through the scalar double-precision kernels.
 *
 * <p>Accuracy: within 1 ulp of the correctly rounded result (FloatLoopsTest); the reductions are
 * exact or carried in two floats, and cos(r) splits 1 - r^2/2 exactly.
 */
final class FloatLoops {
  private FloatLoops() {}

  /** Block length: input, output and scratch arrays of one block stay in the L1 cache. */
  static final int BLOCK = 1024;

  private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[5][BLOCK]);

  /** Adding it to a float below 2^22 in magnitude rounds it to an integer (round-to-nearest-even). */
  private static final float MAGIC = 0x1.8p23f;

  // ------------------------------------------------------------------ exp

  private static final float LOG2E = 0x1.715476p0f;
  private static final float LN2_HI = 0x1.62e43p-1f;
  private static final float LN2_LO = (float) (0.6931471805599453 - 0x1.62e43p-1);
  /** Minimax coefficients of e^r on |r| <= ln2/2 (relative error 5e-9). */
  private static final float E2 = 0x1.fffffcp-2f, E3 = 0x1.55548ap-3f, E4 = 0x1.555916p-5f,
      E5 = 0x1.123fd2p-7f, E6 = 0x1.6a1a5ep-10f;
  /** Inside (EXP_MID - EXP_HALF, EXP_MID + EXP_HALF), 2^k * p stays a normal float. */
  private static final float EXP_MID = 0.7f, EXP_HALF = 87.6f;

  static void exp(float[] a, int ao, float[] z, int zo, int n) {
    float[][] s = SCRATCH.get();
    float[] x = s[0], p = s[1], kb = s[2];
    for (int b = 0; b < n; b += BLOCK) {
      int m = Math.min(BLOCK, n - b);
      System.arraycopy(a, ao + b, x, 0, m);
      if (maxAbsDistance(x, m, EXP_MID) < EXP_HALF) {
        expReduce(x, p, kb, m);
        scaleByPowerOfTwo(p, kb, x, m);
      } else {
        for (int i = 0; i < m; i++) x[i] = FastMath32.exp(x[i]);
      }
      System.arraycopy(x, 0, z, zo + b, m);
    }
  }

  /** max |x[i] - c| over [0, m); NaN if any x[i] is NaN. */
  private static float maxAbsDistance(float[] x, int m, float c) {
    float r = 0;
    for (int i = 0; i < m; i++) r = Math.max(r, Math.abs(x[i] - c));
    return r;
  }

  /** x = k ln2 + r: p = e^r, and kb = k + MAGIC (k in its low bits). */
  private static void expReduce(float[] x, float[] p, float[] kb, int m) {
    for (int i = 0; i < m; i++) {
      float v = x[i];
      float kk = Math.fma(v, LOG2E, MAGIC);
      float k = kk - MAGIC;
      float r = Math.fma(k, -LN2_HI, v); // exact: |r| < 1 and both terms are multiples of 2^-24
      r = Math.fma(k, -LN2_LO, r);
      float q = Math.fma(E6, r, E5);
      q = Math.fma(q, r, E4);
      q = Math.fma(q, r, E3);
      q = Math.fma(q, r, E2);
      q = Math.fma(q, r, 1f);
      p[i] = Math.fma(q, r, 1f);
      kb[i] = kk;
    }
  }

  /** z = p * 2^k: k is added to p's exponent (the low bits of kb shifted into place). */
  private static void scaleByPowerOfTwo(float[] p, float[] kb, float[] z, int m) {
    for (int i = 0; i < m; i++) {
      z[i] = Float.intBitsToFloat(Float.floatToRawIntBits(p[i]) + (Float.floatToRawIntBits(kb[i]) << 23));
    }
  }

  // ------------------------------------------------------------------ log

  /** ln 2 = LN2_HI + LN2_LO, LN2_HI with 9 bits so that k * LN2_HI is exact. */
  private static final float LOG_LN2_HI = 0.693359375f, LOG_LN2_LO = -2.12194440e-4f;
  /** Minimax: log(1 + f) = f - f^2/2 + f^3 (L0 + L1 f + ... + L7 f^7) on [sqrt(1/2) - 1, sqrt(2) - 1]. */
  private static final float L0 = 0x1.555554p-2f, L1 = -0x1.000226p-2f, L2 = 0x1.99a008p-3f, L3 = -0x1.547244p-3f,
      L4 = 0x1.22da1cp-3f, L5 = -0x1.0d8542p-3f, L6 = 0x1.055b6cp-3f, L7 = -0x1.38b582p-4f;
  /** The bits of sqrt(1/2): mantissas are taken in [sqrt(1/2), sqrt(2)). */
  private static final int SQRT_HALF_BITS = 0x3f3504f3;

  static void log(float[] a, int ao, float[] z, int zo, int n) {
    float[][] s = SCRATCH.get();
    float[] f = s[0], k = s[1];
    for (int b = 0; b < n; b += BLOCK) {
      int m = Math.min(BLOCK, n - b);
      if (splitExponent(a, ao + b, f, k, m)) {
        logPoly(f, k, m);
        System.arraycopy(f, 0, z, zo + b, m);
      } else {
        for (int i = 0; i < m; i++) z[zo + b + i] = (float) Math.log(a[ao + b + i]);
      }
    }
  }

  /**
   * x = 2^k (1 + f) with 1 + f in [sqrt(1/2), sqrt(2)); false when some x is not a positive,
   * normal, finite float (zero, negative, subnormal, infinite, NaN), for the scalar path.
   */
  private static boolean splitExponent(float[] a, int ao, float[] f, float[] k, int m) {
    boolean ok = true;
    for (int i = 0; i < m; i++) {
      int bits = Float.floatToRawIntBits(a[ao + i]);
      ok &= bits >= 0x00800000 & bits < 0x7f800000;
      int e = (bits - SQRT_HALF_BITS) >> 23;
      f[i] = Float.intBitsToFloat(bits - (e << 23)) - 1f; // exact: the mantissa is in [0.7, 1.5)
      k[i] = e;
    }
    return ok;
  }

  /** f = log(2^k (1 + f)) = k ln2 + log(1 + f). */
  private static void logPoly(float[] f, float[] k, int m) {
    for (int i = 0; i < m; i++) {
      float x = f[i];
      float e = k[i];
      float x2 = x * x;
      float p = Math.fma(Math.fma(Math.fma(Math.fma(L7, x, L6), x, L5), x, L4), x, L3);
      p = Math.fma(Math.fma(Math.fma(p, x, L2), x, L1), x, L0);
      float y = Math.fma(e, LOG_LN2_LO, x * x2 * p);
      y = Math.fma(-0.5f, x2, y);
      f[i] = Math.fma(e, LOG_LN2_HI, x + y);
    }
  }

  // ------------------------------------------------------------------ sin and cos

  private static final float TWO_OVER_PI = 0x1.45f306p-1f;
  /** pi/2 as a sum of three floats. */
  private static final float PIO2_A = 0x1.921fb6p+0f, PIO2_B = -0x1.777a5cp-25f, PIO2_C = -0x1.ee59dap-50f;
  /** Minimax: sin r = r + r^3 (S3 + S5 r^2 + ...), cos r = 1 - r^2/2 + r^4 (C4 + ...) on |r| <= pi/4. */
  private static final float S3 = -0x1.555556p-3f, S5 = 0x1.111108p-7f, S7 = -0x1.a00f48p-13f, S9 = 0x1.6cc502p-19f;
  private static final float C4 = 0x1.55554ap-5f, C6 = -0x1.6c0bfcp-10f, C8 = 0x1.99db9ap-16f;
  /** Beyond this the float quadrant k loses the exactness the reduction relies on. */
  private static final float TRIG_LIMIT = 1e4f;

  static void sin(float[] a, int ao, float[] z, int zo, int n) {
    sinOrCos(a, ao, z, zo, n, 0f);
  }

  static void cos(float[] a, int ao, float[] z, int zo, int n) {
    sinOrCos(a, ao, z, zo, n, 1f);
  }

  /** sin(x + quarter * pi/2). */
  private static void sinOrCos(float[] a, int ao, float[] z, int zo, int n, float quarter) {
    float[][] s = SCRATCH.get();
    float[] x = s[0], r = s[1], rlo = s[2], q = s[3], sn = s[4];
    for (int b = 0; b < n; b += BLOCK) {
      int m = Math.min(BLOCK, n - b);
      System.arraycopy(a, ao + b, x, 0, m);
      if (maxAbsDistance(x, m, 0f) < TRIG_LIMIT) {
        quadrantReduce(x, r, rlo, q, m, quarter);
        sinPoly(r, rlo, sn, m);
        cosPoly(r, rlo, m);
        combine(r, sn, q, x, m);
      } else if (quarter == 0f) {
        for (int i = 0; i < m; i++) x[i] = FastMath32.sin(x[i]);
      } else {
        for (int i = 0; i < m; i++) x[i] = FastMath32.cos(x[i]);
      }
      System.arraycopy(x, 0, z, zo + b, m);
    }
  }

  /** x = k pi/2 + (r + rlo), |r| <= pi/4 (a little more where x * 2/pi rounds), q = k + quarter. */
  private static void quadrantReduce(float[] x, float[] r, float[] rlo, float[] q, int m, float quarter) {
    for (int i = 0; i < m; i++) {
      float v = x[i];
      float k = Math.fma(v, TWO_OVER_PI, MAGIC) - MAGIC;
      float r1 = Math.fma(k, -PIO2_A, v); // exact: |r1| < 1 and both terms are multiples of 2^-24
      float u = k * PIO2_B;
      float ulo = Math.fma(k, PIO2_B, -u); // u + ulo = k * PIO2_B exactly
      float hi = r1 - u;
      float bb = hi - r1;
      r[i] = hi;
      rlo[i] = ((r1 - (hi - bb)) - (u + bb)) - ulo - k * PIO2_C; // TwoSum error of r1 - u, and the rest
      q[i] = k + quarter;
    }
  }

  /** sn = sin(r + rlo) ~ r + r^3 P(r^2) + rlo. */
  private static void sinPoly(float[] r, float[] rlo, float[] sn, int m) {
    for (int i = 0; i < m; i++) {
      float v = r[i];
      float v2 = v * v;
      float p = Math.fma(Math.fma(Math.fma(S9, v2, S7), v2, S5), v2, S3);
      sn[i] = v + Math.fma(v * v2, p, rlo[i]);
    }
  }

  /** r = cos(r + rlo) ~ 1 - r^2/2 + r^4 Q(r^2) - r rlo, with 1 - r^2/2 and r^2 split exactly. */
  private static void cosPoly(float[] r, float[] rlo, int m) {
    for (int i = 0; i < m; i++) {
      float v = r[i];
      float v2 = v * v;
      float v2lo = Math.fma(v, v, -v2);
      float h = 0.5f * v2;
      float w = 1f - h;
      float werr = (1f - w) - h;
      float p = Math.fma(Math.fma(C8, v2, C6), v2, C4);
      r[i] = w + (Math.fma(v2 * v2, p, werr) - Math.fma(0.5f, v2lo, v * rlo[i]));
    }
  }

  /** out = sin(r + q pi/2): cos where q is odd, negated where q mod 4 is 2 or 3; all in float arithmetic. */
  private static void combine(float[] cos, float[] sin, float[] q, float[] out, int m) {
    for (int i = 0; i < m; i++) {
      float k = q[i];
      float odd = Math.abs(Math.fma(-2f, Math.fma(k, 0.5f, MAGIC) - MAGIC, k)); // k mod 2
      float half = (k - odd) * 0.5f; // floor(k / 2)
      float neg = Math.abs(Math.fma(-2f, Math.fma(half, 0.5f, MAGIC) - MAGIC, half));
      out[i] = Math.fma(cos[i], odd, sin[i] * (1f - odd)) * Math.fma(-2f, neg, 1f);
    }
  }
}
