package dev.tangent.plot;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * Displacement fields [2, H, W] (channel 0 along rows, channel 1 along columns, in pixels or as
 * fractions of the size as DRDM stores them): arrows (quiver) or a warped grid (grid_warp).
 */
final class FieldPlots {
  private FieldPlots() {}

  record Options(Tensor background, String units, Integer step, Double scale, boolean folds, String title,
      int width, int height) {}

  /** The displacement in pixels: [dy..., dx...] row-major over H x W. */
  private static double[][] pixels(Tensor f, String units, String fn) {
    int h = f.shape()[1], w = f.shape()[2];
    double[] v = f.toDoubleArray();
    double sy, sx;
    switch (units) {
      case "pixels": case "voxels": sy = 1; sx = 1; break;
      // DRDM's unit: a fraction of the first spatial size (rows) for both components.
      case "fraction": sy = h; sx = h; break;
      default: throw TangentError.runtime(fn + "(): units must be \"pixels\" or \"fraction\" (of the first spatial size, as DRDM), got \"" + units + "\"");
    }
    double[] dy = new double[h * w], dx = new double[h * w];
    for (int i = 0; i < h * w; i++) {
      dy[i] = v[i] * sy;
      dx[i] = v[h * w + i] * sx;
      if (!Double.isFinite(dy[i]) || !Double.isFinite(dx[i])) throw TangentError.runtime(fn + "(): the field has NaN or infinite values");
    }
    return new double[][] {dy, dx};
  }

  private static Rectangle frame(Canvas c, Options o, int h, int w) {
    Rectangle area = c.area(!o.title().isEmpty(), w / (double) h, 0);
    if (o.background() != null) {
      Tensor b = o.background();
      int[] s = b.shape();
      if (s.length != 2 || s[0] != h || s[1] != w) {
        throw TangentError.runtime("the background must be a [" + h + ", " + w + "] image like the field, got shape " + PlotArgs.shapeText(s));
      }
      double[] v = b.toDoubleArray();
      double[] r = PlotArgs.finiteRange(v);
      double span = r[1] > r[0] ? r[1] - r[0] : 1;
      BufferedImage cells = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Colormap grey = Colormap.named("gray");
      for (int i = 0; i < h * w; i++) {
        // Lightened, so the arrows and lines drawn over it stay visible.
        int g = grey.rgb((v[i] - r[0]) / span) & 255;
        int l = 110 + g * 145 / 255;
        cells.setRGB(i % w, i / w, (l << 16) | (l << 8) | l);
      }
      c.g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      c.g.drawImage(cells, area.x, area.y, area.width, area.height, null);
    }
    return area;
  }

  static Figure quiver(Tensor field, Options o) {
    int h = field.shape()[1], w = field.shape()[2];
    double[][] d = pixels(field, o.units(), "quiver");
    int step = o.step() != null ? o.step() : Math.max(1, Math.max(h, w) / 24);
    if (step < 1) throw TangentError.runtime("quiver(): step must be at least 1");
    double maxLen = 0;
    for (int i = 0; i < h * w; i++) maxLen = Math.max(maxLen, Math.hypot(d[0][i], d[1][i]));
    double scale = o.scale() != null ? o.scale() : maxLen > 0 ? 0.9 * step / maxLen : 1;
    Canvas c = new Canvas(o.width(), o.height());
    Rectangle area = frame(c, o, h, w);
    double px = area.width / (double) w, py = area.height / (double) h;
    Colormap cmap = Colormap.named("viridis");
    c.g.setStroke(new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    c.g.setClip(area);
    for (int i = step / 2; i < h; i += step) {
      for (int j = step / 2; j < w; j += step) {
        int k = i * w + j;
        double len = Math.hypot(d[0][k], d[1][k]);
        double x0 = area.x + (j + 0.5) * px, y0 = area.y + (i + 0.5) * py;
        double x1 = x0 + d[1][k] * scale * px, y1 = y0 + d[0][k] * scale * py;
        c.g.setColor(cmap.color(maxLen > 0 ? 0.15 + 0.75 * len / maxLen : 0.15));
        if (Math.hypot(x1 - x0, y1 - y0) < 0.75) {
          c.g.fill(new java.awt.geom.Ellipse2D.Double(x0 - 1, y0 - 1, 2, 2));
          continue;
        }
        c.g.draw(new Line2D.Double(x0, y0, x1, y1));
        double ang = Math.atan2(y1 - y0, x1 - x0), head = Math.min(6, 0.35 * Math.hypot(x1 - x0, y1 - y0));
        Path2D.Double tip = new Path2D.Double();
        tip.moveTo(x1, y1);
        tip.lineTo(x1 - head * Math.cos(ang - 0.45), y1 - head * Math.sin(ang - 0.45));
        tip.lineTo(x1 - head * Math.cos(ang + 0.45), y1 - head * Math.sin(ang + 0.45));
        tip.closePath();
        c.g.fill(tip);
      }
    }
    c.g.setClip(null);
    String title = o.title().isEmpty() ? "" : o.title() + (o.scale() == null ? String.format(java.util.Locale.ROOT, " (arrows x%.3g)", scale) : "");
    c.title(title);
    c.axes(area, -0.5, w - 0.5, -0.5, h - 0.5, "x (column)", "y (row)");
    return c.figure("quiver " + h + "x" + w + ", max |u| " + Canvas.label(maxLen) + " px", area);
  }

  static Figure gridWarp(Tensor field, Options o) {
    int h = field.shape()[1], w = field.shape()[2];
    double[][] d = pixels(field, o.units(), "grid_warp");
    int step = o.step() != null ? o.step() : Math.max(2, Math.max(h, w) / 16);
    if (step < 1) throw TangentError.runtime("grid_warp(): step must be at least 1");
    Canvas c = new Canvas(o.width(), o.height());
    Rectangle area = frame(c, o, h, w);
    double px = area.width / (double) w, py = area.height / (double) h;
    int folded = 0;
    if (o.folds()) {
      c.g.setColor(new Color(230, 40, 40, 150));
      for (int i = 0; i < h; i++) {
        for (int j = 0; j < w; j++) {
          if (jacobianDet(d, h, w, i, j) <= 0) {
            folded++;
            c.g.fill(new java.awt.geom.Rectangle2D.Double(area.x + j * px, area.y + i * py, Math.ceil(px), Math.ceil(py)));
          }
        }
      }
    }
    c.g.setClip(area);
    c.g.setColor(new Color(0x1f4e9c));
    c.g.setStroke(new BasicStroke(1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (int i = 0; i < h; i += step) c.g.draw(line(d, w, area, px, py, i, 0, 0, 1, w));
    if ((h - 1) % step != 0) c.g.draw(line(d, w, area, px, py, h - 1, 0, 0, 1, w));
    for (int j = 0; j < w; j += step) c.g.draw(line(d, w, area, px, py, 0, j, 1, 0, h));
    if ((w - 1) % step != 0) c.g.draw(line(d, w, area, px, py, 0, w - 1, 1, 0, h));
    c.g.setClip(null);
    c.title(o.title());
    c.axes(area, -0.5, w - 0.5, -0.5, h - 0.5, "x (column)", "y (row)");
    return c.figure("grid_warp " + h + "x" + w + (o.folds() ? ", " + folded + " folded pixels" : ""), area);
  }

  /** The grid line through (i0, j0) in direction (di, dj), every pixel, moved by the field. */
  private static Path2D line(double[][] d, int w, Rectangle area, double px, double py, int i0, int j0, int di, int dj, int n) {
    Path2D.Double p = new Path2D.Double();
    for (int t = 0; t < n; t++) {
      int i = i0 + di * t, j = j0 + dj * t, k = i * w + j;
      double x = area.x + (j + d[1][k] + 0.5) * px, y = area.y + (i + d[0][k] + 0.5) * py;
      if (t == 0) p.moveTo(x, y);
      else p.lineTo(x, y);
    }
    return p;
  }

  /** det(I + grad u) by central differences (one-sided at the borders). */
  static double jacobianDet(double[][] d, int h, int w, int i, int j) {
    int i0 = Math.max(0, i - 1), i1 = Math.min(h - 1, i + 1), j0 = Math.max(0, j - 1), j1 = Math.min(w - 1, j + 1);
    double dyDi = (d[0][i1 * w + j] - d[0][i0 * w + j]) / (i1 - i0);
    double dyDj = (d[0][i * w + j1] - d[0][i * w + j0]) / (j1 - j0);
    double dxDi = (d[1][i1 * w + j] - d[1][i0 * w + j]) / (i1 - i0);
    double dxDj = (d[1][i * w + j1] - d[1][i * w + j0]) / (j1 - j0);
    return (1 + dyDi) * (1 + dxDj) - dyDj * dxDi;
  }
}
