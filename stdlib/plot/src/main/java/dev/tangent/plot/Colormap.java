package dev.tangent.plot;

import java.awt.Color;
import java.util.Locale;

/**
 * Colour maps by name, interpolated linearly between key colours sampled from matplotlib's maps
 * (viridis and magma at eleven points; coolwarm, RdBu, gray). Values outside 0..1 are clipped.
 */
public final class Colormap {
  private final String name;
  private final int[] keys;

  private Colormap(String name, int... keys) {
    this.name = name;
    this.keys = keys;
  }

  public static final String NAMES = "viridis, magma, gray, coolwarm, RdBu";

  public static Colormap named(String s) {
    switch (s.toLowerCase(Locale.ROOT)) {
      case "viridis":
        return new Colormap("viridis", 0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725);
      case "magma":
        return new Colormap("magma", 0x000004, 0x140e36, 0x3b0f70, 0x641a80, 0x8c2981, 0xb73779, 0xde4968, 0xf7705c, 0xfe9f6d, 0xfecf92, 0xfcfdbf);
      case "gray": case "grey":
        return new Colormap("gray", 0x000000, 0xffffff);
      case "coolwarm":
        return new Colormap("coolwarm", 0x3b4cc0, 0x8db0fe, 0xdddddd, 0xf4987a, 0xb40426);
      case "rdbu":
        return new Colormap("RdBu", 0x67001f, 0xb2182b, 0xd6604d, 0xf4a582, 0xfddbc7, 0xf7f7f7, 0xd1e5f0, 0x92c5de, 0x4393c3, 0x2166ac, 0x053061);
      default:
        return null;
    }
  }

  public String name() { return name; }

  /** The colour at t in 0..1 (NaN gives a light grey). */
  public int rgb(double t) {
    if (Double.isNaN(t)) return 0xd0d0d0;
    double x = Math.max(0, Math.min(1, t)) * (keys.length - 1);
    int i = Math.min((int) x, keys.length - 2);
    double f = x - i;
    int a = keys[i], b = keys[i + 1];
    int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
    int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
    int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
    return (r << 16) | (g << 8) | bl;
  }

  public Color color(double t) { return new Color(rgb(t)); }
}
