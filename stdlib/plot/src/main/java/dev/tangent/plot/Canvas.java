package dev.tangent.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** A white picture with a title, a framed data area and numbered axes, for the Java2D plots. */
final class Canvas {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  static final Color INK = new Color(0x333333);
  static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);

  final BufferedImage image;
  final Graphics2D g;
  final int width, height;

  Canvas(int width, int height) {
    this.width = width;
    this.height = height;
    image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setFont(FONT);
  }

  void title(String text) {
    if (text == null || text.isEmpty()) return;
    g.setFont(TITLE);
    g.setColor(INK);
    FontMetrics fm = g.getFontMetrics();
    g.drawString(text, (width - fm.stringWidth(text)) / 2, 8 + fm.getAscent());
    g.setFont(FONT);
  }

  /**
   * The data area inside the margins; with an aspect ratio (data width / data height) it is the
   * largest rectangle of that shape, centred. {@code right} reserves room for a colour bar.
   */
  Rectangle area(boolean hasTitle, double aspect, int right) {
    int left = 62, top = hasTitle ? 36 : 16, bottom = 48;
    int w = width - left - right - 16, h = height - top - bottom;
    if (w < 20 || h < 20) throw new IllegalArgumentException("the figure is too small to draw in");
    if (aspect > 0) {
      if (w / (double) h > aspect) {
        int nw = (int) Math.round(h * aspect);
        left += (w - nw) / 2;
        w = nw;
      } else {
        int nh = (int) Math.round(w / aspect);
        top += (h - nh) / 2;
        h = nh;
      }
    }
    return new Rectangle(left, top, w, h);
  }

  /** Frame, ticks and labels for data x0..x1 (left to right) and y0..y1 (top to bottom). */
  void axes(Rectangle a, double x0, double x1, double y0, double y1, String xlabel, String ylabel) {
    g.setColor(INK);
    g.setStroke(new BasicStroke(1f));
    g.drawRect(a.x, a.y, a.width, a.height);
    FontMetrics fm = g.getFontMetrics();
    for (double v : ticks(x0, x1, Math.max(2, a.width / 80))) {
      int px = (int) Math.round(a.x + (v - x0) / (x1 - x0) * a.width);
      g.drawLine(px, a.y + a.height, px, a.y + a.height + 4);
      String s = label(v);
      g.drawString(s, px - fm.stringWidth(s) / 2, a.y + a.height + 6 + fm.getAscent());
    }
    for (double v : ticks(Math.min(y0, y1), Math.max(y0, y1), Math.max(2, a.height / 60))) {
      int py = (int) Math.round(a.y + (v - y0) / (y1 - y0) * a.height);
      g.drawLine(a.x - 4, py, a.x, py);
      String s = label(v);
      g.drawString(s, a.x - 7 - fm.stringWidth(s), py + fm.getAscent() / 2 - 1);
    }
    if (xlabel != null && !xlabel.isEmpty()) {
      g.drawString(xlabel, a.x + (a.width - fm.stringWidth(xlabel)) / 2, a.y + a.height + 24 + fm.getAscent());
    }
    if (ylabel != null && !ylabel.isEmpty()) {
      AffineTransform old = g.getTransform();
      g.rotate(-Math.PI / 2);
      g.drawString(ylabel, -(a.y + (a.height + fm.stringWidth(ylabel)) / 2), a.x - 44);
      g.setTransform(old);
    }
  }

  /** A vertical colour bar for values lo..hi right of the data area. */
  void colorBar(Rectangle a, Colormap cmap, double lo, double hi) {
    int x = a.x + a.width + 18, w = 16;
    for (int i = 0; i < a.height; i++) {
      g.setColor(cmap.color(1 - i / (double) Math.max(1, a.height - 1)));
      g.fillRect(x, a.y + i, w, 1);
    }
    g.setColor(INK);
    g.drawRect(x, a.y, w, a.height);
    FontMetrics fm = g.getFontMetrics();
    double span = hi > lo ? hi - lo : 1;
    for (double v : ticks(lo, lo + span, Math.max(2, a.height / 50))) {
      int py = (int) Math.round(a.y + a.height - (v - lo) / span * a.height);
      g.drawLine(x + w, py, x + w + 4, py);
      g.drawString(label(v), x + w + 7, py + fm.getAscent() / 2 - 1);
    }
  }

  Figure figure(String content, Rectangle dataArea) {
    g.dispose();
    return new Figure(image, content, dataArea);
  }

  /** Round tick values (1, 2, 5 times a power of ten) covering lo..hi, about n of them. */
  static List<Double> ticks(double lo, double hi, int n) {
    List<Double> out = new ArrayList<>();
    if (!(hi > lo) || Double.isInfinite(hi - lo)) {
      out.add(lo);
      return out;
    }
    double raw = (hi - lo) / n;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
    for (double v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
    return out;
  }

  static String label(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e6) return Long.toString((long) v);
    double a = Math.abs(v);
    if (a >= 1e-3 && a < 1e6) {
      String s = String.format(java.util.Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
      return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
    return String.format(java.util.Locale.ROOT, "%.2g", v);
  }
}
