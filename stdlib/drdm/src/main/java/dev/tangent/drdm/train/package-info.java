/**
 * Training the recovery network (the paper's Algorithm 1): the reference's input augmentations,
 * the forward deformation diffusion for inputs and targets, the recovery loss, nn's Adam, atomic
 * checkpoints after each step and a loss curve. Randomness of step k comes from (seed, k) alone, so
 * a resumed run continues exactly as the uninterrupted one.
 */
package dev.tangent.drdm.train;
