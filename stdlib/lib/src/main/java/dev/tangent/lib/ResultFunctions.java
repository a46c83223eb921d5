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

/** The members of LibResult and LibComparison. */
final class ResultFunctions {
  private ResultFunctions() {}

  static LibResult result(Args a) { return (LibResult) a.get(0); }

  static dev.tangent.lib.analysis.Comparison comparison(Args a) { return (dev.tangent.lib.analysis.Comparison) a.get(0); }

  static Object layers(Args a) { return new TList(result(a).layers); }

  static Object basisName(Args a) { return result(a).options.kind().text; }

  static Object complete(Args a) { return result(a).complete(); }

  static Object samples(Args a) { return (double) result(a).samples; }

  static Object timings(Args a) {
    TMap m = new TMap();
    result(a).timings.forEach(m::put);
    return m;
  }

  static Object matrix(Args a, String which) {
    LibResult r = result(a);
    String fn = which;
    LayerBasis b = r.basis(r.index(a.get(1), fn), fn);
    switch (which) {
      case "C": return tensor(b.c());
      case "Cinv": return tensor(b.cInv());
      default: return b.w() == null ? Nil.NIL : tensor(b.w());
    }
  }

  static Object lambdas(Args a) {
    LibResult r = result(a);
    LayerBasis b = r.basis(r.index(a.get(1), "lambdas"), "lambdas");
    return b.lambdas() == null ? Nil.NIL : tensor(b.lambdas());
  }

  static Object gramValues(Args a) {
    LibResult r = result(a);
    LayerBasis b = r.basis(r.index(a.get(1), "gram_values"), "gram_values");
    return b.gramValues() == null ? Nil.NIL : tensor(b.gramValues());
  }

  static Object mean(Args a) {
    LibResult r = result(a);
    int l = r.index(a.get(1), "mean");
    if (r.moments[l] == null) return Nil.NIL;
    return tensor(r.moments[l].mean());
  }

  static Object dims(Args a) {
    LibResult r = result(a);
    TMap m = new TMap();
    for (int l = 0; l < r.layers.size(); l++) m.put(r.layers.get(l), r.bases[l] == null ? Nil.NIL : (Object) (double) r.bases[l].width());
    return m;
  }

  static Object edges(Args a) {
    LibResult r = result(a);
    return tensor(r.edges(r.index(a.get(1), "edges"), "edges"));
  }

  static Object features(Args a) {
    String fn = "features";
    LibResult r = result(a);
    int l = r.index(a.get(1), fn);
    LayerBasis b = r.basis(l, fn);
    Tensor x = tensor(a.get(2), fn, "x");
    int[] s = x.shape();
    int d = r.widths[l];
    int p = r.positions[l];
    int n = s.length == 0 ? 0 : s[0];
    int per = n == 0 ? 0 : x.size() / n;
    double[] acts;
    if (per == p * d || per == p * (d - 1) && r.hasConst[l]) {
      double[] v = x.toDoubleArray();
      if (per == p * d) {
        acts = v;
      } else {
        acts = new double[n * p * d];
        for (int i = 0; i < n * p; i++) {
          System.arraycopy(v, i * (d - 1), acts, i * d, d - 1);
          acts[i * d + d - 1] = 1;
        }
      }
    } else if (r.model() != null) {
      Inputs in = new Inputs(x, fn, "x");
      int want = r.model().prefix.inputSize();
      if (in.sampleSize != want) {
        throw TangentError.runtime(fn + "(): x must hold activations of '" + r.layers.get(l) + "' ([n, " + (p > 1 ? p + ", " : "") + d
            + "] or without the trailing 1) or the model's inputs (" + want + " values per sample, as " + java.util.Arrays.toString(r.inputShape)
            + "), got shape " + Tensor.shapeText(s));
      }
      acts = NodeAblation.activations(r.model(), in.rows(0, in.count), in.count, l);
    } else {
      throw TangentError.runtime(fn + "(): x must hold activations of '" + r.layers.get(l) + "' ([n, " + (p > 1 ? p + ", " : "") + d
          + "] or without the trailing 1), got shape " + Tensor.shapeText(s) + " (a loaded result has no model to run)");
    }
    int rows = n * p;
    double[] f = new double[rows * b.width()];
    Blas.gemm(false, false, rows, b.width(), d, 1, Blas.Ref.of(acts), d, Blas.Ref.of(b.c().a), b.width(), 0, Blas.Ref.of(f), b.width());
    return Tensor.ofDoubles(p > 1 ? new int[] {n, p, b.width()} : new int[] {n, b.width()}, f);
  }

  static Object spectrumCounts(Args a) {
    LibResult r = result(a);
    double[] rel = doubles(a.get(1), REL, "spectrum_counts", "rel");
    TMap out = new TMap();
    for (int l = 0; l < r.layers.size(); l++) {
      if (r.bases[l] == null) continue;
      double[] imp = Spectra.importances(r.bases[l]);
      if (imp == null) continue;
      out.put(r.layers.get(l), list(Spectra.counts(imp, rel)));
    }
    return out;
  }

  static Object edgeConcentration(Args a) {
    LibResult r = result(a);
    double[] shares = doubles(a.get(1), SHARES, "edge_concentration", "shares");
    for (double s : shares) if (!(s > 0 && s <= 1)) throw TangentError.runtime("edge_concentration(): shares must be in (0, 1], got " + s);
    TMap out = new TMap();
    for (int l = 0; l + 1 < r.layers.size(); l++) {
      Mat e = r.edges(l, "edge_concentration");
      out.put(r.layers.get(l) + "->" + r.layers.get(l + 1), list(Spectra.concentration(e, r.bases[l].constFirst(), shares)));
    }
    return out;
  }

  static Object optionsMap(Args a) {
    return LibFiles.options(result(a).options);
  }

}
