package dev.tangent.drdm.field.kernel;

import dev.tangent.spi.TangentError;

/** How a warp reads between voxels, as PyTorch's grid_sample modes. */
public enum Interp {
  /** Bilinear (2-D) or trilinear (3-D). */
  LINEAR,
  /** Cubic convolution with A = -0.75 per axis: PyTorch's bicubic in 2-D, the same kernel on three axes in 3-D. */
  CUBIC,
  /** The nearest voxel, ties to even (nearbyint), as PyTorch. Keeps integer labels exact. */
  NEAREST;

  public static Interp parse(String s, String fn) {
    switch (s) {
      case "linear": case "bilinear": case "trilinear": return LINEAR;
      case "cubic": case "bicubic": case "tricubic": return CUBIC;
      case "nearest": return NEAREST;
      default: throw TangentError.runtime(fn + ": mode must be \"linear\", \"cubic\" or \"nearest\", got \"" + s + "\"");
    }
  }

  public String text() { return name().toLowerCase(java.util.Locale.ROOT); }
}
