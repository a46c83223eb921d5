package dev.tangent.core.tensor;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** The decompositions for small matrices, on EJML (pure Java). */
final class EjmlKernels implements LinAlgKernels {
  static final EjmlKernels INSTANCE = new EjmlKernels();

  private static DMatrixRMaj m(double[] a, int r, int c) {
    return new DMatrixRMaj(r, c, true, a.clone());
  }

  @Override public double[][] eigh(double[] a, int n) {
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
    if (!eig.decompose(m(a, n, n))) throw new ArithmeticException("eigh did not converge");
    Integer[] order = new Integer[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      w[i] = eig.getEigenvalue(i).real;
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(w[x], w[y]));
    double[] ws = new double[n];
    double[] v = new double[n * n];
    for (int j = 0; j < n; j++) {
      ws[j] = w[order[j]];
      DMatrixRMaj vec = eig.getEigenVector(order[j]);
      for (int i = 0; i < n; i++) v[i * n + j] = vec.get(i, 0);
    }
    return new double[][] {ws, v};
  }

  @Override public double[][] svd(double[] a, int m, int n) {
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, n, true, true, true);
    if (!svd.decompose(m(a, m, n))) throw new ArithmeticException("svd did not converge");
    DMatrixRMaj u = svd.getU(null, false);
    DMatrixRMaj w = svd.getW(null);
    DMatrixRMaj vt = svd.getV(null, true);
    SingularOps_DDRM.descendingOrder(u, false, w, vt, true);
    int k = Math.min(m, n);
    double[] s = new double[k];
    for (int i = 0; i < k; i++) s[i] = w.get(i, i);
    return new double[][] {crop(u, m, k), s, crop(vt, k, n)};
  }

  private static double[] crop(DMatrixRMaj x, int r, int c) {
    double[] out = new double[r * c];
    for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) out[i * c + j] = x.get(i, j);
    return out;
  }

  @Override public double[][] qr(double[] a, int m, int n) {
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(m, n);
    if (!qr.decompose(m(a, m, n))) throw new ArithmeticException("qr failed");
    int k = Math.min(m, n);
    DMatrixRMaj q = qr.getQ(null, true);
    DMatrixRMaj r = qr.getR(null, true);
    return new double[][] {crop(q, m, k), crop(r, k, n)};
  }

  @Override public double[] cholesky(double[] a, int n) {
    CholeskyDecomposition_F64<DMatrixRMaj> ch = DecompositionFactory_DDRM.chol(n, true);
    if (!ch.decompose(m(a, n, n))) return null;
    DMatrixRMaj l = ch.getT(null);
    for (int i = 0; i < n; i++) if (!(l.get(i, i) > 0)) return null;
    return crop(l, n, n);
  }

  // Like LAPACK's gesv (numpy): only an exactly singular matrix fails, shown by non-finite
  // results; a badly scaled but regular one (a weighted JᵀJ) is solved, not refused.
  @Override public double[] solve(double[] a, int n, double[] b, int nrhs) {
    LinearSolverDense<DMatrixRMaj> s = LinearSolverFactory_DDRM.lu(n);
    if (!s.setA(m(a, n, n))) return null;
    DMatrixRMaj x = new DMatrixRMaj(n, nrhs);
    s.solve(m(b, n, nrhs), x);
    return finite(x.data) ? x.data : null;
  }

  @Override public double[] inv(double[] a, int n) {
    DMatrixRMaj out = new DMatrixRMaj(n, n);
    // Up to 5 x 5 EJML inverts by minors, unrolled (scaled first): several times faster than
    // LU on the 2 x 2 and 3 x 3 covariances of a filter step.
    if (n <= org.ejml.dense.row.misc.UnrolledInverseFromMinor_DDRM.MAX) {
      // a is the caller's own copy, and the unrolled inverse only reads it: no second copy.
      return CommonOps_DDRM.invert(DMatrixRMaj.wrap(n, n, a), out) && finite(out.data) ? out.data : null;
    }
    LinearSolverDense<DMatrixRMaj> s = LinearSolverFactory_DDRM.lu(n);
    if (!s.setA(m(a, n, n))) return null;
    s.invert(out);
    return finite(out.data) ? out.data : null;
  }

  @Override public double det(double[] a, int n) {
    return CommonOps_DDRM.det(m(a, n, n));
  }

  @Override public double[][] eig(double[] a, int n) {
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, false);
    if (!eig.decompose(m(a, n, n))) throw new ArithmeticException("eig did not converge");
    double[] wr = new double[n];
    double[] wi = new double[n];
    double[] vr = new double[n * n];
    double[] vi = new double[n * n];
    for (int j = 0; j < n; j++) {
      Complex_F64 w = eig.getEigenvalue(j);
      wr[j] = w.real;
      wi[j] = w.imaginary;
      double[][] v = w.imaginary == 0 && eig.getEigenVector(j) != null
          ? new double[][] {eig.getEigenVector(j).data.clone(), new double[n]}
          : complexVector(a, n, w.real, w.imaginary);
      normalize(v[0], v[1]);
      for (int i = 0; i < n; i++) {
        vr[i * n + j] = v[0][i];
        vi[i * n + j] = v[1][i];
      }
    }
    return new double[][] {wr, wi, vr, vi};
  }

  /**
   * An eigenvector for a complex eigenvalue mu + i nu by inverse iteration on the real 2n x 2n
   * form of (A - lambda I): [[A - mu I, nu I], [-nu I, A - mu I]] acting on [re; im].
   */
  private static double[][] complexVector(double[] a, int n, double mu, double nu) {
    double shift = mu + 1e-10 * (1 + Math.hypot(mu, nu));
    DMatrixRMaj big = new DMatrixRMaj(2 * n, 2 * n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double v = a[i * n + j] - (i == j ? shift : 0);
        big.set(i, j, v);
        big.set(n + i, n + j, v);
      }
      big.set(i, n + i, nu);
      big.set(n + i, i, -nu);
    }
    LinearSolverDense<DMatrixRMaj> s = LinearSolverFactory_DDRM.lu(2 * n);
    s.setA(big);
    DMatrixRMaj x = new DMatrixRMaj(2 * n, 1);
    java.util.SplittableRandom r = new java.util.SplittableRandom(12345);
    for (int i = 0; i < 2 * n; i++) x.data[i] = r.nextDouble() - 0.5;
    for (int it = 0; it < 3; it++) {
      DMatrixRMaj y = new DMatrixRMaj(2 * n, 1);
      s.solve(x, y);
      double norm = CommonOps_DDRM.elementMaxAbs(y);
      if (norm > 0) CommonOps_DDRM.scale(1 / norm, y);
      x = y;
    }
    double[] re = new double[n];
    double[] im = new double[n];
    for (int i = 0; i < n; i++) {
      re[i] = x.data[i];
      im[i] = x.data[n + i];
    }
    return new double[][] {re, im};
  }

  /** Unit norm with the largest component real, as LAPACK's dgeev returns them. */
  static void normalize(double[] re, double[] im) {
    int big = 0;
    double norm = 0;
    for (int i = 0; i < re.length; i++) {
      double m = re[i] * re[i] + im[i] * im[i];
      norm += m;
      if (m > re[big] * re[big] + im[big] * im[big]) big = i;
    }
    norm = Math.sqrt(norm);
    double mag = Math.hypot(re[big], im[big]);
    if (norm == 0 || mag == 0) return;
    // Multiply by conj(v_big) / |v_big| / norm.
    double cr = re[big] / mag / norm;
    double ci = -im[big] / mag / norm;
    for (int i = 0; i < re.length; i++) {
      double r = re[i] * cr - im[i] * ci;
      double m = re[i] * ci + im[i] * cr;
      re[i] = r;
      im[i] = m;
    }
    im[big] = 0;
  }

  private static boolean finite(double[] d) {
    for (double x : d) if (!Double.isFinite(x)) return false;
    return true;
  }
}
