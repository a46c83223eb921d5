package dev.tangent.tensor;

import dev.tangent.core.tensor.DType;
import dev.tangent.core.tensor.LinAlgKernels;
import dev.tangent.core.tensor.Storage;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.core.tensor.TensorBackend;

/**
 * The ND4J back-end as the core finds it (ServiceLoader). This class touches no ND4J or
 * OpenBLAS class: ND4J starts (about 3 s) the first time a method below allocates, and OpenBLAS's
 * LAPACK loads the first time a large decomposition runs.
 */
public final class Nd4jBackendProvider implements TensorBackend {
  @Override public String device() { return "cpu"; }

  @Override public Storage allocate(DType dtype, int size) { return NdStorage.zeros(dtype, size); }

  @Override public Storage allocateUninitialized(DType dtype, int size) { return NdStorage.uninitialized(dtype, size); }

  @Override public Tensor matmul(Tensor a, Tensor b, int[] outShape, DType dtype) { return Blas.matmul(a, b, outShape, dtype); }

  @Override public LinAlgKernels linalg() { return LapackKernels.INSTANCE; }
}
