/** Spectrum and edge sparsity, node and edge ablations, the LIB/PCA comparison and Fourier labels. */
package dev.tangent.lib.analysis;
