/**
 * OpenBLAS's kernel set, chosen from the processor's features before the library loads, and what
 * the loaded library reports about itself.
 *
 * <p>OpenBLAS picks its kernels (its "core": Haswell, SkylakeX, Cooperlake, ...) once, when it
 * loads, from the CPU's family and model, or from the environment variable OPENBLAS_CORETYPE. A
 * processor newer than the library falls back to old SSE kernels (0.3.19 ran AMD Zen 5 as
 * "Barcelona" and Intel Emerald Rapids as "Prescott"), several times slower. {@link
 * dev.tangent.tensor.blas.KernelSets} maps the features the processor reports ({@link
 * dev.tangent.tensor.blas.CpuInfo}) to a kernel set; {@link dev.tangent.tensor.blas.BlasSetup}
 * puts it in the process's environment (libc setenv, so embedded hosts need not) just before
 * ND4J or OpenBLAS loads, unless the user set OPENBLAS_CORETYPE; {@link
 * dev.tangent.tensor.blas.OpenBlasReport} asks the loaded library what it runs.
 */
package dev.tangent.tensor.blas;
