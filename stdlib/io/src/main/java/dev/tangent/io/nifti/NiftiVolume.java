package dev.tangent.io.nifti;

import dev.tangent.io.array.NdArray;
import java.util.List;

/**
 * A NIfTI-1 volume as stored: the header, the raw (unscaled) voxels in C order with shape
 * dim[1..dim[0]] (so index [i, j, k] is voxel (i, j, k), as nibabel gives it), and the extensions.
 */
public record NiftiVolume(NiftiHeader header, NdArray data, List<Extension> extensions) {
  /** A header extension: its code (6 = comment, 4 = AFNI, 2 = DICOM...) and raw content. */
  public record Extension(int code, byte[] content) {}
}
