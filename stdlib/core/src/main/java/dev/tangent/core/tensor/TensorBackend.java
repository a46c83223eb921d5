package dev.tangent.core.tensor;

/**
 * A storage and kernel provider for large tensors, found with ServiceLoader
 * (META-INF/services/dev.tangent.core.tensor.TensorBackend) the first time a tensor is large or
 * is placed with device:. Implementations must construct cheaply and start their native library
 * only inside these methods.
 */
public interface TensorBackend {
  /** The device name users pass to device:, e.g. "cpu". */
  String device();

  /** Zero-filled storage. */
  Storage allocate(DType dtype, int size);

  /** Storage whose contents are left for the caller to write. */
  default Storage allocateUninitialized(DType dtype, int size) { return allocate(dtype, size); }

  /** matmul of 2-d operands or stacks of them (numpy rules already checked), or null to decline. */
  default Tensor matmul(Tensor a, Tensor b, int[] outShape, DType dtype) { return null; }

  /** Dense LAPACK routines, or null to use the pure-Java (EJML) ones. */
  default LinAlgKernels linalg() { return null; }

  /**
   * What this back-end computes with, in words, for tensor_info(): libraries, versions, kernels
   * and why they were chosen. With start false it must not start a native library.
   */
  default String describe(boolean start) { return "device \"" + device() + "\""; }
}
