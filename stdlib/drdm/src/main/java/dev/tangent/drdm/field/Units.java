package dev.tangent.drdm.field;

import dev.tangent.spi.TangentError;

/** Displacement units: voxels (Tangent's default) or fractions of the grid size (DRDM's code). */
public enum Units {
  VOXELS,
  /** Component k is a fraction of the size S_k of axis k: voxels = fraction x S_k. */
  FRACTION;

  public static Units parse(String s, String fn) {
    switch (s) {
      case "voxels": case "pixels": return VOXELS;
      case "fraction": return FRACTION;
      default: throw TangentError.runtime(fn + ": units must be \"voxels\" or \"fraction\" (of the grid size, as DRDM's code), got \"" + s + "\"");
    }
  }
}
