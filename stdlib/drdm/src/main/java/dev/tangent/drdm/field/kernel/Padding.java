package dev.tangent.drdm.field.kernel;

import dev.tangent.spi.TangentError;

/** What a warp reads outside the grid, as PyTorch's grid_sample padding modes. */
public enum Padding {
  /** Taps outside the grid contribute 0. */
  ZEROS,
  /** Positions (linear, nearest) or taps (cubic) are clamped into the grid: the edge value repeats. */
  BORDER;

  public static Padding parse(String s, String fn) {
    switch (s) {
      case "zeros": return ZEROS;
      case "border": return BORDER;
      default: throw TangentError.runtime(fn + ": padding must be \"zeros\" or \"border\", got \"" + s + "\"");
    }
  }

  public String text() { return name().toLowerCase(java.util.Locale.ROOT); }
}
