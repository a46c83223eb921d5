package dev.tangent.plot;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Args;
import dev.tangent.spi.Display;
import dev.tangent.spi.TMap;
import dev.tangent.spi.Tuple;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** plot.line and plot.scatter, drawn by XChart. */
final class LineCharts {
  private LineCharts() {}

  /** matplotlib's tab10, so the colours look familiar. */
  static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
    new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

  record Series(String name, double[] x, double[] y) {}

  /** line(*ys, x=nil, labels=nil, title='', xlabel='', ylabel='', logx=false, logy=false, width=800, height=600) */
  static Figure line(Args a) {
    List<Series> series = new ArrayList<>();
    double[] sharedX = a.present(1) ? PlotArgs.vector("line", a.get(1), "x") : null;
    for (Object v : a.rest()) collect(v, sharedX, series);
    if (series.isEmpty()) throw TangentError.runtime("line(): give at least one series of y values");
    rename(a, 2, series, "line");
    return chart(a, series, false, "line plot", 3);
  }

  /** scatter(x, y=nil, *more, labels=nil, title='', xlabel='', ylabel='', logx=false, logy=false, size=6, width=800, height=600) */
  static Figure scatter(Args a) {
    List<Series> series = new ArrayList<>();
    if (!a.present(1)) {
      Tensor pts = PlotArgs.tensor("scatter", a.get(0), "x");
      int[] s = pts.shape();
      if (s.length != 2 || s[1] != 2) throw TangentError.runtime("scatter(): with one argument, give points of shape [n, 2], got " + PlotArgs.shapeText(s));
      double[] v = pts.toDoubleArray(), x = new double[s[0]], y = new double[s[0]];
      for (int i = 0; i < s[0]; i++) {
        x[i] = v[2 * i];
        y[i] = v[2 * i + 1];
      }
      series.add(new Series("series 1", x, y));
    } else {
      series.add(pair("scatter", a.get(0), a.get(1), 1));
    }
    List<Object> more = a.rest();
    if (more.size() % 2 != 0) throw TangentError.runtime("scatter(): more series come in (x, y) pairs; got an odd number of extra arguments");
    for (int i = 0; i < more.size(); i += 2) series.add(pair("scatter", more.get(i), more.get(i + 1), series.size() + 1));
    rename(a, 3, series, "scatter");
    return chart(a, series, true, "scatter plot", 4);
  }

  private static Series pair(String fn, Object x, Object y, int n) {
    double[] xs = PlotArgs.vector(fn, x, "x of series " + n), ys = PlotArgs.vector(fn, y, "y of series " + n);
    if (xs.length != ys.length) throw TangentError.runtime(fn + "(): series " + n + " has " + xs.length + " x values but " + ys.length + " y values");
    return new Series("series " + n, xs, ys);
  }

  private static void collect(Object v, double[] sharedX, List<Series> out) {
    if (v instanceof TMap m) {
      for (Map.Entry<Object, Object> e : m.entries.entrySet()) {
        int before = out.size();
        collect(e.getValue(), sharedX, out);
        for (int i = before; i < out.size(); i++) {
          Series s = out.get(i);
          out.set(i, new Series(Display.str(e.getKey()) + (out.size() - before > 1 ? " " + (i - before) : ""), s.x(), s.y()));
        }
      }
      return;
    }
    if (v instanceof Tuple t && t.size() == 2) {
      out.add(pair("line", t.get(0), t.get(1), out.size() + 1));
      return;
    }
    if (v instanceof Tensor t && t.shape().length == 2) {
      int k = t.shape()[0], n = t.shape()[1];
      double[] d = t.toDoubleArray();
      for (int r = 0; r < k; r++) out.add(series(java.util.Arrays.copyOfRange(d, r * n, (r + 1) * n), sharedX, out.size() + 1));
      return;
    }
    out.add(series(PlotArgs.vector("line", v, "series " + (out.size() + 1)), sharedX, out.size() + 1));
  }

  private static Series series(double[] y, double[] sharedX, int n) {
    double[] x = sharedX;
    if (x == null) {
      x = new double[y.length];
      for (int i = 0; i < y.length; i++) x[i] = i;
    } else if (x.length != y.length) {
      throw TangentError.runtime("line(): x has " + x.length + " values but series " + n + " has " + y.length);
    }
    return new Series("series " + n, x, y);
  }

  private static void rename(Args a, int i, List<Series> series, String fn) {
    if (!a.present(i)) return;
    List<String> names = new ArrayList<>();
    java.util.Iterator<Object> it = dev.tangent.spi.Iteration.iterator(a.get(i));
    while (it.hasNext()) names.add(Display.str(it.next()));
    if (names.size() != series.size()) {
      throw TangentError.runtime(fn + "(): " + names.size() + " labels for " + series.size() + " series");
    }
    for (int k = 0; k < names.size(); k++) series.set(k, new Series(names.get(k), series.get(k).x(), series.get(k).y()));
  }

  /** Options start at index {@code o}: labels, title, xlabel, ylabel, logx, logy, [size], width, height. */
  private static Figure chart(Args a, List<Series> series, boolean scatter, String kind, int o) {
    String fn = scatter ? "scatter" : "line";
    int sizeIdx = scatter ? o + 5 : -1;
    int wIdx = scatter ? o + 6 : o + 5;
    int width = PlotArgs.size(a, wIdx, 800, "width"), height = PlotArgs.size(a, wIdx + 1, 600, "height");
    boolean logx = a.bool(o + 3, false), logy = a.bool(o + 4, false);
    for (Series s : series) {
      check(fn, s, logx, "x");
      check(fn, s, logy, "y");
    }
    XYChart chart = new XYChartBuilder().width(width).height(height)
        .title(a.str(o, "")).xAxisTitle(a.str(o + 1, "")).yAxisTitle(a.str(o + 2, "")).build();
    Styler st = chart.getStyler();
    chart.getStyler().setXAxisLogarithmic(logx).setYAxisLogarithmic(logy);
    // XChart labels only whole decades on log axes: widen a range that spans less than one.
    if (logx) {
      double[] d = decades(series, true);
      chart.getStyler().setXAxisMin(d[0]).setXAxisMax(d[1]);
    }
    if (logy) {
      double[] d = decades(series, false);
      chart.getStyler().setYAxisMin(d[0]).setYAxisMax(d[1]);
    }
    chart.getStyler().setDefaultSeriesRenderStyle(scatter ? XYSeries.XYSeriesRenderStyle.Scatter : XYSeries.XYSeriesRenderStyle.Line);
    st.setSeriesColors(PALETTE);
    st.setChartBackgroundColor(Color.WHITE);
    st.setPlotBackgroundColor(Color.WHITE);
    st.setLegendVisible(series.size() > 1 || a.present(o - 1));
    st.setLegendPosition(Styler.LegendPosition.InsideNE);
    st.setAntiAlias(true);
    if (scatter) chart.getStyler().setMarkerSize(a.integer(sizeIdx, 6));
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Series s : series) {
      String name = s.name();
      while (!seen.add(name)) name = name + " ";
      XYSeries xs = chart.addSeries(name, s.x(), s.y());
      if (!scatter) {
        xs.setMarker(SeriesMarkers.NONE);
        xs.setLineStyle(new BasicStroke(2f));
      }
    }
    java.awt.image.BufferedImage img = BitmapEncoder.getBufferedImage(chart);
    return new Figure(img, kind + ", " + series.size() + (series.size() == 1 ? " series" : " series"), null);
  }

  /** The enclosing powers of ten of the data, so a log axis always shows labelled decades. */
  private static double[] decades(List<Series> series, boolean x) {
    double lo = Double.POSITIVE_INFINITY, hi = 0;
    for (Series s : series) {
      for (double v : x ? s.x() : s.y()) {
        if (v > 0 && Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    double a = Math.pow(10, Math.floor(Math.log10(lo) + 1e-12)), b = Math.pow(10, Math.ceil(Math.log10(hi) - 1e-12));
    if (b <= a) b = a * 10;
    return new double[] {a, b};
  }

  private static void check(String fn, Series s, boolean log, String axis) {
    double[] v = axis.equals("x") ? s.x() : s.y();
    if (v.length == 0) throw TangentError.runtime(fn + "(): series '" + s.name() + "' is empty");
    int finite = 0;
    for (double d : v) {
      if (Double.isInfinite(d)) throw TangentError.runtime(fn + "(): series '" + s.name() + "' has an infinite " + axis + " value");
      if (log && d <= 0) {
        throw TangentError.runtime(fn + "(): series '" + s.name() + "' has " + axis + " = " + Display.number(d)
            + ", which a logarithmic " + axis + " axis cannot show");
      }
      if (!Double.isNaN(d)) finite++;
    }
    if (finite == 0) throw TangentError.runtime(fn + "(): series '" + s.name() + "' has no finite " + axis + " values");
  }
}
