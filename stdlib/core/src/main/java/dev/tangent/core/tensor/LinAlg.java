package dev.tangent.core.tensor;

import dev.tangent.diag.TangentError;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** Matrix products and the small dense decompositions (EJML), with shape-checked messages. */
public final class LinAlg {
  private LinAlg() {}

  /** numpy's matmul for 1-d and 2-d operands. */
  public static Tensor matmul(Tensor a, Tensor b) {
    if (a.shape.length == 0 || b.shape.length == 0) {
      throw TangentError.runtime("@ needs vectors or matrices, got shapes " + Tensor.shapeText(a.shape) + " and " + Tensor.shapeText(b.shape));
    }
    if (a.shape.length > 2 || b.shape.length > 2) {
      throw TangentError.runtime("@ on the small tensor path takes 1-d and 2-d operands, got shapes "
          + Tensor.shapeText(a.shape) + " and " + Tensor.shapeText(b.shape));
    }
    boolean aVec = a.shape.length == 1;
    boolean bVec = b.shape.length == 1;
    int m = aVec ? 1 : a.shape[0];
    int k = aVec ? a.shape[0] : a.shape[1];
    int k2 = bVec ? b.shape[0] : b.shape[0];
    int n = bVec ? 1 : b.shape[1];
    if (k != k2) {
      throw TangentError.runtime("@: shapes " + Tensor.shapeText(a.shape) + " and " + Tensor.shapeText(b.shape)
          + " do not align (" + k + " != " + k2 + ")");
    }
    double[] out = new double[m * n];
    double[] ad = a.data;
    double[] bd = b.data;
    for (int i = 0; i < m; i++) {
      int io = i * n;
      for (int p = 0; p < k; p++) {
        double aip = ad[i * k + p];
        if (aip == 0) continue;
        int po = p * n;
        for (int j = 0; j < n; j++) out[io + j] += aip * bd[po + j];
      }
    }
    if (aVec && bVec) return new Tensor(new int[0], out);
    if (aVec) return new Tensor(new int[] {n}, out);
    if (bVec) return new Tensor(new int[] {m}, out);
    return new Tensor(new int[] {m, n}, out);
  }

  static DMatrixRMaj ejml(Tensor t, String what) {
    if (t.shape.length == 1) return new DMatrixRMaj(t.shape[0], 1, true, t.data);
    if (t.shape.length != 2) throw TangentError.runtime(what + " needs a matrix, got shape " + Tensor.shapeText(t.shape));
    return new DMatrixRMaj(t.shape[0], t.shape[1], true, t.data);
  }

  static Tensor tensor(DMatrixRMaj m) {
    return new Tensor(new int[] {m.numRows, m.numCols}, m.data.length == m.numRows * m.numCols ? m.data : java.util.Arrays.copyOf(m.data, m.numRows * m.numCols));
  }

  static void square(Tensor t, String what) {
    if (t.shape.length != 2 || t.shape[0] != t.shape[1]) {
      throw TangentError.runtime(what + " needs a square matrix, got shape " + Tensor.shapeText(t.shape));
    }
  }

  public static Tensor inv(Tensor a) {
    square(a, "inv()");
    DMatrixRMaj m = ejml(a, "inv()");
    DMatrixRMaj out = new DMatrixRMaj(m.numRows, m.numCols);
    if (!CommonOps_DDRM.invert(m.copy(), out) || !finite(out.data)) {
      throw TangentError.runtime("inv(): the matrix is singular");
    }
    return tensor(out);
  }

  public static double det(Tensor a) {
    square(a, "det()");
    return CommonOps_DDRM.det(ejml(a, "det()").copy());
  }

  /** Solves A x = b for x (b a vector or a matrix of right-hand sides). */
  public static Tensor solve(Tensor a, Tensor b) {
    square(a, "solve()");
    int n = a.shape[0];
    if (b.shape[0] != n) {
      throw TangentError.runtime("solve(): A has shape " + Tensor.shapeText(a.shape) + " but b has shape " + Tensor.shapeText(b.shape));
    }
    DMatrixRMaj am = ejml(a, "solve()").copy();
    DMatrixRMaj bm = ejml(b, "solve()");
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(n);
    if (!solver.setA(am)) throw TangentError.runtime("solve(): the matrix is singular");
    DMatrixRMaj x = new DMatrixRMaj(bm.numRows, bm.numCols);
    solver.solve(bm, x);
    if (!finite(x.data)) throw TangentError.runtime("solve(): the matrix is singular");
    if (b.shape.length == 1) return new Tensor(new int[] {n}, x.data);
    return tensor(x);
  }

  private static boolean finite(double[] d) {
    for (double x : d) if (!Double.isFinite(x)) return false;
    return true;
  }
}
