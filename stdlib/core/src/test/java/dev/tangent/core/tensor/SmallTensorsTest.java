package dev.tangent.core.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tangent.spi.BinOp;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The small-tensor fast paths against plain loops written here, over random shapes; and the
 * cases they must leave to the general paths (which then give the same results and errors).
 */
class SmallTensorsTest {
  static Tensor random(SplittableRandom r, int... shape) {
    double[] d = new double[Tensor.size(shape)];
    for (int i = 0; i < d.length; i++) d[i] = r.nextInt(5) == 0 ? 0 : 2 * r.nextDouble() - 1;   // some exact zeros
    return new Tensor(shape, d);
  }

  @Test
  void matrixAndVectorProductsMatchPlainLoops() {
    SplittableRandom r = new SplittableRandom(3);
    for (int trial = 0; trial < 200; trial++) {
      int m = 1 + r.nextInt(5);
      int k = 1 + r.nextInt(5);
      int n = 1 + r.nextInt(5);
      Tensor a = random(r, m, k);
      Tensor b = random(r, k, n);
      Tensor v = random(r, k);
      Tensor w = random(r, m);
      double[] x = a.toDoubleArray();
      double[] y = b.toDoubleArray();
      double[] ab = new double[m * n];
      for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) for (int p = 0; p < k; p++) ab[i * n + j] += x[i * k + p] * y[p * n + j];
      Tensor got = (Tensor) LinAlg.product(a, b);
      assertArrayEquals(new int[] {m, n}, got.shape());
      assertArrayEquals(ab, got.toDoubleArray(), 0);   // the same sums in the same order
      double[] av = new double[m];
      for (int i = 0; i < m; i++) for (int p = 0; p < k; p++) av[i] += x[i * k + p] * v.get(p);
      assertArrayEquals(av, ((Tensor) LinAlg.product(a, v)).toDoubleArray(), 1e-15);
      double[] wa = new double[k];
      for (int p = 0; p < k; p++) for (int i = 0; i < m; i++) wa[p] += w.get(i) * x[i * k + p];
      Tensor wat = (Tensor) LinAlg.product(w, a);
      assertArrayEquals(new int[] {k}, wat.shape());
      assertArrayEquals(wa, wat.toDoubleArray(), 1e-15);
      double dot = 0;
      for (int p = 0; p < k; p++) dot += v.get(p) * v.get(p);
      assertEquals(dot, (Double) LinAlg.product(v, v), 1e-15);
    }
  }

  @Test
  void productsKeepIeeeNaNsFromZeroTimesInfinityOnTheSmallAndTheGeneralPath() {
    for (int k : new int[] {2, 3, 4}) {
      for (int size : new int[] {2, 600}) {   // 600 x k: past the small-tensor limit, the general loop
        double[] x = new double[size * k];
        double[] y = new double[k * 2];
        java.util.Arrays.fill(y, 1.0);
        y[0] = Double.POSITIVE_INFINITY;   // column 0 of b meets the zeros in column 0 of a
        for (int i = 0; i < size; i++) x[i * k + 1] = 1.0;
        double[] z = ((Tensor) LinAlg.product(new Tensor(new int[] {size, k}, x), new Tensor(new int[] {k, 2}, y))).toDoubleArray();
        for (int i = 0; i < size; i++) {
          assertEquals(Double.NaN, z[i * 2], 0, "0 * inf in row " + i + " (k " + k + ", " + size + " rows)");
          assertEquals(1.0, z[i * 2 + 1], 0);
        }
      }
    }
  }

  @Test
  void arithmeticTransposeAndIndexingMatchPlainLoops() {
    SplittableRandom r = new SplittableRandom(4);
    for (int trial = 0; trial < 100; trial++) {
      int m = 1 + r.nextInt(6);
      int n = 1 + r.nextInt(6);
      Tensor a = random(r, m, n);
      Tensor b = random(r, m, n);
      double[] x = a.toDoubleArray();
      double[] y = b.toDoubleArray();
      BinOp[] ops = {BinOp.ADD, BinOp.SUB, BinOp.MUL, BinOp.DIV};
      for (BinOp op : ops) {
        double[] z = Elementwise.binary(op, a, b).toDoubleArray();
        for (int i = 0; i < z.length; i++) assertEquals(numeric(op, x[i], y[i]), z[i], 0, op + " at " + i);
      }
      Tensor t = a.transpose();
      assertArrayEquals(new int[] {n, m}, t.shape());
      for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) assertEquals(a.get(i, j), t.get(j, i), 0);
      int i = r.nextInt(m);
      int j = r.nextInt(n);
      assertEquals(a.get(i, j), (Double) a.getIndex(new Object[] {(double) i, (double) j}), 0);
      assertEquals(a.get(i, j), (Double) a.getIndex(new Object[] {(double) (i - m), (double) (j - n)}), 0);
      Tensor row = (Tensor) a.getIndex(new Object[] {(double) i});
      assertArrayEquals(java.util.Arrays.copyOfRange(x, i * n, (i + 1) * n), row.toDoubleArray(), 0);
    }
  }

  static double numeric(BinOp op, double x, double y) {
    return dev.tangent.spi.Operators.numeric(op, x, y);
  }

  @Test
  void otherCasesFallThroughToTheGeneralPaths() {
    Tensor a = new Tensor(new int[] {2, 3}, new double[6]);
    Tensor ints = Tensor.ofLongs(new int[] {2, 3}, new long[6]);
    assertNull(SmallTensors.elementwise(BinOp.ADD, a, ints));               // another dtype: promotion rules
    assertNull(SmallTensors.elementwise(BinOp.ADD, a, Tensor.zeros(3)));    // broadcasting
    assertNull(SmallTensors.elementwise(BinOp.POW, a, a));                  // other operators
    assertNull(SmallTensors.product(a, Tensor.zeros(2, 3)));                // misaligned: the general error
    assertNull(SmallTensors.product(Tensor.zeros(2, 2, 2), Tensor.zeros(2, 2)));   // batched
    assertNull(SmallTensors.index(a, new Object[] {5.0}));                  // out of range: the general error
    assertNull(SmallTensors.index(a, new Object[] {0.5}));
    assertNull(SmallTensors.transpose(Tensor.zeros(2, 2, 2)));
    assertNull(SmallTensors.product(Tensor.zeros(40, 40), Tensor.zeros(40, 40)));  // large: BLAS may take it
  }
}
