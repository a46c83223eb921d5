package dev.tangent.core.tensor;

import dev.tangent.spi.TangentError;
import dev.tangent.spi.Ints;
import dev.tangent.spi.Nil;
import dev.tangent.spi.TList;
import dev.tangent.spi.Tuple;
import java.util.List;

/**
 * sum, mean, max, min, argmax, argmin, var, std and norm over all elements or some axes, with
 * keepdims. Reducing everything without keepdims gives a plain number (a Bool for max/min of a
 * bool tensor). Sums accumulate in double (in long for integers), as numpy's pairwise sums do
 * at least as well as f32 accumulation.
 */
final class Reductions {
  private Reductions() {}

  enum Kind { SUM, MEAN, MAX, MIN, ARGMAX, ARGMIN, VAR, STD, NORM, PROD }

  static Object reduce(Tensor t, Object axisArg, boolean keepdims, Kind kind, double ddof) {
    String fn = kind.name().toLowerCase();
    int n = t.ndim();
    boolean[] reduced = new boolean[n];
    boolean all = axisArg == null || axisArg == Nil.NIL;
    if (all) {
      java.util.Arrays.fill(reduced, true);
    } else {
      List<Object> axes = axisArg instanceof TList l ? l.items : axisArg instanceof Tuple tu ? tu.list() : List.of(axisArg);
      if ((kind == Kind.ARGMAX || kind == Kind.ARGMIN) && axes.size() != 1) {
        throw TangentError.runtime(fn + "(): axis must be a single integer");
      }
      for (Object a : axes) {
        int ax = ShapeOps.axis(Ints.toInt(a, fn + "(): axis"), n, fn);
        if (reduced[ax]) throw TangentError.runtime(fn + "(): axis " + ax + " repeated");
        reduced[ax] = true;
      }
    }
    int[] keptShape = java.util.stream.IntStream.range(0, n).filter(d -> !reduced[d]).map(d -> t.shape[d]).toArray();
    int groups = Tensor.size(keptShape);
    int len = groups == 0 ? 0 : t.size() / Math.max(groups, 1);
    if (t.size() == 0 && groups > 0) len = 0;
    if (len == 0 && kind != Kind.SUM && kind != Kind.PROD && kind != Kind.NORM && groups > 0) {
      throw TangentError.runtime(fn + "() of an empty tensor (shape " + Tensor.shapeText(t.shape) + ")");
    }
    if ((kind == Kind.ARGMAX || kind == Kind.ARGMIN) && all && n > 1) {
      // numpy: the index into the flattened tensor.
      return reduce(t.reshape(t.size()), null, keepdims, kind, ddof);
    }
    DType out = outType(t.dtype, kind);
    if (all && !keepdims && t.dtype.isFloat() && t.size() >= Chunks.PARALLEL_MIN
        && (kind == Kind.SUM || kind == Kind.MEAN || kind == Kind.MAX || kind == Kind.MIN)) {
      return parallelAll(t, kind);
    }
    HeapStorage res = HeapStorage.allocate(out, groups);
    int[] offsets = groupedOffsets(t.shape, reduced);
    if (out == DType.I64 && (kind == Kind.SUM || kind == Kind.MAX || kind == Kind.MIN || kind == Kind.PROD)) {
      long[] v = offsets == null ? t.storage.toLongs() : Gather.take(t.storage, offsets, false).toLongs();
      for (int g = 0; g < groups; g++) res.setLong(g, longs(v, g * len, len, kind));
    } else {
      double[] v = offsets == null ? t.storage.toDoubles() : Gather.take(t.storage, offsets, false).toDoubles();
      for (int g = 0; g < groups; g++) res.setDouble(g, doubles(v, g * len, len, kind, ddof));
    }
    int[] shape = keptShape;
    if (keepdims) {
      shape = new int[n];
      for (int d = 0; d < n; d++) shape[d] = reduced[d] ? 1 : t.shape[d];
    }
    if (shape.length == 0) {
      if (out == DType.BOOL) return res.getDouble(0) != 0;
      if (out == DType.I64) return (double) res.getLong(0);
      return res.getDouble(0);
    }
    return new Tensor(shape, Placement.place(res, Placement.wantBackend(res.size(), t)));
  }

  /** sum/mean/max/min of every element of a large float tensor: chunk partials in parallel, no copy. */
  private static double parallelAll(Tensor t, Kind kind) {
    int n = t.size();
    int chunks = (n + Chunks.CHUNK - 1) / Chunks.CHUNK;
    double[] partial = new double[chunks];
    Storage s = t.storage;
    Chunks.run(n, (from, len, sc) -> {
      double[] v = Chunks.doubles(s, from, len, sc.d[0]);
      int o = Chunks.offset(s, v, from);
      partial[from / Chunks.CHUNK] = doubles(v, o, len, kind == Kind.MEAN ? Kind.SUM : kind, 0);
    });
    double acc = partial[0];
    for (int c = 1; c < chunks; c++) {
      double p = partial[c];
      if (kind == Kind.SUM || kind == Kind.MEAN) acc += p;
      else if (p != p || acc != acc) acc = Double.NaN;
      else acc = kind == Kind.MAX ? Math.max(acc, p) : Math.min(acc, p);
    }
    return kind == Kind.MEAN ? acc / n : acc;
  }

  static DType outType(DType in, Kind kind) {
    switch (kind) {
      case SUM: case PROD: return in.isFloat() ? in : DType.I64;
      case MAX: case MIN: return in;
      case ARGMAX: case ARGMIN: return DType.I64;
      default: return in == DType.F32 ? DType.F32 : DType.F64;
    }
  }

  /** Offsets that put every group's reduced elements next to each other, or null if they already are. */
  private static int[] groupedOffsets(int[] shape, boolean[] reduced) {
    int n = shape.length;
    boolean trailing = true;
    boolean seenReduced = false;
    for (int d = 0; d < n; d++) {
      if (reduced[d]) seenReduced = true;
      else if (seenReduced) trailing = false;
    }
    if (trailing) return null;
    int[] perm = new int[n];
    int p = 0;
    for (int d = 0; d < n; d++) if (!reduced[d]) perm[p++] = d;
    for (int d = 0; d < n; d++) if (reduced[d]) perm[p++] = d;
    int[] strides = Tensor.strides(shape);
    int[] s = new int[n];
    int[] st = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = shape[perm[i]];
      st[i] = strides[perm[i]];
    }
    return ShapeOps.strided(s, st);
  }

  private static long longs(long[] v, int from, int len, Kind kind) {
    long acc = kind == Kind.MAX ? Long.MIN_VALUE : kind == Kind.MIN ? Long.MAX_VALUE : kind == Kind.PROD ? 1 : 0;
    for (int i = from; i < from + len; i++) {
      switch (kind) {
        case SUM: acc += v[i]; break;
        case PROD: acc *= v[i]; break;
        case MAX: acc = Math.max(acc, v[i]); break;
        default: acc = Math.min(acc, v[i]);
      }
    }
    return acc;
  }

  private static double doubles(double[] v, int from, int len, Kind kind, double ddof) {
    int end = from + len;
    switch (kind) {
      case SUM: case MEAN: {
        double s = 0;
        for (int i = from; i < end; i++) s += v[i];
        return kind == Kind.SUM ? s : s / len;
      }
      case PROD: {
        double s = 1;
        for (int i = from; i < end; i++) s *= v[i];
        return s;
      }
      case MAX: case MIN: {
        double best = v[from];
        for (int i = from; i < end; i++) {
          double x = v[i];
          if (x != x) return x;
          best = kind == Kind.MAX ? Math.max(best, x) : Math.min(best, x);
        }
        return best;
      }
      case ARGMAX: case ARGMIN: {
        int best = from;
        for (int i = from; i < end; i++) {
          if (v[i] != v[i]) return i - from;
          if (kind == Kind.ARGMAX ? v[i] > v[best] : v[i] < v[best]) best = i;
        }
        return best - from;
      }
      case NORM: {
        double scale = 0;
        for (int i = from; i < end; i++) scale = Math.max(scale, Math.abs(v[i]));
        if (scale == 0 || Double.isInfinite(scale)) return scale;
        double s = 0;
        for (int i = from; i < end; i++) {
          double x = v[i] / scale;
          s += x * x;
        }
        return scale * Math.sqrt(s);
      }
      default: {
        if (len - ddof <= 0) throw TangentError.runtime(kind.name().toLowerCase() + "(): ddof " + Tensor.num(ddof) + " leaves no degrees of freedom for " + len + " elements");
        double m = 0;
        for (int i = from; i < end; i++) m += v[i];
        m /= len;
        double s = 0;
        for (int i = from; i < end; i++) s += (v[i] - m) * (v[i] - m);
        double var = s / (len - ddof);
        return kind == Kind.VAR ? var : Math.sqrt(var);
      }
    }
  }
}
