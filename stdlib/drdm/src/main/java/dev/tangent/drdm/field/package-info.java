/**
 * Deformation fields as values: {@link dev.tangent.drdm.field.Deformation} (2-D or 3-D displacement
 * in voxels, one field or a batch) with warping, composition, inversion, Jacobian determinants and
 * statistics, the script-facing type and members, and the files they live in ({@link
 * dev.tangent.drdm.field.FieldFiles}: .npz and NIfTI-1 vector volumes, intent DISPVECT). The array
 * kernels are in {@code .kernel}.
 */
package dev.tangent.drdm.field;
