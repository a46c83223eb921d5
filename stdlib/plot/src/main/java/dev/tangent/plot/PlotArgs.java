package dev.tangent.plot;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Args;
import dev.tangent.spi.Iteration;
import dev.tangent.spi.Range;
import dev.tangent.spi.TList;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.util.Iterator;

/** Argument conversions shared by the plot functions, with messages that name the function. */
final class PlotArgs {
  private PlotArgs() {}

  /** Numbers from a 1-D tensor, a list or a range. */
  static double[] vector(String fn, Object v, String what) {
    if (v instanceof Tensor t) {
      if (t.shape().length != 1) throw TangentError.runtime(fn + "(): " + what + " must be 1-D, got shape " + PlotArgs.shapeText(t.shape()));
      return t.toDoubleArray();
    }
    if (v instanceof TList || v instanceof Tuple || v instanceof Range) {
      java.util.List<Double> out = new java.util.ArrayList<>();
      Iterator<Object> it = Iteration.iterator(v);
      while (it.hasNext()) {
        Object x = it.next();
        if (!(x instanceof Double d)) throw TangentError.runtime(fn + "(): " + what + " must hold numbers, found a " + Types.typeName(x));
        out.add(d);
      }
      double[] r = new double[out.size()];
      for (int i = 0; i < r.length; i++) r[i] = out.get(i);
      return r;
    }
    throw TangentError.runtime(fn + "(): " + what + " must be a Tensor or a List of numbers, got " + Types.typeName(v));
  }

  /** A Tensor, or a value that stands for one (a Deformation is its displacement in voxels). */
  static Tensor tensor(String fn, Object v, String what) {
    if (v instanceof Tensor t) return t;
    if (v instanceof dev.tangent.core.tensor.TensorConvertible c) return c.toTensor();
    throw TangentError.runtime(fn + "(): " + what + " must be a Tensor, got " + Types.typeName(v));
  }

  /** A [2, H, W] displacement field. */
  static Tensor field(String fn, Object v) {
    Tensor t = tensor(fn, v, "the field");
    int[] s = t.shape();
    if (s.length != 3 || s[0] != 2 || s[1] < 2 || s[2] < 2) {
      throw TangentError.runtime(fn + "(): the field must have shape [2, H, W] (channel 0 along rows, 1 along columns), got "
          + PlotArgs.shapeText(s));
    }
    return t;
  }

  static int size(Args a, int i, int dflt, String what) {
    int v = a.integer(i, dflt);
    if (v < 100 || v > 8000) throw TangentError.runtime(a.fn().name() + "(): " + what + " must be between 100 and 8000 pixels, got " + v);
    return v;
  }

  static Colormap cmap(String fn, String name) {
    Colormap c = Colormap.named(name);
    if (c == null) throw TangentError.runtime(fn + "(): unknown colour map '" + name + "' (use " + Colormap.NAMES + ")");
    return c;
  }

  static double[] finiteRange(double[] v) {
    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      if (Double.isFinite(x)) {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
    }
    if (lo > hi) return new double[] {0, 1};
    return new double[] {lo, hi};
  }

  /** "[2, 3]"-style text of a shape, for messages. */
  static String shapeText(int[] shape) {
    return java.util.Arrays.toString(shape);
  }
}
