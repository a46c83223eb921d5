package dev.tangent.lib;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.lib.analysis.Spectra;
import dev.tangent.lib.linalg.Mat;
import dev.tangent.lib.result.LibResult;
import dev.tangent.spi.Args;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Nil;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import dev.tangent.spi.Modules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** LIB's pictures, drawn by the plot module's line and graph built-ins. */
final class LibPlots {
  private LibPlots() {}

  static Callable plot(String name) {
    var mod = Modules.get().module("plot");
    if (mod == null) throw TangentError.runtime("lib: the plot module is not on the class path");
    Object f = mod.exports().get(name);
    if (!(f instanceof Callable c)) throw TangentError.runtime("lib: plot." + name + " is missing");
    return c;
  }

  static Object call(Args a, String fn, List<Object> args, List<String> names, List<Object> kw) {
    // Positional arguments first, then the named ones; names lists the named ones only.
    Object[] all = new Object[args.size() + kw.size()];
    String[] nm = new String[kw.size()];
    for (int i = 0; i < args.size(); i++) all[i] = args.get(i);
    for (int i = 0; i < kw.size(); i++) {
      all[args.size() + i] = kw.get(i);
      nm[i] = names.get(i).intern();
    }
    return plot(fn).call(a.ctx(), all, kw.isEmpty() ? null : nm);
  }

  static List<Object> items(Object v, String fn, String what) {
    if (v instanceof TList l) return l.items;
    if (v instanceof Tuple t) return t.list();
    throw TangentError.runtime(fn + "(): " + what + " must be a list, got " + Types.typeName(v));
  }

  static TList labels(Object v, int n, List<String> dflt) {
    if (v == null || v == Nil.NIL) return new TList(dflt);
    TList l = new TList(items(v, "lib.plot", "labels"));
    if (l.size() != n) throw TangentError.runtime("labels: " + l.size() + " names for " + n + " series");
    return l;
  }

  static Object ablation(Args a) {
    String fn = "lib.plot_ablation";
    List<Object> curves = items(a.get(0), fn, "curves");
    if (curves.isEmpty()) throw TangentError.runtime(fn + "(): no curves");
    String metric = LibArgs.str(a, "metric", "accuracy");
    List<Object> series = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Object c : curves) {
      if (!(c instanceof TMap m) || !m.has("ks") || !m.has(metric)) {
        throw TangentError.runtime(fn + "(): each curve must be a result of lib.ablate_nodes (with ks and " + metric + ")");
      }
      series.add(new Tuple(m.get("ks"), m.get(metric)));
      names.add((m.has("basis") ? m.get("basis") : "curve") + (m.has("layer") ? " " + m.get("layer") : ""));
    }
    TList lab = labels(a.get(1), series.size(), names);
    List<Object> args = new ArrayList<>(series);
    return call(a, "line", args, List.of("labels", "title", "xlabel", "ylabel", "width", "height"),
        List.of(lab, LibArgs.str(a, "title", "node ablation"), "directions kept", metric, a.get("width") == null ? 800.0 : a.get("width"),
            a.get("height") == null ? 600.0 : a.get("height")));
  }

  static Object spectrum(Args a) {
    String fn = "lib.plot_spectrum";
    List<Object> results = items(a.get(0), fn, "results");
    if (results.isEmpty()) throw TangentError.runtime(fn + "(): no results");
    List<Object> series = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Object o : results) {
      if (!(o instanceof LibResult r)) throw TangentError.runtime(fn + "(): results must be LibResults, got " + Types.typeName(o));
      int l = r.index(a.get(1), fn);
      double[] imp = Spectra.importances(r.basis(l, fn));
      if (imp == null || imp.length == 0) throw TangentError.runtime(fn + "(): '" + r.layers.get(l) + "' has no spectrum (identity basis)");
      // Relative to the largest; zeros would leave the log axis.
      List<Double> ys = new ArrayList<>();
      List<Double> xs = new ArrayList<>();
      for (int i = 0; i < imp.length; i++) {
        double v = imp[i] / imp[0];
        if (v > 0) {
          xs.add((double) (i + 1));
          ys.add(v);
        }
      }
      series.add(new Tuple(new TList(xs), new TList(ys)));
      names.add(r.options.kind() == dev.tangent.lib.basis.BasisKind.JACOBIAN ? "LIB (Λ)" : r.options.kind().text.toUpperCase() + " (Gram eigenvalues)");
    }
    TList lab = labels(a.get(2), series.size(), names);
    return call(a, "line", series, List.of("labels", "title", "xlabel", "ylabel", "logy", "width", "height"),
        List.of(lab, LibArgs.str(a, "title", "spectrum at " + a.get(1)), "direction (constant left out)", "importance / largest", true,
            a.get("width") == null ? 800.0 : a.get("width"), a.get("height") == null ? 600.0 : a.get("height")));
  }

  static Object graph(Args a) {
    String fn = "lib.plot_graph";
    if (!(a.get(0) instanceof LibResult r)) throw TangentError.runtime(fn + "(): r must be a LibResult, got " + Types.typeName(a.get(0)));
    int top = LibArgs.count(a, "top", 60, 1);
    int nodes = LibArgs.count(a, "nodes", 12, 1);
    int pairs = r.layers.size() - 1;
    // The first `nodes` features of each layer (the most important), then the `top` strongest edges among them.
    List<Mat> sub = new ArrayList<>();
    List<Double> all = new ArrayList<>();
    for (int l = 0; l < pairs; l++) {
      Mat e = r.edges(l, fn);
      int ni = Math.min(nodes, e.cols);
      int no = Math.min(nodes, e.rows);
      Mat s = e.block(0, no, 0, ni);
      sub.add(s);
      for (double v : s.a) all.add(v);
    }
    all.sort((x, y) -> Double.compare(y, x));
    double cut = all.get(Math.min(top, all.size()) - 1);
    TList mats = new TList();
    for (Mat s : sub) {
      double[] v = s.a.clone();
      for (int i = 0; i < v.length; i++) if (v[i] < cut) v[i] = 0;
      mats.items.add(Tensor.ofDoubles(new int[] {s.rows, s.cols}, v));
    }
    TList values = new TList();
    for (int l = 0; l <= pairs; l++) {
      double[] lam = r.bases[l] == null || r.bases[l].lambdas() == null ? null : r.bases[l].lambdas();
      int n = l < pairs ? sub.get(l).cols : sub.get(l - 1).rows;
      double[] vals = new double[n];
      Arrays.fill(vals, 1);
      if (lam != null) for (int i = 0; i < n && i < lam.length; i++) vals[i] = Math.sqrt(lam[i]);
      values.items.add(Tensor.ofDoubles(new int[] {n}, vals));
    }
    return call(a, "graph", List.of(mats), List.of("layer_names", "node_values", "log", "title", "width", "height"),
        List.of(new TList(r.layers), values, true, LibArgs.str(a, "title", "interaction graph (" + r.options.kind().text + ")"),
            a.get("width") == null ? 1000.0 : a.get("width"), a.get("height") == null ? 700.0 : a.get("height")));
  }
}
