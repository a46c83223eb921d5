package dev.tangent.drdm.field;

import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.spi.TangentError;

/**
 * Displacement units: voxels (Tangent's default) or fractions (DRDM's code and network).
 *
 * <p>One rule for the whole module: a fraction is voxels divided by S_0, the size of the FIRST
 * spatial axis, for every component. That is the unit of the reference network and of its STN
 * ({@code max_sz = [S_0] * nd}), so a network trained on square images keeps its numbers on other
 * grids; and one unit for all components keeps vectors' directions, which the angle loss and
 * |u| rely on (per-axis fractions would turn a rotation field into a shear on a non-square grid).
 * On the square and cubic grids of the reference both rules agree.
 */
public enum Units {
  VOXELS,
  /** Every component is a fraction of S_0, the first spatial size: voxels = fraction x S_0. */
  FRACTION;

  /** The size that one fraction unit stands for on this grid: S_0. */
  public static float unit(Grid g) {
    return g.size(0);
  }

  public static Units parse(String s, String fn) {
    switch (s) {
      case "voxels": case "pixels": return VOXELS;
      case "fraction": return FRACTION;
      default: throw TangentError.runtime(fn + ": units must be \"voxels\" or \"fraction\" (of the first spatial size, as DRDM's code), got \"" + s + "\"");
    }
  }
}
