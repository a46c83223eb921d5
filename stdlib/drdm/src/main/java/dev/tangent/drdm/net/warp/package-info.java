/**
 * The spatial transformer of DRDM (grid_sample with align_corners=True, bilinear / trilinear, zeros
 * or border padding) from ops libtorch's autograd differentiates.
 */
package dev.tangent.drdm.net.warp;
