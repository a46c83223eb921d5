/** Deformations on disk: .npz and NIfTI-1 (5-D vector volume, intent DISPVECT), through stdlib/io's codecs. */
package dev.tangent.drdm.field.io;
