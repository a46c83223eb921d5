package dev.tangent.core.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** dtype promotion, printing, json, the embedding conversions and the stable Java API. */
class TensorValuesTest {
  final Tangent t = NumpyFixtures.interpreter();

  @Test void promotionFollowsNumpy() {
    DType[] ts = DType.values();
    // numpy 2: rows/columns bool, i64, f32, f64.
    String[][] want = {
        {"bool", "i64", "f32", "f64"},
        {"i64", "i64", "f64", "f64"},
        {"f32", "f64", "f32", "f64"},
        {"f64", "f64", "f64", "f64"}};
    for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) assertEquals(want[i][j], DType.promote(ts[i], ts[j]).text, ts[i] + "+" + ts[j]);
    assertEquals(DType.F32, DType.withScalar(DType.F32, 2.5));
    assertEquals(DType.I64, DType.withScalar(DType.I64, 2));
    assertEquals(DType.F64, DType.withScalar(DType.I64, 2.5));
    assertEquals("i64", t.evalRaw("(tensor([true]) + tensor([true])).dtype"));
  }

  @Test void javaRandnGivesTheScriptsNumbersAndStandardNormalOnes() {
    for (long seed : new long[] {1, 7}) {
      Tensor j = Tensor.randn(seed, 5, 3);
      assertArrayEquals(new int[] {5, 3}, j.shape());
      assertEquals("java", j.device());
      assertArrayEquals(((Tensor) t.evalRaw("randn(5, 3, seed: " + seed + ")")).toDoubleArray(), j.toDoubleArray(), 0);
    }
    double[] d = Tensor.randn(3, 200_000).toDoubleArray();
    double mean = java.util.Arrays.stream(d).average().orElseThrow();
    double var = java.util.Arrays.stream(d).map(x -> (x - mean) * (x - mean)).sum() / d.length;
    assertEquals(0, mean, 0.01);   // 4.5 standard errors
    assertEquals(1, var, 0.015);
  }

  @Test void printsLikeNumpyWithDtypeForNonF64() {
    assertEquals("tensor([0.1, 0.7], dtype=f32)", t.evalRaw("repr(tensor([0.1, 0.7], dtype: \"f32\"))"));
    assertEquals("tensor([1, 2], dtype=i64)", t.evalRaw("repr(tensor([1, 2], dtype: \"i64\"))"));
    assertEquals("tensor([ true, false])", t.evalRaw("repr(tensor([1, 0]) > 0)"));
    // numpy 2.x prints [ 1.0e-05 -1.5e+00  0.0e+00], [1.0000000e+00 6.9388939e-18] and
    // [1.00000000e+00 6.93889390e-18 1.38777878e-17]: every mantissa gets as many digits as the longest.
    assertEquals("tensor([ 1.0e-05, -1.5e+00,  0.0e+00])", t.evalRaw("repr(tensor([1e-5, -1.5, 0]))"));
    assertEquals("tensor([1.00000000e+00, 6.93889390e-18, 1.38777878e-17])",
        t.evalRaw("repr(tensor([1, 2 ** -57, 1.38777878e-17]))"));
    assertEquals("tensor([1.0000000e+00, 6.9388939e-18])", t.evalRaw("repr(tensor([1, 6.9388939e-18]))"));
    String big = (String) t.evalRaw("repr(arange(2000).reshape(40, 50))");
    assertTrue(big.contains("...") && big.length() < 600, big);
    assertTrue(((String) t.evalRaw("zeros(2, 3, dtype: \"f32\").info()")).startsWith("Tensor shape=(2, 3) dtype=f32 device=java"));
  }

  @Test void jsonAndEmbeddingConversions() {
    assertEquals("[[1, 2], [3, 4]]", t.evalRaw("json(tensor([[1, 2], [3, 4]]))"));
    assertEquals("[true, false]", t.evalRaw("json(tensor([true, false]))"));
    t.set("m", new double[][] {{1, 2}, {3, 4}});
    t.set("f", new float[] {1.5f, 2.5f});
    t.set("l", new long[] {1L << 60, 3});
    t.set("b", new boolean[] {true, false});
    assertEquals("f32", t.evalRaw("f.dtype"));
    assertEquals("i64", t.evalRaw("l.dtype"));
    assertEquals("bool", t.evalRaw("b.dtype"));
    assertEquals(10.0, t.evalRaw("m.sum()"));
    assertArrayEquals(new float[] {3f, 5f}, (float[]) t.eval("f * 2"));
    assertArrayEquals(new long[] {1L << 60, 3}, (long[]) t.eval("l"));
    assertArrayEquals(new boolean[] {false, true}, (boolean[]) t.eval("logical_not(b)"));
    assertArrayEquals(new double[] {1, 3}, ((double[][]) t.eval("m.T"))[0]);
    assertEquals(List.of(2.0, 2.0), t.eval("m.shape"));
  }

  @Test void theStableJavaApiKeepsItsMeaning() {
    Tensor a = Tensor.ofDoubles(new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6});
    assertEquals("f64", a.dtype());
    assertEquals(6.0, a.getAt(1, 2));
    assertEquals(2.0, a.get(1));
    assertEquals(4.0, a.get(1, 0));
    assertArrayEquals(new double[] {4, 5, 6}, a.toArray2()[1]);
    Tensor c = a.copy();
    c.set(0, 0, 9);
    assertEquals(1.0, a.get(0, 0));
    assertEquals("f32", Tensor.ofFloats(new int[] {2}, new float[] {1, 2}).dtype());
    assertArrayEquals(new long[] {7, 8}, Tensor.ofLongs(new int[] {2}, new long[] {7, 8}).toLongArray());
    assertArrayEquals(new float[] {1, 0}, Tensor.ofBools(new int[] {2}, new boolean[] {true, false}).toFloatArray());
    assertArrayEquals(new int[] {3, 3}, Tensor.eye(3).shape());
    assertArrayEquals(new double[] {0, 0}, Tensor.zeros(2).toDoubleArray());
    assertEquals(5.0, Tensor.matrix(new double[][] {{1, 2}, {3, 5}}).get(1, 1));
    assertEquals(3.0, Tensor.vector(1, 2, 3).get(2));
  }
}
