package dev.tangent.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The vectorisable f32 exp/sin/cos loops against Math (double precision rounded to float): within
 * 1 ulp everywhere, including the hard cases of each reduction, blocks that fall back to the scalar
 * kernel, offsets, odd lengths and in-place calls.
 */
class FloatLoopsTest {
  interface Kernel {
    void run(float[] a, int ao, float[] z, int zo, int n);
  }

  static void check(Kernel k, DoubleUnaryOperator ref, float[] xs, String name) {
    // Odd offsets and a length that is not a multiple of the block.
    int ao = 3, zo = 5, n = xs.length;
    float[] a = new float[n + ao];
    System.arraycopy(xs, 0, a, ao, n);
    float[] z = new float[n + zo + 2];
    z[n + zo] = 42f;
    k.run(a, ao, z, zo, n);
    for (int i = 0; i < n; i++) FastMath32Test.within1Ulp(z[zo + i], ref.applyAsDouble(xs[i]), name + "(" + xs[i] + ")");
    assertEquals(42f, z[n + zo], "wrote past the end");
    // In place gives the same values.
    float[] b = xs.clone();
    k.run(b, 0, b, 0, n);
    for (int i = 0; i < n; i++) assertEquals(z[zo + i], b[i], name + " in place at " + xs[i]);
  }

  static float[] uniform(SplittableRandom r, int n, double lo, double hi) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) x[i] = (float) (lo + r.nextDouble() * (hi - lo));
    return x;
  }

  @Test void expWithin1UlpOnItsWholeRange() {
    SplittableRandom r = new SplittableRandom(11);
    for (double[] range : new double[][] {{-1, 1}, {-86, 88}, {-0.35, 0.35}, {80, 88.3}, {-86.9, -80}}) {
      check(FloatLoops::exp, Math::exp, uniform(r, 300_001, range[0], range[1]), "exp");
    }
    // Blocks with overflow, underflow to subnormals and zero, NaN and infinities take the scalar path.
    float[] edges = uniform(r, 5000, -120, 100);
    float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 88.72f, 88.73f, -87.3f, -103f, -104f, -0f, 0f};
    System.arraycopy(special, 0, edges, 1500, special.length);
    check(FloatLoops::exp, Math::exp, edges, "exp");
  }

  @Test void sinAndCosWithin1UlpIncludingNearMultiplesOfHalfPi() {
    SplittableRandom r = new SplittableRandom(12);
    for (double[] range : new double[][] {{-4, 4}, {-0.01, 0.01}, {-100, 100}, {-9999, 9999}}) {
      float[] x = uniform(r, 300_001, range[0], range[1]);
      check(FloatLoops::sin, Math::sin, x, "sin");
      check(FloatLoops::cos, Math::cos, x, "cos");
    }
    // The floats next to k pi/2 and (2k+1) pi/4: cancellation in the reduction, and the quadrant
    // boundary where k may round either way.
    float[] hard = new float[60_000];
    for (int i = 0; i < 10_000; i++) {
      float zero = (float) (Math.PI / 2 * i);
      float boundary = (float) (Math.PI / 4 * (2 * i + 1));
      hard[6 * i] = zero;
      hard[6 * i + 1] = Math.nextUp(zero);
      hard[6 * i + 2] = -Math.nextDown(zero);
      hard[6 * i + 3] = boundary;
      hard[6 * i + 4] = Math.nextUp(boundary);
      hard[6 * i + 5] = -Math.nextDown(boundary);
    }
    check(FloatLoops::sin, Math::sin, hard, "sin");
    check(FloatLoops::cos, Math::cos, hard, "cos");
    // Blocks with huge arguments, NaN and infinities take the scalar path.
    float[] edges = uniform(r, 5000, -20, 20);
    float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e4f, 1e6f, -3e7f, Float.MAX_VALUE};
    System.arraycopy(special, 0, edges, 2500, special.length);
    check(FloatLoops::sin, Math::sin, edges, "sin");
    check(FloatLoops::cos, Math::cos, edges, "cos");
  }

  @Test void logWithin1UlpFromTinyToHugeAndNearOne() {
    SplittableRandom r = new SplittableRandom(13);
    for (double[] range : new double[][] {{0.5, 2}, {0.99, 1.01}, {1e-3, 1e3}, {1, 3e38}}) {
      check(FloatLoops::log, Math::log, uniform(r, 300_001, range[0], range[1]), "log");
    }
    // Log-uniform over every normal exponent, and the floats next to 1 and to sqrt(1/2) * 2^k.
    float[] wide = new float[300_000];
    for (int i = 0; i < wide.length; i++) wide[i] = (float) Math.exp(-87 + r.nextDouble() * 175);
    check(FloatLoops::log, Math::log, wide, "log");
    float[] near = new float[4000];
    float x = 1f;
    float y = 1f;
    for (int i = 0; i < 1000; i++) {
      near[i] = x = Math.nextUp(x);
      near[1000 + i] = y = Math.nextDown(y);
      near[2000 + i] = (float) (Math.sqrt(0.5) * Math.pow(2, i % 200 - 100));
      near[3000 + i] = Math.nextUp(near[2000 + i]);
    }
    check(FloatLoops::log, Math::log, near, "log");
    // Blocks with zero, negatives, subnormals, infinities and NaN take the scalar path.
    float[] edges = uniform(r, 5000, 0.1, 10);
    float[] special = {0f, -0f, -1f, Float.MIN_VALUE, 1e-40f, Float.MIN_NORMAL, Float.MAX_VALUE,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
    System.arraycopy(special, 0, edges, 3000, special.length);
    check(FloatLoops::log, Math::log, edges, "log");
  }

  @Test void theScalarPathsF32KernelsAgreeWithDoubleMathAtEqualAndUnequalOffsets() {
    // Elementwise.floatKernel without the Vector API, as a plain JVM runs it: the same-index
    // loops (equal offsets) and the general ones must give the same values, close to double math.
    SplittableRandom r = new SplittableRandom(14);
    int n = 5000;
    float[] xs = uniform(r, n, -20, 20);
    float[] pos = uniform(r, n, 1e-3, 1e3);
    String[] fns = {"sigmoid", "neg", "abs", "sqrt", "log", "exp", "sin", "cos"};
    for (String fn : fns) {
      float[] in = fn.equals("sqrt") || fn.equals("log") ? pos : xs;
      DoubleUnaryOperator ref = fn.equals("neg") ? v -> -v : MathFunctions.get(fn);
      // sigmoid is 1 / (1 + exp(-x)) in float: exp within 1 ulp, then two roundings.
      double ulps = fn.equals("sigmoid") ? 2 : 1;
      for (int[] offsets : new int[][] {{7, 7}, {3, 0}, {0, 5}}) {
        int ao = offsets[0];
        int zo = offsets[1];
        float[] a = new float[n + ao];
        System.arraycopy(in, 0, a, ao, n);
        float[] z = new float[n + zo];
        Elementwise.floatKernel(fn, ref, a, ao, z, zo, n, false);
        for (int i = 0; i < n; i++) {
          float want = (float) ref.applyAsDouble(in[i]);
          float got = z[zo + i];
          assertTrue(Math.abs(got - want) <= ulps * Math.ulp(want),
              fn + "(" + in[i] + ") at offsets " + ao + "/" + zo + ": " + got + " vs " + want);
        }
      }
    }
  }
}
