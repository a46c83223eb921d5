package dev.tangent.lib;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.lib.analysis.Comparison;
import dev.tangent.lib.analysis.EdgeAblation;
import dev.tangent.lib.analysis.FourierLabels;
import dev.tangent.lib.analysis.NodeAblation;
import dev.tangent.lib.analysis.Spectra;
import dev.tangent.lib.basis.BasisKind;
import dev.tangent.lib.basis.Integration;
import dev.tangent.lib.basis.LayerBasis;
import dev.tangent.lib.build.LibBuild;
import dev.tangent.lib.build.Options;
import dev.tangent.lib.build.Runner;
import dev.tangent.lib.build.Stage;
import dev.tangent.lib.build.StageAccumulator;
import dev.tangent.lib.data.ModAdd;
import dev.tangent.lib.linalg.Blas;
import dev.tangent.lib.linalg.Mat;
import dev.tangent.lib.model.Inputs;
import dev.tangent.lib.model.LibModel;
import dev.tangent.lib.result.LibFiles;
import dev.tangent.lib.result.LibResult;
import dev.tangent.lib.section.Section;
import dev.tangent.progress.Progress;
import dev.tangent.progress.ProgressTask;
import dev.tangent.spi.Args;
import dev.tangent.spi.Context;
import dev.tangent.spi.Nil;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import static dev.tangent.lib.LibArgs.*;

/** lib.ablate_nodes, lib.ablate_edges and lib.compare. */
final class AblationFunctions {
  private AblationFunctions() {}

  /** The model for an existing result (its node layers and cut), checked against the result's widths. */
  static LibModel modelFor(Args a, Object model, LibResult r, Inputs data) {
    LibModel m = model(a.ctx(), model, r.layers, data.sampleShape(), r.options.lastPos());
    r.withModel(m);
    return m;
  }

  static LibResult resultArg(Args a, int i) {
    Object v = a.get(i);
    if (!(v instanceof LibResult r)) throw TangentError.runtime(a.fn().name() + "(): r must be a LibResult, got " + Types.typeName(v));
    if (!r.complete()) throw TangentError.runtime(a.fn().name() + "(): r is a partial result (next stage " + r.nextStage + ")");
    return r;
  }

  static Object ablateNodes(Args a) {
    String fn = "lib.ablate_nodes";
    LibResult r = resultArg(a, 1);
    Inputs data = inputs(a.get(2), fn, "test_data");
    long[] labels = labels(a.get(2), data.count, fn);
    LibModel m = modelFor(a, a.get(0), r, data);
    Object layer = a.get("layer");
    int l = r.index(layer, fn);
    LayerBasis b = r.basis(l, fn);
    if (b.identity()) throw TangentError.runtime(fn + "(): '" + r.layers.get(l) + "' has the identity basis; ablate another layer");
    int d = r.widths[l];
    int[] ks;
    Object kv = a.get("ks");
    if (kv == null || kv == Nil.NIL) {
      ks = NodeAblation.schedule(d, 10, 1.1);
    } else {
      double[] k = doubles(kv, null, fn, "ks");
      ks = new int[k.length];
      for (int i = 0; i < k.length; i++) {
        if (k[i] != Math.rint(k[i]) || k[i] < 0) throw TangentError.runtime(fn + "(): ks must be counts >= 0, got " + k[i]);
        ks[i] = (int) Math.min(k[i], d);
      }
    }
    int batch = count(a, "batch", 1000, 1);
    List<NodeAblation.Point> pts;
    try (ProgressTask p = progress(a.ctx(), fn, (long) ks.length * ((data.count + batch - 1) / batch), true)) {
      pts = NodeAblation.run(m, b, l, data, labels, ks, batch, p);
    }
    TMap out = new TMap();
    out.put("layer", r.layers.get(l));
    out.put("basis", r.options.kind().text);
    TList kl = new TList();
    TList acc = new TList();
    TList loss = new TList();
    for (NodeAblation.Point pt : pts) {
      kl.items.add((double) pt.kept());
      acc.items.add(pt.accuracy());
      loss.items.add(pt.loss());
    }
    out.put("ks", kl);
    out.put("accuracy", acc);
    out.put("loss", loss);
    out.put("base", EdgeAblation.base(m, data, labels, batch));
    return out;
  }

  static Object ablateEdges(Args a) {
    String fn = "lib.ablate_edges";
    LibResult r = resultArg(a, 1);
    Inputs data = inputs(a.get(2), fn, "test_data");
    long[] labels = labels(a.get(2), data.count, fn);
    LibModel m = modelFor(a, a.get(0), r, data);
    double tol = num(a, "tolerance", 0.001);
    if (!(tol >= 0)) throw TangentError.runtime(fn + "(): tolerance must be >= 0, got " + tol);
    int batch = count(a, "batch", 1000, 1);
    List<Integer> pairs = new ArrayList<>();
    List<String> which = names(a.get("layers"), fn);
    if (which == null) for (int l = 0; l + 1 < r.layers.size(); l++) pairs.add(l);
    else for (String w : which) {
      int l = r.index(w, fn);
      if (l + 1 >= r.layers.size()) throw TangentError.runtime(fn + "(): '" + w + "' is the last node layer; edges start at the layers before it");
      pairs.add(l);
    }
    return edgeAblations(a.ctx(), m, r, pairs, data, labels, tol, batch);
  }

  static TMap edgeAblations(Context ctx, LibModel m, LibResult r, List<Integer> pairs, Inputs data, long[] labels, double tol, int batch) {
    double base = EdgeAblation.base(m, data, labels, batch);
    TMap out = new TMap();
    try (ProgressTask p = progress(ctx, "lib.ablate_edges", pairs.size() * 16L, true)) {
      for (int l : pairs) {
        EdgeAblation.Result res = EdgeAblation.bisect(m, l, r.basis(l, "lib.ablate_edges"), r.basis(l + 1, "lib.ablate_edges"),
            r.edges(l, "lib.ablate_edges"), data, labels, tol, base, batch, p);
        TMap e = new TMap();
        e.put("edges", (double) res.edges());
        e.put("total", (double) res.total());
        e.put("accuracy", res.accuracy());
        e.put("base", res.base());
        TList tries = new TList();
        for (int i = 0; i < res.tries().size(); i++) tries.items.add(new Tuple((double) res.tries().get(i)[0], res.accuracies().get(i)));
        e.put("tries", tries);
        out.put(res.pair(), e);
      }
    }
    return out;
  }

  /** The fewest kept directions with accuracy at least base − tol (bisection over 0..r). */
  static int nodeThreshold(LibModel m, LayerBasis b, int l, Inputs data, long[] labels, double base, double tol, int batch, ProgressTask p) {
    int lo = -1;
    int hi = b.width();
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      double acc = NodeAblation.run(m, b, l, data, labels, new int[] {mid}, batch, p).get(0).accuracy();
      if (acc >= base - tol) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  static Object compare(Args a) {
    String fn = "lib.compare";
    Inputs data = inputs(a.get(1), fn, "data");
    Inputs test = inputs(a.get(2), fn, "test");
    long[] labels = labels(a.get(2), test.count, fn);
    Options base = Options.defaults(BasisKind.JACOBIAN).withLastPos(bool(a, "last_pos", false))
        .withBatch(count(a, "batch", 1000, 1)).withThreads(count(a, "threads", defaultThreads(), 1));
    LibModel m = model(a.ctx(), a.get(0), names(a.get("node_layers"), fn), data.sampleShape(), base.lastPos());
    double[] rel = doubles(a.get("rel"), REL, fn, "rel");
    double[] shares = doubles(a.get("shares"), SHARES, fn, "shares");
    double tol = num(a, "tolerance", 0.001);
    boolean ablate = bool(a, "ablate", true);
    LibResult[] rs = new LibResult[2];
    BasisKind[] kinds = {BasisKind.JACOBIAN, BasisKind.PCA};
    for (int i = 0; i < 2; i++) {
      LibBuild b = new LibBuild(m, forModel(base.withKind(kinds[i]), m));
      try (ProgressTask p = progress(a.ctx(), "lib.compare (" + kinds[i].text + ")", (long) b.passesLeft() * data.count, true)) {
        Runner.complete(b, data, p);
      }
      rs[i] = LibResult.of(b);
    }
    Comparison c = new Comparison(rs[0], rs[1]);
    int last = m.count() - 1;
    for (int l = 0; l < last; l++) {
      String name = m.layers.get(l);
      c.add(name + " directions", (double) rs[0].bases[l].width(), (double) rs[1].bases[l].width());
      int[] cl = Spectra.counts(Spectra.importances(rs[0].bases[l]), rel);
      int[] cp = Spectra.counts(Spectra.importances(rs[1].bases[l]), rel);
      for (int k = 0; k < rel.length; k++) c.add(name + " importance > " + dev.tangent.spi.Display.str(rel[k]) + " x max", (double) cl[k], (double) cp[k]);
    }
    for (int l = 0; l < last; l++) {
      String pair = m.layers.get(l) + "->" + m.layers.get(l + 1);
      int[] el = Spectra.concentration(rs[0].edges[l], rs[0].bases[l].constFirst(), shares);
      int[] ep = Spectra.concentration(rs[1].edges[l], rs[1].bases[l].constFirst(), shares);
      for (int k = 0; k < shares.length; k++) c.add(pair + " edges for " + Math.round(shares[k] * 1000) / 10.0 + "%", (double) el[k], (double) ep[k]);
    }
    if (ablate) {
      int batch = base.batch();
      double acc = EdgeAblation.base(m, test, labels, batch);
      c.add("test accuracy", acc, acc);
      try (ProgressTask p = progress(a.ctx(), "lib.compare (node ablations)", -1, true)) {
        for (int l = 0; l < last; l++) {
          int nl = nodeThreshold(m, rs[0].bases[l], l, test, labels, acc, tol, batch, p);
          int np = nodeThreshold(m, rs[1].bases[l], l, test, labels, acc, tol, batch, p);
          c.add(m.layers.get(l) + " directions within " + dev.tangent.spi.Display.str(tol), (double) nl, (double) np);
        }
      }
      List<Integer> pairs = new ArrayList<>();
      for (int l = 0; l < last; l++) pairs.add(l);
      TMap el = edgeAblations(a.ctx(), m, rs[0], pairs, test, labels, tol, batch);
      TMap ep = edgeAblations(a.ctx(), m, rs[1], pairs, test, labels, tol, batch);
      for (Object k : el.entries.keySet()) {
        c.add(k + " edges within " + dev.tangent.spi.Display.str(tol), ((TMap) el.get(k)).get("edges"), ((TMap) ep.get(k)).get("edges"));
      }
    }
    return c;
  }

}
