package dev.tangent.lie.ops;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.lie.batch.BatchTangent;
import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.Display;
import dev.tangent.spi.TangentError;

/** Checked conversions from matrices: G.from_matrix(M) and vee(M), of one matrix or of n. */
public final class Matrices {
  private Matrices() {}

  /**
   * The element whose matrix form is M. Rotation blocks must be rotations (or are projected onto
   * the nearest one with normalize); every other entry must match the group's structure within tol.
   */
  static Element fromMatrix(GroupValue g, Object m, boolean normalize, double tol, String fn) {
    LieGroup k = g.kernel;
    int n = k.mat;
    double[] mm = Values.matrix(m, n, n, fn + ": M");
    for (int[] b : g.descriptor.rotationBlocks()) {
      double[] r = new double[b[1] * b[1]];
      for (int i = 0; i < b[1]; i++) System.arraycopy(mm, (b[0] + i) * n + b[0], r, i * b[1], b[1]);
      r = Rotations.checkRotation(r, b[1], normalize, fn);
      for (int i = 0; i < b[1]; i++) System.arraycopy(r, i * b[1], mm, (b[0] + i) * n + b[0], b[1]);
    }
    double[] x = new double[k.rep];
    k.fromMatrix(mm, 0, x, 0);
    double[] back = new double[n * n];
    k.matrix(x, 0, back, 0);
    checkStructure(g, mm, back, tol, fn, Values.an(g.typeName()) + " matrix");
    return g.element(x);
  }

  /** The tangent of a Lie algebra matrix, checking that M has the algebra's structure. */
  public static double[] vee(GroupValue g, Object m, double tol, String fn) {
    LieGroup k = g.kernel;
    int n = k.mat;
    double[] mm = Values.matrix(m, n, n, fn + ": M");
    double[] tau = new double[k.dof];
    k.vee(mm, 0, tau, 0);
    double[] back = new double[n * n];
    k.hat(tau, 0, back, 0);
    checkStructure(g, mm, back, tol, fn, "in the Lie algebra of " + g.typeName());
    return tau;
  }

  /** G.vee(M) for an n x mat x mat tensor, each checked as the single vee checks it. */
  static BatchTangent veeBatch(GroupValue g, Tensor m, double tol, String fn) {
    LieGroup k = g.kernel;
    int[] s = m.shape();
    if (s.length != 3 || s[1] != k.mat || s[2] != k.mat) {
      throw TangentError.runtime(fn + ": M must be a " + k.mat + "x" + k.mat + " matrix or an n x " + k.mat + " x " + k.mat
          + " tensor, got shape " + Tensor.shapeText(s));
    }
    int n = s[0];
    int m2 = k.mat * k.mat;
    double[] data = m.toDoubleArray();
    double[] out = new double[n * k.dof];
    for (int i = 0; i < n; i++) {
      double[] one = java.util.Arrays.copyOfRange(data, i * m2, (i + 1) * m2);
      double[] tau = vee(g, Values.mat(one, k.mat, k.mat), tol, fn + " (element " + i + ")");
      System.arraycopy(tau, 0, out, i * k.dof, k.dof);
    }
    return new BatchTangent(g, n, out);
  }

  private static void checkStructure(GroupValue g, double[] given, double[] expected, double tol, String fn, String what) {
    int n = g.kernel.mat;
    for (int i = 0; i < given.length; i++) {
      if (!(Math.abs(given[i] - expected[i]) <= tol)) {
        throw TangentError.runtime(fn + ": the matrix is not " + what + ": entry (" + i / n + ", " + i % n
            + ") should be " + Display.number(Values.clean(expected[i])) + ", got " + Display.number(given[i]));
      }
    }
  }
}
