/**
 * Deformation fields as values: {@link dev.tangent.drdm.field.Deformation} (2-D or 3-D displacement
 * in voxels, one field or a batch) with warping, composition, inversion, Jacobian determinants and
 * statistics, and the script-facing type and members. The array kernels are in {@code .kernel},
 * files in {@code .io}.
 */
package dev.tangent.drdm.field;
