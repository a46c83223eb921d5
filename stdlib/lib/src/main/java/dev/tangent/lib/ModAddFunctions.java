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

/** lib.fourier_labels, lib.modadd_pairs and lib.random_split. */
final class ModAddFunctions {
  private ModAddFunctions() {}

  static Object fourierLabels(Args a) {
    String fn = "lib.fourier_labels";
    LibResult r = AblationFunctions.resultArg(a, 0);
    int l = r.index(a.get(1), fn);
    int p = count(a, "p", 113, 2);
    int top = count(a, "top", 16, 1);
    LibModel m = r.model();
    Object mv = a.get("model");
    if (mv != null && mv != Nil.NIL) m = model(a.ctx(), mv, r.layers, new int[] {3}, r.options.lastPos());
    if (m == null) throw TangentError.runtime(fn + "(): this result was loaded from a file; pass model: to run the network");
    r.withModel(m);
    if (!m.kind.equals("transformer") || m.inputShape()[0] != 3) {
      throw TangentError.runtime(fn + "(): labels need the modular-addition transformer (inputs (a, b, =))");
    }
    if ((long) p * p > 50_000_000L) throw TangentError.runtime(fn + "(): p = " + p + " is too large");
    long[] tok = ModAdd.tokens(p);
    double[] in = new double[tok.length];
    for (int i = 0; i < tok.length; i++) in[i] = tok[i];
    LayerBasis b = r.basis(l, fn);
    int n = p * p;
    int pos = m.positions(l);
    int d = m.width(l);
    int rw = b.width();
    int k = Math.min(top, rw);
    double[] grid = new double[k * n];
    int batch = 2048;
    for (int from = 0; from < n; from += batch) {
      int nb = Math.min(batch, n - from);
      double[] x = m.prefix.apply(java.util.Arrays.copyOfRange(in, from * 3, (from + nb) * 3), nb);
      for (int i = 0; i < l; i++) {
        double[] y = new double[nb * m.size(i + 1)];
        m.sections.get(i).forward(x, nb, y);
        x = y;
      }
      double[] f = new double[nb * pos * rw];
      Blas.gemm(false, false, nb * pos, rw, d, 1, Blas.Ref.of(x), d, Blas.Ref.of(b.c().a), rw, 0, Blas.Ref.of(f), rw);
      for (int s = 0; s < nb; s++) for (int q = 0; q < pos; q++) for (int j = 0; j < k; j++) grid[j * n + from + s] += f[(s * pos + q) * rw + j];
      a.ctx().checkInterrupt();
    }
    TList out = new TList();
    for (int j = 0; j < k; j++) {
      FourierLabels.Label lb = FourierLabels.label(j, java.util.Arrays.copyOfRange(grid, j * n, (j + 1) * n), p);
      TMap e = new TMap();
      e.put("feature", (double) j);
      e.put("frequency", (double) lb.frequency());
      e.put("share", lb.share());
      e.put("const", lb.constant());
      e.put("label", lb.text());
      out.items.add(e);
    }
    return out;
  }

  static Object modaddPairs(Args a) {
    int p = count(a, "p", 113, 1);
    if ((long) p * p * 3 > Integer.MAX_VALUE / 2) throw TangentError.runtime("lib.modadd_pairs(): p = " + p + " is too large");
    return new Tuple(Tensor.ofLongs(new int[] {p * p, 3}, ModAdd.tokens(p)), Tensor.ofLongs(new int[] {p * p}, ModAdd.labels(p)));
  }

  static Object randomSplit(Args a) {
    String fn = "lib.random_split";
    int n = count(a, "n", 0, 0);
    double[] s = doubles(a.get(1), null, fn, "sizes");
    if (s == null || s.length == 0) throw TangentError.runtime(fn + "(): sizes must be a non-empty list");
    long seed = (long) num(a, "seed", 0);
    int[] sizes = new int[s.length];
    double sum = 0;
    for (double v : s) sum += v;
    boolean fractions = Math.abs(sum - 1) < 1e-9 && n != 1;
    if (fractions) {
      // torch: floor(n · f) each, the remainder one at a time to the first lengths.
      int total = 0;
      for (int i = 0; i < s.length; i++) {
        if (!(s[i] >= 0 && s[i] <= 1)) throw TangentError.runtime(fn + "(): fractions must be between 0 and 1, got " + s[i]);
        sizes[i] = (int) Math.floor(n * s[i]);
        total += sizes[i];
      }
      for (int i = 0; total < n; i = (i + 1) % s.length, total++) sizes[i]++;
    } else {
      long total = 0;
      for (int i = 0; i < s.length; i++) {
        if (s[i] != Math.rint(s[i]) || s[i] < 0) throw TangentError.runtime(fn + "(): sizes must be counts >= 0 or fractions summing to 1, got " + s[i]);
        sizes[i] = (int) s[i];
        total += sizes[i];
      }
      if (total != n) throw TangentError.runtime(fn + "(): sizes add up to " + total + ", not n = " + n);
    }
    if ((long) n >= 0xffffffffL / 20) throw TangentError.runtime(fn + "(): n = " + n + " is too large");
    int[][] parts = ModAdd.randomSplit(n, sizes, seed);
    TList out = new TList();
    for (int[] part : parts) {
      long[] v = new long[part.length];
      for (int i = 0; i < v.length; i++) v[i] = part[i];
      out.items.add(Tensor.ofLongs(new int[] {v.length}, v));
    }
    return out;
  }
}
