package dev.tangent.drdm.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.tangent.drdm.DrdmTesting;
import dev.tangent.drdm.net.warp.Warp;
import dev.tangent.nn.engine.Grad;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * Warp's clamp (owned bounds, no borrowed Java memory) against libtorch's own clamp (DJL's clip,
 * the call it replaces): the same values, type and gradient, bit for bit, on values below, on,
 * inside and above the bounds, -0 and NaN, in f32, f64 and int64.
 */
class WarpClampTest {
  static final DrdmTesting T = new DrdmTesting();

  private static NDArray clamp(NDArray x, Number lo, Number hi) throws Exception {
    Method m = Warp.class.getDeclaredMethod("clamp", NDArray.class, Number.class, Number.class);
    m.setAccessible(true);
    return (NDArray) m.invoke(null, x, lo, hi);
  }

  private static double[] values(NDArray a) {
    return a.toType(DataType.FLOAT64, false).toDoubleArray();
  }

  @Test void sameValuesTypesAndGradientsAsLibtorchsClamp() throws Exception {
    double[] v = {-2, -0.0, 0, 0.5, 3, 7, 7.5, 9, Double.NaN, 6.999};
    double[] w = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    T.m();   // starts the engine
    for (DataType dt : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
      Grad.set(true);
      NDArray a = T.f64(v, 2, 5).toType(dt, false);
      NDArray b = T.f64(v, 2, 5).toType(dt, false);
      a.setRequiresGradient(true);
      b.setRequiresGradient(true);
      NDArray weights = T.f64(w, 2, 5).toType(dt, false);
      NDArray expected = a.clip(0, 7L);
      NDArray got = clamp(b, 0, 7L);
      assertEquals(expected.getDataType(), got.getDataType());
      assertEquals(expected.getShape(), got.getShape());
      assertArrayEquals(values(expected), values(got));
      Grad.backward(expected.mul(weights).sum());
      Grad.backward(got.mul(weights).sum());
      double[] ga = DrdmTesting.doubles(JniUtils.getGradient((PtNDArray) a));
      double[] gb = DrdmTesting.doubles(JniUtils.getGradient((PtNDArray) b));
      assertArrayEquals(ga, gb, dt + " gradients");
      assertEquals(0, gb[8], "no gradient through NaN, as clamp");
      assertEquals(6, gb[5], "gradient 1 on the bound, as clamp");
    }
    NDArray i = T.f64(new double[] {-1, 0, 3, 7, 8}, 5).toType(DataType.INT64, false);
    NDArray expected = i.clip(0, 7L);
    NDArray got = clamp(i, 0, 7L);
    assertEquals(expected.getDataType(), got.getDataType());
    assertArrayEquals(expected.toLongArray(), got.toLongArray());
  }
}
