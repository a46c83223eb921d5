package dev.tangent.core.tensor;

import dev.tangent.diag.TangentError;
import dev.tangent.runtime.Ints;
import dev.tangent.runtime.Nil;

/** sum/mean/max/min over all elements or one axis. */
final class Reductions {
  private Reductions() {}

  enum Kind { SUM, MEAN, MAX, MIN }

  static Object reduce(Tensor t, Object axisArg, Kind kind) {
    if (axisArg == null || axisArg == Nil.NIL) {
      if (t.size() == 0 && (kind == Kind.MAX || kind == Kind.MIN)) throw TangentError.runtime(kind.name().toLowerCase() + "() of an empty tensor");
      return all(t.data, 0, t.data.length, 1, kind);
    }
    int n = t.ndim();
    int axis = Ints.toInt(axisArg, "axis");
    if (axis < 0) axis += n;
    if (axis < 0 || axis >= n) throw TangentError.runtime("axis " + Ints.toInt(axisArg, "axis") + " out of range for a " + n + "-d tensor");
    int[] outShape = new int[n - 1];
    for (int i = 0, j = 0; i < n; i++) if (i != axis) outShape[j++] = t.shape[i];
    int outer = 1;
    for (int i = 0; i < axis; i++) outer *= t.shape[i];
    int inner = 1;
    for (int i = axis + 1; i < n; i++) inner *= t.shape[i];
    int len = t.shape[axis];
    double[] out = new double[outer * inner];
    for (int o = 0; o < outer; o++) {
      for (int in = 0; in < inner; in++) {
        out[o * inner + in] = all(t.data, o * len * inner + in, len, inner, kind);
      }
    }
    return new Tensor(outShape, out);
  }

  private static double all(double[] d, int start, int count, int stride, Kind kind) {
    double acc = kind == Kind.MAX ? Double.NEGATIVE_INFINITY : kind == Kind.MIN ? Double.POSITIVE_INFINITY : 0;
    for (int i = 0; i < count; i++) {
      double v = d[start + i * stride];
      switch (kind) {
        case SUM: case MEAN: acc += v; break;
        case MAX: acc = Math.max(acc, v); break;
        case MIN: acc = Math.min(acc, v); break;
      }
    }
    return kind == Kind.MEAN ? acc / count : acc;
  }
}
