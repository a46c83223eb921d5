package dev.tangent.plot;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** plot.image: a 2-D tensor through a colour map with a colour bar, or an RGB picture as it is. */
final class ImagePlot {
  private ImagePlot() {}

  record Options(Colormap cmap, Double vmin, Double vmax, Double center, boolean colorbar, String title,
      String xlabel, String ylabel, int width, int height) {}

  static Figure draw(Tensor t, Options o) {
    int[] s = t.shape();
    boolean rgb = s.length == 3 && (s[2] == 3 || s[2] == 4);
    if (!(s.length == 2 || rgb) || s[0] == 0 || s[1] == 0) {
      throw TangentError.runtime("image(): give a 2-D tensor [H, W] (or an RGB picture [H, W, 3]), got shape " + PlotArgs.shapeText(s));
    }
    int h = s[0], w = s[1];
    double[] v = t.toDoubleArray();
    double[] range = range(v, o, rgb);
    Canvas c = new Canvas(o.width(), o.height());
    boolean bar = o.colorbar() && !rgb;
    Rectangle area = c.area(!o.title().isEmpty(), w / (double) h, bar ? 86 : 0);
    BufferedImage cells = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    double span = range[1] > range[0] ? range[1] - range[0] : 1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int px;
        if (rgb) {
          int k = (y * w + x) * s[2];
          px = (channel(v[k], range) << 16) | (channel(v[k + 1], range) << 8) | channel(v[k + 2], range);
        } else {
          px = o.cmap().rgb((v[y * w + x] - range[0]) / span);
        }
        cells.setRGB(x, y, px);
      }
    }
    c.g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    c.g.drawImage(cells, area.x, area.y, area.width, area.height, null);
    c.title(o.title());
    c.axes(area, -0.5, w - 0.5, -0.5, h - 0.5, o.xlabel(), o.ylabel());
    if (bar) c.colorBar(area, o.cmap(), range[0], range[1]);
    String what = "image " + h + "x" + w + (rgb ? " RGB" : ", " + o.cmap().name());
    return c.figure(what, area);
  }

  private static int channel(double v, double[] range) {
    double scaled = range[1] <= 1 ? v * 255 : v;
    return (int) Math.max(0, Math.min(255, Math.round(scaled)));
  }

  /** vmin..vmax: given, or the data's finite range; with a centre, symmetric around it. */
  private static double[] range(double[] v, Options o, boolean rgb) {
    double[] r = PlotArgs.finiteRange(v);
    if (rgb) return r;
    double lo = o.vmin() != null ? o.vmin() : r[0], hi = o.vmax() != null ? o.vmax() : r[1];
    if (o.center() != null) {
      double c = o.center();
      double half = Math.max(Math.abs(hi - c), Math.abs(c - lo));
      if (half == 0) half = 1;
      lo = c - half;
      hi = c + half;
    }
    if (!(hi >= lo)) throw TangentError.runtime("image(): vmax must not be below vmin");
    return new double[] {lo, hi};
  }
}
