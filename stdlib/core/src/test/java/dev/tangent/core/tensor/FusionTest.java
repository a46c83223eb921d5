package dev.tangent.core.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import org.junit.jupiter.api.Test;

/** Fused elementwise chains on large tensors give exactly what step-by-step evaluation gives. */
class FusionTest {
  static final int N = Fusion.MIN_SIZE + 123;

  static Tangent withX(String dtype) {
    Tangent t = NumpyFixtures.interpreter();
    t.evalRaw("let x = rand(" + N + ", seed: 7, dtype: \"" + dtype + "\") * 6 - 3");
    return t;
  }

  static float[] floats(Tangent t, String expr) {
    return ((Tensor) t.evalRaw(expr)).toFloatArray();
  }

  @Test void aFusedChainMatchesTheElementwiseDefinition() {
    Tangent t = withX("f32");
    float[] x = floats(t, "x");
    float[] y = floats(t, "exp(x) * 2 + sin(x) - x / 4");
    assertEquals(N, y.length);
    for (int i = 0; i < N; i++) {
      double want = Math.exp(x[i]) * 2 + Math.sin(x[i]) - x[i] / 4.0;
      assertTrue(Math.abs(y[i] - want) <= 3e-6 * Math.max(1, Math.abs(want)), i + ": " + y[i] + " vs " + want);
    }
    assertEquals("f32", t.evalRaw("(exp(x) * 2 + sin(x)).dtype"));
  }

  @Test void fusedAndUnfusedF64AreBitIdentical() {
    Tangent t = withX("f64");
    double[] fused = ((Tensor) t.evalRaw("(x * 3 - 1) / (x * x + 2)")).toDoubleArray();
    double[] x = ((Tensor) t.evalRaw("x")).toDoubleArray();
    double[] want = new double[N];
    for (int i = 0; i < N; i++) want[i] = (x[i] * 3 - 1) / (x[i] * x[i] + 2);
    assertArrayEquals(want, fused);
  }

  @Test void fusedF32IsBitIdenticalToStepByStep() {
    Tangent t = withX("f32");
    float[] fused = floats(t, "exp(x) * 2 + sin(x) + 0.5 * x");
    // The same ops with each intermediate read (computed) before the next op.
    t.evalRaw("let e = exp(x)\ne[0]\nlet m = e * 2\nm[0]\nlet s = sin(x)\ns[0]\nlet a = m + s\na[0]\nlet h = 0.5 * x\nh[0]");
    assertArrayEquals(floats(t, "a + h"), fused);
  }

  @Test void writingAnInputFirstComputesWhatReadsIt() {
    Tangent t = withX("f64");
    double x0 = (Double) t.evalRaw("x[0]");
    t.evalRaw("let y = exp(x) + 1\nx[0] = 100\nx[1:10] = 0");
    assertEquals(Math.exp(x0) + 1, (Double) t.evalRaw("y[0]"), 1e-12);
    assertEquals(101.0, (Double) t.evalRaw("(x + 1)[0]"));
  }

  @Test void aResultUsedTwiceIsComputedOnceAndStaysRight() {
    Tangent t = withX("f64");
    t.evalRaw("let e = exp(x)\nlet a = e + 1\nlet b = e * 2");
    assertEquals(0.0, (Double) t.evalRaw("norm(a - (b / 2 + 1))"), 1e-9);
    t.evalRaw("var y = x * 2\ny[0] = 5\nlet z = y + 1");
    assertEquals(6.0, t.evalRaw("z[0]"));
  }

  @Test void largeReductionsMatchASequentialSum() {
    Tangent t = withX("f32");
    float[] x = floats(t, "x");
    double sum = 0;
    double max = Double.NEGATIVE_INFINITY;
    for (float v : x) {
      sum += v;
      max = Math.max(max, v);
    }
    assertEquals(sum, (Double) t.evalRaw("x.sum()"), 1e-9 * N);
    assertEquals(sum / N, (Double) t.evalRaw("x.mean()"), 1e-9);
    assertEquals(max, (Double) t.evalRaw("x.max()"));
    assertEquals(sum * 2, (Double) t.evalRaw("(x * 2).sum()"), 1e-9 * N);
  }

  @Test void longChainsStillComputeCorrectly() {
    Tangent t = withX("f64");
    t.evalRaw("var y = x\nfor k in 0..60 { y = y + 1 }");
    assertEquals(0.0, (Double) t.evalRaw("norm(y - x - 60)"), 1e-9);
  }
}
