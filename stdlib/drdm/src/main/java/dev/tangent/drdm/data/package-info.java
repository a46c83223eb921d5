/**
 * Training and augmentation images from what a user has: a tensor, a dataset, a folder of PNG or
 * NIfTI files, an IDX file; normalised to [0, 1] and resized on demand. Pure Java (no DJL).
 */
package dev.tangent.drdm.data;
