package dev.tangent.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The f32 exp/sin/cos kernels against Math (double precision rounded to float): within 1 ulp. */
class FastMath32Test {
  static void within1Ulp(float got, double want, String what) {
    float w = (float) want;
    if (Float.isNaN(w)) {
      assertTrue(Float.isNaN(got), what);
      return;
    }
    if (Float.isInfinite(w) || w == 0) {
      assertEquals(w, got, Math.ulp(Float.MIN_NORMAL), what);
      return;
    }
    assertTrue(Math.abs(got - w) <= Math.ulp(w), what + ": " + got + " vs " + w);
  }

  @Test void expSinCosMatchMathOnRandomAndEdgeInputs() {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 2_000_000; i++) {
      float x = (float) (r.nextDouble() * 200 - 100);
      if (i % 4 == 0) x = (float) (r.nextDouble() * 2e5 - 1e5);
      if (i % 4 == 1) x = (float) (r.nextDouble() * 8 - 4);
      within1Ulp(FastMath32.exp(x), Math.exp(x), "exp(" + x + ")");
      within1Ulp(FastMath32.sin(x), Math.sin(x), "sin(" + x + ")");
      within1Ulp(FastMath32.cos(x), Math.cos(x), "cos(" + x + ")");
    }
    float[] edges = {0f, -0f, 88.7f, 88.73f, 89f, -87.3f, -103f, -104f, -200f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, 1e-30f, (float) Math.PI, 1e6f, -3e7f, Float.MAX_VALUE};
    for (float x : edges) {
      within1Ulp(FastMath32.exp(x), Math.exp(x), "exp(" + x + ")");
      within1Ulp(FastMath32.sin(x), Math.sin(x), "sin(" + x + ")");
      within1Ulp(FastMath32.cos(x), Math.cos(x), "cos(" + x + ")");
    }
  }
}
