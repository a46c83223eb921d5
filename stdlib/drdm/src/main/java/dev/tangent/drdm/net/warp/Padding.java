package dev.tangent.drdm.net.warp;

import dev.tangent.spi.TangentError;

/** What a sample outside the grid reads: 0 ("zeros"), or the nearest border value ("border"). */
public enum Padding {
  ZEROS, BORDER;

  public static Padding parse(String name) {
    switch (name) {
      case "zeros": return ZEROS;
      case "border": return BORDER;
      default: throw TangentError.runtime("padding must be \"zeros\" or \"border\", got \"" + name + "\"");
    }
  }

  public String text() { return this == ZEROS ? "zeros" : "border"; }
}
