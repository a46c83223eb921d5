package dev.tangent.core.tensor;

import dev.tangent.spi.TangentError;
import dev.tangent.spi.Tuple;

/**
 * matmul (numpy rules, batched) and the decompositions. Small matrices use EJML; a matrix on
 * the back-end, or one of at least {@link #LAPACK_MIN} elements, uses the back-end's LAPACK.
 * Results are f64, or f32 when an input is f32.
 */
public final class LinAlg {
  private LinAlg() {}

  static final int LAPACK_MIN = 96 * 96;
  /** m * k * n from which a product goes to the back-end's BLAS. */
  static final long BLAS_MIN = 1L << 21;

  /** numpy's matmul as a tensor (vector @ vector gives a 0-d tensor). */
  public static Tensor matmul(Tensor a, Tensor b) {
    Object r = product(a, b);
    return r instanceof Tensor t ? t : Tensor.scalar((Double) r);
  }

  /** numpy's matmul as scripts see it: a Number for vector @ vector. */
  static Object product(Tensor a, Tensor b) {
    Object small = SmallTensors.product(a, b);
    if (small != null) return small;
    if (a.ndim() == 0 || b.ndim() == 0) {
      throw TangentError.runtime("@ needs tensors of at least one dimension, got shapes " + Tensor.shapeText(a.shape) + " and " + Tensor.shapeText(b.shape));
    }
    boolean aVec = a.ndim() == 1;
    boolean bVec = b.ndim() == 1;
    int[] as = aVec ? new int[] {1, a.shape[0]} : a.shape;
    int[] bs = bVec ? new int[] {b.shape[0], 1} : b.shape;
    int m = as[as.length - 2];
    int k = as[as.length - 1];
    int k2 = bs[bs.length - 2];
    int n = bs[bs.length - 1];
    if (k != k2) {
      throw TangentError.runtime("@: shapes " + Tensor.shapeText(a.shape) + " and " + Tensor.shapeText(b.shape)
          + " do not align (" + k + " != " + k2 + ")");
    }
    int[] batchA = java.util.Arrays.copyOf(as, as.length - 2);
    int[] batchB = java.util.Arrays.copyOf(bs, bs.length - 2);
    int[] batch;
    try {
      batch = Broadcast.shape(batchA, batchB, "@");
    } catch (TangentError e) {
      throw TangentError.runtime("@: batch dimensions of shapes " + Tensor.shapeText(a.shape) + " and " + Tensor.shapeText(b.shape) + " do not broadcast");
    }
    DType t = DType.promote(a.dtype, b.dtype);
    if (t == DType.BOOL) t = DType.I64;
    int[] full = new int[batch.length + 2];
    System.arraycopy(batch, 0, full, 0, batch.length);
    full[batch.length] = m;
    full[batch.length + 1] = n;
    // Views with the matrix shape (no copy: they never escape this method).
    Tensor a3 = Broadcast.to(java.util.Arrays.equals(as, a.shape) ? a : new Tensor(as, a.storage), concat(batch, m, k));
    Tensor b3 = Broadcast.to(java.util.Arrays.equals(bs, b.shape) ? b : new Tensor(bs, b.storage), concat(batch, k, n));
    Tensor out = null;
    long work = (long) m * n * k * Math.max(1, Tensor.size(batch));
    boolean big = Placement.wantBackend(Tensor.size(full), a, b) || (work >= BLAS_MIN && Placement.backend() != null);
    if (big && t.isFloat() && Placement.backend() != null) out = Placement.backend().matmul(a3.astype(t), b3.astype(t), full, t);
    if (out == null) out = javaMatmul(a3, b3, full, t, m, k, n);
    if (aVec && bVec) return out.storage.getDouble(0);
    int[] shape = full;
    if (aVec) shape = dropAxis(full, full.length - 2);
    else if (bVec) shape = dropAxis(full, full.length - 1);
    return shape == full ? out : new Tensor(shape, out.storage);
  }

  private static int[] concat(int[] batch, int r, int c) {
    int[] s = java.util.Arrays.copyOf(batch, batch.length + 2);
    s[batch.length] = r;
    s[batch.length + 1] = c;
    return s;
  }

  private static int[] dropAxis(int[] s, int axis) {
    int[] out = new int[s.length - 1];
    for (int i = 0, j = 0; i < s.length; i++) if (i != axis) out[j++] = s[i];
    return out;
  }

  private static Tensor javaMatmul(Tensor a, Tensor b, int[] full, DType t, int m, int k, int n) {
    int batches = Tensor.size(full) / Math.max(1, m * n);
    if (m * n == 0) batches = Tensor.size(java.util.Arrays.copyOf(full, full.length - 2));
    if (t == DType.I64) {
      long[] x = a.storage.toLongs();
      long[] y = b.storage.toLongs();
      long[] z = new long[Tensor.size(full)];
      for (int bt = 0; bt < batches; bt++) {
        int ao = bt * m * k;
        int bo = bt * k * n;
        int zo = bt * m * n;
        for (int i = 0; i < m; i++) for (int p = 0; p < k; p++) {
          long v = x[ao + i * k + p];
          for (int j = 0; j < n; j++) z[zo + i * n + j] += v * y[bo + p * n + j];
        }
      }
      return new Tensor(full, Placement.place(HeapStorage.of(z), Placement.wantBackend(z.length, a, b)));
    }
    double[] x = a.storage.toDoubles();
    double[] y = b.storage.toDoubles();
    double[] z = new double[Tensor.size(full)];
    for (int bt = 0; bt < batches; bt++) {
      int ao = bt * m * k;
      int bo = bt * k * n;
      int zo = bt * m * n;
      for (int i = 0; i < m; i++) {
        for (int p = 0; p < k; p++) {
          double v = x[ao + i * k + p];   // no skip of zeros: 0 * inf must give NaN, as in BLAS
          int row = bo + p * n;
          int orow = zo + i * n;
          for (int j = 0; j < n; j++) z[orow + j] += v * y[row + j];
        }
      }
    }
    Tensor out = new Tensor(full, Placement.place(HeapStorage.of(z), Placement.wantBackend(z.length, a, b)));
    return t == DType.F32 ? out.astype(DType.F32) : out;
  }

  // ------------------------------------------------------------------ decompositions

  static LinAlgKernels kernels(Tensor... ts) {
    boolean big = false;
    for (Tensor t : ts) if (Placement.onBackend(t) || t.size() >= LAPACK_MIN) big = true;
    if (big && Placement.backend() != null && Placement.backend().linalg() != null) return Placement.backend().linalg();
    return EjmlKernels.INSTANCE;
  }

  static void matrix(Tensor t, String fn) {
    if (t.ndim() != 2) throw TangentError.runtime(fn + "() needs a matrix, got shape " + Tensor.shapeText(t.shape));
  }

  static void square(Tensor t, String fn) {
    if (t.ndim() != 2 || t.shape[0] != t.shape[1]) {
      throw TangentError.runtime(fn + "() needs a square matrix, got shape " + Tensor.shapeText(t.shape));
    }
  }

  private static DType resultType(Tensor... ts) {
    for (Tensor t : ts) if (t.dtype == DType.F32) return DType.F32;
    return DType.F64;
  }

  private static Tensor out(int[] shape, double[] data, DType t, Tensor... like) {
    boolean big = false;
    for (Tensor x : like) big |= Placement.onBackend(x);
    Tensor r = new Tensor(shape, Placement.place(HeapStorage.of(data), big));
    return t == DType.F32 ? r.astype(DType.F32) : r;
  }

  private static TangentError failed(String fn, Exception e) {
    return TangentError.runtime(fn + "(): " + (e.getMessage() == null ? "the decomposition failed" : e.getMessage()));
  }

  /** (w, V): eigenvalues ascending and orthonormal eigenvectors (columns) of a symmetric matrix. */
  public static Tuple eigh(Tensor a) {
    square(a, "eigh");
    int n = a.shape[0];
    double[][] r;
    try {
      r = kernels(a).eigh(a.toDoubleArray(), n);
    } catch (ArithmeticException e) {
      throw failed("eigh", e);
    }
    DType t = resultType(a);
    return new Tuple(out(new int[] {n}, r[0], t, a), out(new int[] {n, n}, r[1], t, a));
  }

  /** (U, S, Vt) with A = U diag(S) Vt, the thin SVD. */
  public static Tuple svd(Tensor a) {
    matrix(a, "svd");
    int m = a.shape[0];
    int n = a.shape[1];
    int k = Math.min(m, n);
    double[][] r;
    try {
      r = kernels(a).svd(a.toDoubleArray(), m, n);
    } catch (ArithmeticException e) {
      throw failed("svd", e);
    }
    DType t = resultType(a);
    return new Tuple(out(new int[] {m, k}, r[0], t, a), out(new int[] {k}, r[1], t, a), out(new int[] {k, n}, r[2], t, a));
  }

  public static Tuple qr(Tensor a) {
    matrix(a, "qr");
    int m = a.shape[0];
    int n = a.shape[1];
    int k = Math.min(m, n);
    double[][] r = kernels(a).qr(a.toDoubleArray(), m, n);
    DType t = resultType(a);
    return new Tuple(out(new int[] {m, k}, r[0], t, a), out(new int[] {k, n}, r[1], t, a));
  }

  public static Tensor cholesky(Tensor a) {
    square(a, "cholesky");
    int n = a.shape[0];
    double[] l = kernels(a).cholesky(a.toDoubleArray(), n);
    if (l == null) throw TangentError.runtime("cholesky(): the matrix is not positive definite");
    return out(a.shape.clone(), l, resultType(a), a);
  }

  public static Tensor solve(Tensor a, Tensor b) {
    square(a, "solve");
    int n = a.shape[0];
    if (b.ndim() == 0 || b.ndim() > 2 || b.shape[0] != n) {
      throw TangentError.runtime("solve(): A has shape " + Tensor.shapeText(a.shape) + " but b has shape " + Tensor.shapeText(b.shape)
          + " (b needs " + n + " rows)");
    }
    int nrhs = b.ndim() == 1 ? 1 : b.shape[1];
    double[] x = kernels(a, b).solve(a.toDoubleArray(), n, b.toDoubleArray(), nrhs);
    if (x == null) throw TangentError.runtime("solve(): the matrix is singular");
    return out(b.shape.clone(), x, resultType(a, b), a, b);
  }

  public static Tensor inv(Tensor a) {
    square(a, "inv");
    int n = a.shape[0];
    double[] x = kernels(a).inv(a.toDoubleArray(), n);
    if (x == null) throw TangentError.runtime("inv(): the matrix is singular");
    return out(a.shape.clone(), x, resultType(a), a);
  }

  public static double det(Tensor a) {
    square(a, "det");
    return kernels(a).det(a.toDoubleArray(), a.shape[0]);
  }

  /** (w_re, w_im, V_re, V_im) of a general square matrix; eigenvectors are unit-norm columns. */
  public static Tuple eig(Tensor a) {
    square(a, "eig");
    int n = a.shape[0];
    double[][] r;
    try {
      r = kernels(a).eig(a.toDoubleArray(), n);
    } catch (ArithmeticException e) {
      throw failed("eig", e);
    }
    DType t = resultType(a);
    return new Tuple(out(new int[] {n}, r[0], t, a), out(new int[] {n}, r[1], t, a),
        out(new int[] {n, n}, r[2], t, a), out(new int[] {n, n}, r[3], t, a));
  }

  /** The Moore-Penrose pseudo-inverse through the SVD; singular values below rtol * max(s) count as zero. */
  public static Tensor pinv(Tensor a, Double rtolArg) {
    matrix(a, "pinv");
    int m = a.shape[0];
    int n = a.shape[1];
    int k = Math.min(m, n);
    double[][] r = kernels(a).svd(a.toDoubleArray(), m, n);
    double[] u = r[0];
    double[] s = r[1];
    double[] vt = r[2];
    double rtol = rtolArg != null ? rtolArg : Math.max(m, n) * Math.ulp(1.0);
    double cutoff = k == 0 ? 0 : rtol * s[0];
    double[] out = new double[n * m];
    for (int p = 0; p < k; p++) {
      if (!(s[p] > cutoff)) continue;
      double inv = 1 / s[p];
      for (int i = 0; i < n; i++) {
        double v = vt[p * n + i] * inv;
        for (int j = 0; j < m; j++) out[i * m + j] += v * u[j * k + p];
      }
    }
    return out(new int[] {n, m}, out, resultType(a), a);
  }

  /** numpy's lstsq: (x, residuals, rank, s), through the SVD. */
  public static Tuple lstsq(Tensor a, Tensor b, Double rcondArg) {
    matrix(a, "lstsq");
    int m = a.shape[0];
    int n = a.shape[1];
    if (b.ndim() == 0 || b.ndim() > 2 || b.shape[0] != m) {
      throw TangentError.runtime("lstsq(): A has shape " + Tensor.shapeText(a.shape) + " but b has shape " + Tensor.shapeText(b.shape)
          + " (b needs " + m + " rows)");
    }
    int nrhs = b.ndim() == 1 ? 1 : b.shape[1];
    int k = Math.min(m, n);
    double[][] r = kernels(a, b).svd(a.toDoubleArray(), m, n);
    double[] u = r[0];
    double[] s = r[1];
    double[] vt = r[2];
    double rcond = rcondArg != null ? rcondArg : Math.max(m, n) * Math.ulp(1.0);
    double cutoff = k == 0 ? 0 : rcond * s[0];
    double[] bv = b.toDoubleArray();
    double[] x = new double[n * nrhs];
    int rank = 0;
    for (int p = 0; p < k; p++) {
      if (!(s[p] > cutoff)) continue;
      rank++;
      for (int c = 0; c < nrhs; c++) {
        double ub = 0;
        for (int i = 0; i < m; i++) ub += u[i * k + p] * bv[i * nrhs + c];
        ub /= s[p];
        for (int i = 0; i < n; i++) x[i * nrhs + c] += vt[p * n + i] * ub;
      }
    }
    DType t = resultType(a, b);
    double[] res = new double[0];
    if (rank == n && m > n) {
      res = new double[nrhs];
      double[] av = a.toDoubleArray();
      for (int c = 0; c < nrhs; c++) {
        for (int i = 0; i < m; i++) {
          double ax = 0;
          for (int j = 0; j < n; j++) ax += av[i * n + j] * x[j * nrhs + c];
          double d = ax - bv[i * nrhs + c];
          res[c] += d * d;
        }
      }
    }
    int[] xs = b.ndim() == 1 ? new int[] {n} : new int[] {n, nrhs};
    return new Tuple(out(xs, x, t, a, b), out(new int[] {res.length}, res, t, a, b), (double) rank, out(new int[] {k}, s, t, a, b));
  }
}
