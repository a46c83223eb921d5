/** Dense f64 matrices, OpenBLAS gemm/syrk on heap or native memory, and LAPACK's symmetric eigensolver. */
package dev.tangent.lib.linalg;
