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

/** Argument checks and conversions shared by lib's built-ins, and the guard that keeps Java exceptions out of scripts. */
final class LibArgs {
  private LibArgs() {}

  /** Runs a built-in so that no Java exception escapes as a stack trace. */
  static Object guard(String name, Supplier<Object> body) {
    try {
      return body.get();
    } catch (TangentError e) {
      throw e;
    } catch (OutOfMemoryError e) {
      throw TangentError.runtime(name + "(): out of memory (" + e.getMessage() + "); use a smaller batch: or fewer samples");
    } catch (RuntimeException e) {
      throw dev.tangent.nn.engine.Errors.translate(name, e);
    }
  }


  static Inputs inputs(Object data, String fn, String what) {
    Object x = data;
    if (x instanceof Tuple t && t.size() >= 1) x = t.get(0);
    else if (x instanceof TList l && l.size() == 2 && !(l.get(0) instanceof Double)) x = l.get(0);
    Tensor t = tensor(x, fn, what);
    return new Inputs(t, fn, what);
  }

  static Tensor tensor(Object x, String fn, String what) {
    if (x instanceof Tensor t) return t;
    if (x instanceof dev.tangent.nn.value.DTensor d) return d.toTensor();
    throw TangentError.runtime(fn + "(): " + what + " must be a tensor of samples (or a tuple (inputs, labels)), got " + Types.typeName(x));
  }

  static long[] labels(Object data, int n, String fn) {
    Object y = null;
    if (data instanceof Tuple t && t.size() >= 2) y = t.get(1);
    else if (data instanceof TList l && l.size() == 2) y = l.get(1);
    if (y == null) throw TangentError.runtime(fn + "(): test data must be (inputs, labels)");
    Tensor t = tensor(y, fn, "labels");
    if (t.size() != n) throw TangentError.runtime(fn + "(): " + n + " inputs but " + t.size() + " labels");
    double[] v = t.toDoubleArray();
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      if (v[i] != Math.rint(v[i]) || v[i] < 0) throw TangentError.runtime(fn + "(): labels must be class indices >= 0, got " + v[i]);
      out[i] = (long) v[i];
    }
    return out;
  }

  static List<String> names(Object v, String fn) {
    if (v == null || v == Nil.NIL) return null;
    if (!(v instanceof TList l)) throw TangentError.runtime(fn + "(): node_layers must be a list of names, got " + Types.typeName(v));
    List<String> out = new ArrayList<>();
    for (Object o : l.items) {
      if (!(o instanceof String s)) throw TangentError.runtime(fn + "(): node_layers must be names, got " + Types.typeName(o));
      out.add(s);
    }
    return out;
  }

  static boolean bool(Args a, String name, boolean dflt) {
    Object v = a.get(name);
    if (v == null || v == Nil.NIL) return dflt;
    if (v instanceof Boolean b) return b;
    throw TangentError.runtime(a.fn().name() + "(): " + name + " must be true or false, got " + Types.typeName(v));
  }

  static double num(Args a, String name, double dflt) {
    Object v = a.get(name);
    if (v == null || v == Nil.NIL) return dflt;
    if (v instanceof Double d) return d;
    throw TangentError.runtime(a.fn().name() + "(): " + name + " must be a number, got " + Types.typeName(v));
  }

  static int count(Args a, String name, int dflt, int min) {
    double v = num(a, name, dflt);
    if (v != Math.rint(v) || v < min || v > Integer.MAX_VALUE) {
      throw TangentError.runtime(a.fn().name() + "(): " + name + " must be a whole number >= " + min + ", got " + dev.tangent.spi.Display.str(v));
    }
    return (int) v;
  }

  static String str(Args a, String name, String dflt) {
    Object v = a.get(name);
    if (v == null || v == Nil.NIL) return dflt;
    if (v instanceof String s) return s;
    throw TangentError.runtime(a.fn().name() + "(): " + name + " must be a string, got " + Types.typeName(v));
  }

  static int defaultThreads() { return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())); }

  /** The build settings from the keywords every build-like function shares. */
  static Options options(Args a) {
    String fn = a.fn().name();
    String dtype = str(a, "dtype", "f64");
    if (!dtype.equals("f64")) throw TangentError.runtime(fn + "(): dtype must be \"f64\" (LIB's Gram, M′ and eigendecompositions need it), got \"" + dtype + "\"");
    BasisKind kind = BasisKind.of(str(a, "basis", "jacobian"));
    Object c = a.get("center");
    boolean center = c == null || c == Nil.NIL ? kind != BasisKind.NEURON : bool(a, "center", true);
    Object lp = a.get("last_pos");
    boolean lastPos;
    if (lp instanceof String s) {
      if (!s.equals("add_resid1")) throw TangentError.runtime(fn + "(): last_pos must be true, false or \"add_resid1\", got \"" + s + "\"");
      lastPos = true;
    } else {
      lastPos = bool(a, "last_pos", false);
    }
    return new Options(kind, center, Integration.of(str(a, "integration", "gradient"), count(a, "n_intervals", 0, 0)),
        num(a, "threshold", 1e-15), bool(a, "rotate_final", false), count(a, "batch", 1000, 1),
        count(a, "threads", defaultThreads(), 1), bool(a, "edges", true), lastPos);
  }

  static LibModel model(Context ctx, Object model, List<String> layers, int[] sampleShape, boolean lastPos) {
    return dev.tangent.lib.torch.NnModels.of(ctx, model, layers, sampleShape, lastPos);
  }

  /** Autograd sections run on the calling thread (libtorch threads itself). */
  static Options forModel(Options o, LibModel m) {
    for (Section s : m.sections) if (!analytic(s)) return o.withThreads(1);
    return o;
  }

  static boolean analytic(Section s) {
    if (s instanceof dev.tangent.lib.section.ComposedSection c) {
      for (Section p : c.parts()) if (!analytic(p)) return false;
      return true;
    }
    return s instanceof dev.tangent.lib.section.GatedLinearSection || s instanceof dev.tangent.lib.section.AttentionSection;
  }

  /** A progress bar, or with on false a silent task that still polls Ctrl-C at every step. */
  static ProgressTask progress(Context ctx, String desc, long total, boolean on) {
    return on ? Progress.start(ctx, desc, total) : Progress.startNow(ctx, desc, total, Progress.Mode.OFF);
  }

  static Tensor tensor(Mat m) { return Tensor.ofDoubles(new int[] {m.rows, m.cols}, m.a.clone()); }

  static Tensor tensor(double[] v) { return Tensor.ofDoubles(new int[] {v.length}, v.clone()); }

  static double[] doubles(Object v, double[] dflt, String fn, String what) {
    if (v == null || v == Nil.NIL) return dflt;
    if (!(v instanceof TList l)) throw TangentError.runtime(fn + "(): " + what + " must be a list of numbers, got " + Types.typeName(v));
    double[] out = new double[l.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(l.get(i) instanceof Double d)) throw TangentError.runtime(fn + "(): " + what + " must be a list of numbers");
      out[i] = d;
    }
    return out;
  }

  static TList list(int[] v) {
    TList l = new TList();
    for (int x : v) l.items.add((double) x);
    return l;
  }

  static final double[] REL = {1e-2, 1e-4, 1e-6};
  static final double[] SHARES = {0.5, 0.9, 0.99};


}
