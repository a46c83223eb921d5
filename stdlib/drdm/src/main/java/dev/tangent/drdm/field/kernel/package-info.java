/**
 * The numerical kernels on plain arrays: pull-back warping (linear, cubic, nearest; zeros or border
 * padding) as PyTorch's grid_sample with align_corners=True, F.interpolate's align_corners=False
 * resizing, planned repeated interpolation for integrating a velocity, np.gradient Jacobians and
 * the per-voxel Newton inversion. Multi-threaded over slabs of output voxels; no Tangent values.
 */
package dev.tangent.drdm.field.kernel;
