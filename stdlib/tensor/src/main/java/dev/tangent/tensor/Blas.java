package dev.tangent.tensor;

import dev.tangent.core.tensor.DType;
import dev.tangent.core.tensor.Tensor;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;

/** Matrix products with OpenBLAS gemm straight on ND4J memory, one call per batch entry. */
final class Blas {
  private Blas() {}

  /** a: (..., m, k), b: (..., k, n), batch dimensions already equal; both already of dtype. */
  static Tensor matmul(Tensor a, Tensor b, int[] outShape, DType dtype) {
    if (!dtype.isFloat()) return null;
    int r = outShape.length;
    int m = outShape[r - 2];
    int n = outShape[r - 1];
    int[] as = a.shape();
    int k = as[as.length - 1];
    int batches = 1;
    for (int i = 0; i < r - 2; i++) batches *= outShape[i];
    if (m == 0 || n == 0 || k == 0) return null;
    NdStorage x = NdStorage.of(a.storage());
    NdStorage y = NdStorage.of(b.storage());
    NdStorage z = (NdStorage) NdStorage.uninitialized(dtype, batches * m * n);
    if (dtype == DType.F32) {
      FloatPointer px = new FloatPointer(x.array().data().addressPointer());
      FloatPointer py = new FloatPointer(y.array().data().addressPointer());
      FloatPointer pz = new FloatPointer(z.array().data().addressPointer());
      for (int bt = 0; bt < batches; bt++) {
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, m, n, k, 1f,
            px.position((long) bt * m * k), k, py.position((long) bt * k * n), n, 0f, pz.position((long) bt * m * n), n);
      }
    } else {
      DoublePointer px = new DoublePointer(x.array().data().addressPointer());
      DoublePointer py = new DoublePointer(y.array().data().addressPointer());
      DoublePointer pz = new DoublePointer(z.array().data().addressPointer());
      for (int bt = 0; bt < batches; bt++) {
        openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, m, n, k, 1.0,
            px.position((long) bt * m * k), k, py.position((long) bt * k * n), n, 0.0, pz.position((long) bt * m * n), n);
      }
    }
    java.lang.ref.Reference.reachabilityFence(x);
    java.lang.ref.Reference.reachabilityFence(y);
    return Tensor.of(outShape, z);
  }
}
