/**
 * The parts of RecResACNet: the atrous residual block, the frozen sinusoidal time embedding, and two
 * layers computed faster than nn's direct forms with the same numbers (the sub-pixel transposed
 * convolution and the fused instance norm).
 */
package dev.tangent.drdm.net.layers;
