package dev.tangent.lib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.lib.basis.Integration;
import dev.tangent.lib.linalg.Blas;
import dev.tangent.lib.linalg.Mat;
import dev.tangent.lib.linalg.NBuf;
import dev.tangent.lib.linalg.SymEigen;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The BLAS and LAPACK wrappers against plain loops, and the integration rules against known nodes. */
class LinalgTest {
  static Mat naive(Mat a, boolean ta, Mat b, boolean tb) {
    Mat x = ta ? a.t() : a;
    Mat y = tb ? b.t() : b;
    Mat c = Mat.zeros(x.rows, y.cols);
    for (int i = 0; i < x.rows; i++) for (int j = 0; j < y.cols; j++) {
      double s = 0;
      for (int k = 0; k < x.cols; k++) s += x.get(i, k) * y.get(k, j);
      c.set(i, j, s);
    }
    return c;
  }

  @Test void gemmInEveryTransposeMatchesLoops() {
    SplittableRandom r = new SplittableRandom(1);
    Mat a = Nets.randn(r, 37, 53, 1);
    Mat b = Nets.randn(r, 53, 29, 1);
    assertTrue(a.mul(b).minus(naive(a, false, b, false)).maxAbs() < 1e-12);
    assertTrue(a.t().tmul(b).minus(naive(a.t(), true, b, false)).maxAbs() < 1e-12);
    assertTrue(a.mulT(b.t()).minus(naive(a, false, b.t(), true)).maxAbs() < 1e-12);
  }

  @Test void gemmWithOffsetsAndStridesOnNativeAndHeapOperands() {
    SplittableRandom r = new SplittableRandom(2);
    Mat a = Nets.randn(r, 10, 8, 1);
    Mat b = Nets.randn(r, 8, 6, 1);
    Mat want = a.mul(b);
    // Write the product into columns 3..8 of a 10 x 12 heap matrix.
    double[] c = new double[10 * 12];
    java.util.Arrays.fill(c, 7);
    // A previous product leaves other values in the per-thread scratch copy.
    Blas.gemm(false, false, 10, 12, 8, 1, Blas.Ref.of(a.a), 8, Blas.Ref.of(Nets.randn(r, 8, 12, 1).a), 12, 0, Blas.Ref.of(new double[120]), 12);
    Blas.gemm(false, false, 10, 6, 8, 1, Blas.Ref.of(a.a), 8, Blas.Ref.of(b.a), 6, 0, Blas.Ref.of(c, 3), 12);
    for (int i = 0; i < 10; i++) for (int j = 0; j < 6; j++) assertEquals(want.get(i, j), c[i * 12 + 3 + j], 1e-12);
    for (int i = 0; i < 10; i++) for (int j = 0; j < 12; j++) if (j < 3 || j >= 9) assertEquals(7.0, c[i * 12 + j], "untouched " + i + "," + j);
    try (NBuf nb = NBuf.allocate(200)) {
      nb.put(5, a.a, 0, a.a.length);
      double[] out = new double[60];
      Blas.gemm(false, false, 10, 6, 8, 1, Blas.Ref.of(nb, 5), 8, Blas.Ref.of(b.a), 6, 0, Blas.Ref.of(out), 6);
      assertArrayEquals(want.a, out, 1e-12);
    }
  }

  @Test void syrkIsTheSumOfRowOuterProducts() {
    SplittableRandom r = new SplittableRandom(3);
    Mat a = Nets.randn(r, 200, 17, 1);
    Mat g = Blas.gramOfRows(a);
    Mat want = naive(a, true, a, false);
    assertTrue(g.minus(want).maxAbs() < 1e-10);
    assertEquals(g.get(3, 11), g.get(11, 3));
  }

  @Test void eigenvaluesAreAbsoluteAndDescendingWithMatchingVectors() {
    SplittableRandom r = new SplittableRandom(4);
    Mat q = Nets.randn(r, 120, 120, 1);
    Mat s = q.plus(q.t());
    SymEigen e = SymEigen.of(s);
    for (int k = 1; k < 120; k++) assertTrue(e.values[k - 1] >= e.values[k]);
    // S v = ±λ v, and V is orthonormal.
    Mat sv = s.mul(e.vectors);
    for (int k = 0; k < 120; k++) {
      double[] v = e.vectors.col(k);
      double[] w = sv.col(k);
      double dot = 0;
      for (int i = 0; i < 120; i++) dot += v[i] * w[i];
      assertEquals(e.values[k], Math.abs(dot), 1e-9);
      for (int i = 0; i < 120; i++) assertEquals(Math.signum(dot) * e.values[k] * v[i], w[i], 1e-9);
    }
    assertTrue(e.vectors.tmul(e.vectors).minus(Mat.identity(120)).maxAbs() < 1e-12);
  }

  @Test void gaussLegendreNodesAndTrapezoidalWeights() {
    // numpy.polynomial.legendre.leggauss(3): nodes ±sqrt(3/5), 0; weights 5/9, 8/9, 5/9 (on [-1, 1]).
    Integration g = Integration.of("gauss-legendre", 2);
    assertArrayEquals(new double[] {(1 - Math.sqrt(0.6)) / 2, 0.5, (1 + Math.sqrt(0.6)) / 2}, g.alphas(), 1e-15);
    assertArrayEquals(new double[] {5.0 / 18, 8.0 / 18, 5.0 / 18}, g.weights(), 1e-15);
    Integration one = Integration.of("gauss-legendre", 0);
    assertArrayEquals(new double[] {0.5}, one.alphas(), 1e-15);
    assertArrayEquals(new double[] {1}, one.weights(), 1e-15);
    // Exact for polynomials of degree 2n+1: ∫0^1 α^5 = 1/6 with n = 2.
    double s = 0;
    for (int i = 0; i < 3; i++) s += g.weights()[i] * Math.pow(g.alphas()[i], 5);
    assertEquals(1.0 / 6, s, 1e-15);
    Integration t = Integration.of("trapezoidal", 4);
    assertEquals(1.0, java.util.Arrays.stream(t.weights()).sum(), 1e-15);
    assertEquals(1e-3 / 5, t.alphas()[0], 1e-18);
    assertEquals(1 - 1e-3 / 5, t.alphas()[4], 1e-15);
    assertEquals(0.125, t.weights()[0], 1e-15);
    assertArrayEquals(new double[] {0.5}, Integration.of("trapezoidal", 0).alphas());
  }
}
