/**
 * DRDM's forward deformation diffusion: the step-count schedule, the multi-scale random velocity on
 * the 64-node control grid, its integration by self-composition, the final scaling and cropping,
 * and the pluggable noise source.
 */
package dev.tangent.drdm.sampler;
