package dev.tangent.plot;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Display;
import dev.tangent.spi.Iteration;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Rectangle;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * plot.graph: a layered graph, layers left to right, edges as curves whose width and opacity grow
 * with |weight| (blue positive, red negative). edges[l] is a matrix [n(l+1), n(l)]: entry [i, j]
 * joins node j of layer l to node i of layer l+1, the layout of LIB's interaction graph (E_hat).
 */
final class GraphPlot {
  private GraphPlot() {}

  record Options(List<String> layerNames, Object nodeLabels, Object nodeValues, double threshold, boolean log,
      double maxWidth, String title, int width, int height) {}

  record Edge(int layer, int from, int to, double weight) {}

  /** Where a label of width w starts: left of its node of radius r at x, or right of it on the last layer. */
  static int labelX(double x, double r, int w, boolean lastLayer) {
    return lastLayer ? (int) Math.ceil(x + r + 4) : (int) Math.floor(x - r - 4 - w);
  }

  static Figure draw(Object edgesArg, Options o) {
    List<Tensor> mats = new ArrayList<>();
    Iterator<Object> it = Iteration.iterator(edgesArg);
    while (it.hasNext()) mats.add(PlotArgs.tensor("graph", it.next(), "each edge matrix"));
    if (mats.isEmpty()) throw TangentError.runtime("graph(): give a list of edge matrices, one per pair of adjacent layers");
    int[] sizes = new int[mats.size() + 1];
    for (int l = 0; l < mats.size(); l++) {
      int[] s = mats.get(l).shape();
      if (s.length != 2) throw TangentError.runtime("graph(): edge matrix " + l + " must be 2-D [n(l+1), n(l)], got shape " + PlotArgs.shapeText(s));
      if (l == 0) sizes[0] = s[1];
      else if (s[1] != sizes[l]) {
        throw TangentError.runtime("graph(): edge matrix " + l + " has shape " + PlotArgs.shapeText(s) + " but layer " + l + " has "
            + sizes[l] + " nodes (matrices are [n(l+1), n(l)], as LIB's E_hat; transpose them if yours are [n(l), n(l+1)])");
      }
      sizes[l + 1] = s[0];
    }
    int layers = sizes.length;
    if (o.layerNames() != null && o.layerNames().size() != layers) {
      throw TangentError.runtime("graph(): " + o.layerNames().size() + " layer names for " + layers + " layers");
    }
    List<Edge> edges = new ArrayList<>();
    double max = 0;
    for (int l = 0; l < mats.size(); l++) {
      double[] v = mats.get(l).toDoubleArray();
      int nIn = sizes[l];
      for (int k = 0; k < v.length; k++) {
        if (!Double.isFinite(v[k])) throw TangentError.runtime("graph(): edge matrix " + l + " has NaN or infinite weights");
        if (v[k] != 0) edges.add(new Edge(l, k % nIn, k / nIn, v[k]));
        max = Math.max(max, Math.abs(v[k]));
      }
    }
    double cut = o.threshold() * max;
    edges.removeIf(e -> Math.abs(e.weight()) < cut);
    edges.sort((a, b) -> Double.compare(Math.abs(a.weight()), Math.abs(b.weight())));
    double minKept = edges.isEmpty() ? 1 : Math.abs(edges.get(0).weight());

    Canvas c = new Canvas(o.width(), o.height());
    boolean titled = !o.title().isEmpty();
    Rectangle area = new Rectangle(70, titled ? 64 : 44, o.width() - 140, o.height() - (titled ? 64 : 44) - 30);
    double[][] ys = new double[layers][];
    double[] xs = new double[layers];
    int tallest = 0;
    for (int s : sizes) tallest = Math.max(tallest, s);
    double gap = tallest > 1 ? area.height / (double) (tallest - 1) : 0;
    double radius = Math.max(2.5, Math.min(12, gap * 0.35));
    for (int l = 0; l < layers; l++) {
      xs[l] = layers == 1 ? area.getCenterX() : area.x + l * area.width / (double) (layers - 1);
      ys[l] = new double[sizes[l]];
      double span = (sizes[l] - 1) * gap;
      for (int i = 0; i < sizes[l]; i++) ys[l][i] = area.getCenterY() - span / 2 + i * gap;
    }
    for (Edge e : edges) {
      double m = Math.abs(e.weight());
      double t = o.log() ? (max > minKept ? Math.log(m / minKept) / Math.log(max / minKept) : 1) : m / max;
      float width = (float) Math.max(0.4, t * o.maxWidth());
      int alpha = (int) Math.round(60 + 180 * t);
      Color base = e.weight() > 0 ? new Color(0x1f77b4) : new Color(0xd62728);
      c.g.setColor(new Color(base.getRed(), base.getGreen(), base.getBlue(), alpha));
      c.g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      double x0 = xs[e.layer()], y0 = ys[e.layer()][e.from()], x1 = xs[e.layer() + 1], y1 = ys[e.layer() + 1][e.to()];
      double mid = (x0 + x1) / 2;
      c.g.draw(new CubicCurve2D.Double(x0, y0, mid, y0, mid, y1, x1, y1));
    }
    double[][] values = nodeValues(o.nodeValues(), sizes);
    List<List<String>> labels = nodeLabels(o.nodeLabels(), sizes);
    FontMetrics fm = c.g.getFontMetrics();
    c.g.setStroke(new BasicStroke(1.2f));
    double[][] radii = new double[layers][];
    for (int l = 0; l < layers; l++) {
      radii[l] = new double[sizes[l]];
      for (int i = 0; i < sizes[l]; i++) {
        double r = values == null ? radius : Math.max(2, radius * Math.sqrt(values[l][i]));
        radii[l][i] = r;
        Ellipse2D node = new Ellipse2D.Double(xs[l] - r, ys[l][i] - r, 2 * r, 2 * r);
        c.g.setColor(new Color(0xf2f2f2));
        c.g.fill(node);
        c.g.setColor(Canvas.INK);
        c.g.draw(node);
      }
    }
    // Labels after every node, beside their own node's circle (its radius grows with node_values),
    // on a light backing so that edges and neighbouring circles never hide them.
    for (int l = 0; l < layers; l++) {
      for (int i = 0; i < sizes[l]; i++) {
        String label = labels != null ? labels.get(l).get(i) : (tallest <= 40 ? Integer.toString(i) : null);
        if (label == null || gap < fm.getHeight() * 0.8) continue;
        int w = fm.stringWidth(label);
        int lx = labelX(xs[l], radii[l][i], w, l == layers - 1);
        int baseline = (int) (ys[l][i] + fm.getAscent() / 2.0 - 1);
        c.g.setColor(new Color(255, 255, 255, 200));
        c.g.fillRect(lx - 1, baseline - fm.getAscent(), w + 2, fm.getAscent() + fm.getDescent());
        c.g.setColor(Canvas.INK);
        c.g.drawString(label, lx, baseline);
      }
      String name = o.layerNames() != null ? o.layerNames().get(l) : "layer " + l;
      c.g.drawString(name, (int) (xs[l] - fm.stringWidth(name) / 2.0), area.y - 16);
    }
    c.title(o.title());
    return c.figure("graph, " + layers + " layers, " + edges.size() + " edges", area);
  }

  private static double[][] nodeValues(Object v, int[] sizes) {
    if (v == null) return null;
    List<double[]> rows = new ArrayList<>();
    Iterator<Object> it = Iteration.iterator(v);
    while (it.hasNext()) rows.add(PlotArgs.vector("graph", it.next(), "node_values of a layer"));
    if (rows.size() != sizes.length) throw TangentError.runtime("graph(): node_values has " + rows.size() + " layers, the graph " + sizes.length);
    double max = 0;
    for (int l = 0; l < sizes.length; l++) {
      if (rows.get(l).length != sizes[l]) throw TangentError.runtime("graph(): node_values of layer " + l + " has " + rows.get(l).length + " values for " + sizes[l] + " nodes");
      for (double x : rows.get(l)) max = Math.max(max, Math.abs(x));
    }
    double[][] out = new double[sizes.length][];
    for (int l = 0; l < sizes.length; l++) {
      out[l] = new double[sizes[l]];
      for (int i = 0; i < sizes[l]; i++) out[l][i] = max > 0 ? Math.abs(rows.get(l)[i]) / max : 1;
    }
    return out;
  }

  private static List<List<String>> nodeLabels(Object v, int[] sizes) {
    if (v == null) return null;
    List<List<String>> out = new ArrayList<>();
    Iterator<Object> it = Iteration.iterator(v);
    while (it.hasNext()) {
      List<String> layer = new ArrayList<>();
      Iterator<Object> li = Iteration.iterator(it.next());
      while (li.hasNext()) layer.add(Display.str(li.next()));
      out.add(layer);
    }
    if (out.size() != sizes.length) throw TangentError.runtime("graph(): node_labels has " + out.size() + " layers, the graph " + sizes.length);
    for (int l = 0; l < sizes.length; l++) {
      if (out.get(l).size() != sizes[l]) throw TangentError.runtime("graph(): node_labels of layer " + l + " has " + out.get(l).size() + " labels for " + sizes[l] + " nodes");
    }
    return out;
  }

  static List<String> strings(Object v) {
    if (v == null) return null;
    List<String> out = new ArrayList<>();
    Iterator<Object> it = Iteration.iterator(v);
    while (it.hasNext()) out.add(Display.str(it.next()));
    return out;
  }

}
