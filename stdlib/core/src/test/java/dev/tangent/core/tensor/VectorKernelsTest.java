package dev.tangent.core.tensor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.spi.BinOp;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The SIMD f32 kernels (the core's tests run with jdk.incubator.vector) against Math: within 2 ulp. */
class VectorKernelsTest {
  @Test void theVectorModuleIsThereInTheseTests() {
    assertTrue(Simd.AVAILABLE, "stdlib/core's surefire argLine adds jdk.incubator.vector");
  }

  @Test void unaryKernelsMatchMath() {
    SplittableRandom r = new SplittableRandom(9);
    int n = 100_003;
    float[] x = new float[n];
    for (int i = 0; i < n; i++) x[i] = (float) (r.nextDouble() * 40 - 20);
    String[] fns = {"exp", "sin", "cos", "tanh", "sqrt", "log", "abs", "neg"};
    for (String fn : fns) {
      float[] in = x.clone();
      if (fn.equals("sqrt") || fn.equals("log")) for (int i = 0; i < n; i++) in[i] = Math.abs(in[i]) + 1e-3f;
      float[] z = new float[n];
      assertTrue(Simd.unary(fn, in, 0, z, 0, n), fn);
      for (int i = 0; i < n; i++) {
        double want = fn.equals("neg") ? -in[i] : MathFunctions.get(fn).applyAsDouble(in[i]);
        float w = (float) want;
        double tol = 2 * Math.ulp(w) + (fn.equals("sin") || fn.equals("cos") ? 1e-7 : 0);
        assertTrue(Math.abs(z[i] - w) <= tol, fn + "(" + in[i] + ") = " + z[i] + ", Math gives " + w);
      }
    }
  }

  @Test void binaryKernelsAreExact() {
    float[] x = {1.5f, -2f, 3.25f, 7f, 0.1f, 9f, -4f, 2f, 5f, 6f, 11f};
    float[] y = {2f, 4f, -1f, 3f, 0.3f, 1f, 8f, -2f, 0.5f, 3f, 7f};
    for (BinOp op : new BinOp[] {BinOp.ADD, BinOp.SUB, BinOp.MUL, BinOp.DIV}) {
      float[] z = new float[x.length];
      assertTrue(Simd.binary(op, x, 0, y, 0, z, 0, x.length));
      for (int i = 0; i < x.length; i++) {
        float want = op == BinOp.ADD ? x[i] + y[i] : op == BinOp.SUB ? x[i] - y[i] : op == BinOp.MUL ? x[i] * y[i] : x[i] / y[i];
        assertTrue(want == z[i], op + " at " + i);
      }
    }
  }
}
