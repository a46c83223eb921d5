/**
 * The ND4J back-end for large tensors: storage in ND4J's off-heap arrays ({@link
 * dev.tangent.tensor.NdStorage}, recycled by {@link dev.tangent.tensor.BufferPool}), matrix
 * products on OpenBLAS gemm and decompositions on its LAPACK. Found by the core through
 * ServiceLoader ({@link dev.tangent.tensor.Nd4jBackendProvider}); nothing here loads before a
 * script needs a large tensor. Which OpenBLAS kernels run is decided in {@code blas} before the
 * library loads.
 */
package dev.tangent.tensor;
