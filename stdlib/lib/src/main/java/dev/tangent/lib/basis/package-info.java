/**
 * The per-layer mathematics of spec §1.2: layer moments, the Gram eigenbasis and its truncation,
 * the PCA, neuron and LIB bases, and the integration rules of the integrated gradient.
 */
package dev.tangent.lib.basis;
