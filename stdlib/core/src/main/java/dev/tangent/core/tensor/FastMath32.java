package dev.tangent.core.tensor;

/**
 * exp, sin and cos for f32 tensors, evaluated in double precision with short polynomials: a
 * few times faster than Math.exp/Math.sin and still correctly rounded to float in nearly all
 * cases (error below 1 ulp of float; checked against Math in FastMath32Test).
 */
final class FastMath32 {
  private FastMath32() {}

  private static final double LOG2E = 1.4426950408889634;
  private static final double LN2 = 0.6931471805599453;
  // Taylor coefficients of 2^f = e^(f ln2) for |f| <= 0.5: ln2^k / k!.
  private static final double E1 = LN2;
  private static final double E2 = LN2 * LN2 / 2;
  private static final double E3 = E2 * LN2 / 3;
  private static final double E4 = E3 * LN2 / 4;
  private static final double E5 = E4 * LN2 / 5;
  private static final double E6 = E5 * LN2 / 6;
  private static final double E7 = E6 * LN2 / 7;

  /**
   * 1.5 * 2^52: adding it rounds a double of magnitude below 2^51 to the nearest integer n and
   * leaves n, two's complement, in the low bits of the sum, with no rint or double-to-long
   * conversion (which cost as much as the polynomial).
   */
  private static final double ROUND = 0x1.8p52;

  static float exp(float xf) {
    double x = xf;
    if (!(x < 88.8)) return x != x ? Float.NaN : Float.POSITIVE_INFINITY;
    if (x < -104) return 0f;
    double t = x * LOG2E;
    double rounded = t + ROUND;
    long n = Double.doubleToRawLongBits(rounded);
    double f = t - (rounded - ROUND);
    double p = 1 + f * (E1 + f * (E2 + f * (E3 + f * (E4 + f * (E5 + f * (E6 + f * E7))))));
    // The low 12 bits of n + 1023 are the biased exponent of 2^n (n is in [-150, 128] here).
    return (float) (p * Double.longBitsToDouble((n + 1023) << 52));
  }

  private static final double TWO_OVER_PI = 0.6366197723675814;
  private static final double PIO2_1 = 1.57079632673412561417e+00;
  private static final double PIO2_1T = 6.07710050650619224932e-11;
  private static final double S3 = -1.0 / 6;
  private static final double S5 = 1.0 / 120;
  private static final double S7 = -1.0 / 5040;
  private static final double S9 = 1.0 / 362880;
  private static final double C2 = -0.5;
  private static final double C4 = 1.0 / 24;
  private static final double C6 = -1.0 / 720;
  private static final double C8 = 1.0 / 40320;
  private static final double C10 = -1.0 / 3628800;

  /** Beyond this, the two-part reduction loses bits: use Math. */
  private static final double REDUCTION_LIMIT = 1e5;

  static float sin(float xf) {
    double x = xf;
    if (!(Math.abs(x) < REDUCTION_LIMIT)) return (float) Math.sin(x);
    double rounded = x * TWO_OVER_PI + ROUND;
    double k = rounded - ROUND;
    double r = (x - k * PIO2_1) - k * PIO2_1T;
    return (float) quadrant(r, (int) Double.doubleToRawLongBits(rounded));
  }

  static float cos(float xf) {
    double x = xf;
    if (!(Math.abs(x) < REDUCTION_LIMIT)) return (float) Math.cos(x);
    double rounded = x * TWO_OVER_PI + ROUND;
    double k = rounded - ROUND;
    double r = (x - k * PIO2_1) - k * PIO2_1T;
    return (float) quadrant(r, (int) Double.doubleToRawLongBits(rounded) + 1);
  }

  /** sin(r + q pi/2) for |r| <= pi/4; both polynomials and selects, so no branch mispredicts. */
  private static double quadrant(double r, int q) {
    double z = r * r;
    // Taylor terms up to r^9 and r^10: the next ones are below 2e-9, far under half an ulp of float.
    double sin = r + r * z * (S3 + z * (S5 + z * (S7 + z * S9)));
    double cos = 1 + z * (C2 + z * (C4 + z * (C6 + z * (C8 + z * C10))));
    double s = (q & 1) == 0 ? sin : cos;
    return s * (1 - (q & 2));
  }
}
