package dev.tangent.core.tensor;

import dev.tangent.spi.TangentError;
import dev.tangent.spi.Ints;
import dev.tangent.spi.Nil;
import dev.tangent.spi.Slice;
import dev.tangent.spi.TList;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * numpy indexing: integers (negative from the end), slices with steps, nil as a new axis,
 * boolean masks and integer arrays (advanced indexing, broadcast together; their dimensions go
 * where they stand when adjacent, first otherwise). The result is the flat source offsets in
 * output order and the output shape, used by both reads and assignments.
 */
final class Indexer {
  private Indexer() {}

  record Selection(int[] offsets, int[] shape, boolean scalar) {}

  private enum Kind { INT, SLICE, NEWAXIS, ARRAY }

  private static final class Entry {
    Kind kind;
    int index;
    int[] positions;
    long[] values;
    int[] arrayShape;
  }

  static Selection select(Tensor t, Object[] subs) {
    int[] shape = t.shape;
    List<Entry> entries = new ArrayList<>();
    int consumed = 0;
    for (Object s : subs) {
      for (Entry e : entries(s, t, consumed)) {
        entries.add(e);
        if (e.kind != Kind.NEWAXIS) consumed++;
      }
    }
    if (consumed > shape.length) {
      throw TangentError.runtime("too many indices for a tensor of shape " + Tensor.shapeText(shape) + ": " + consumed);
    }
    boolean anyArray = entries.stream().anyMatch(e -> e.kind == Kind.ARRAY);
    boolean scalar = !anyArray && consumed == shape.length && entries.stream().allMatch(e -> e.kind == Kind.INT);
    while (consumed < shape.length) {
      Entry e = new Entry();
      e.kind = Kind.SLICE;
      entries.add(e);
      consumed++;
    }
    int[] strides = Tensor.strides(shape);
    // Resolve each entry against its source dimension.
    int dim = 0;
    int[] dims = new int[entries.size()];
    for (int k = 0; k < entries.size(); k++) {
      Entry e = entries.get(k);
      dims[k] = dim;
      if (e.kind == Kind.NEWAXIS) continue;
      int n = shape[dim];
      if (e.kind == Kind.SLICE && e.positions == null) e.positions = range(0, 1, n);
      if (e.kind == Kind.INT && anyArray) {
        e.kind = Kind.ARRAY;
        e.values = new long[] {e.index};
        e.arrayShape = new int[0];
      }
      if (e.kind == Kind.ARRAY) {
        for (int i = 0; i < e.values.length; i++) {
          long v = e.values[i];
          if (v < -n || v >= n) throw TangentError.runtime("index " + v + " is out of bounds for axis " + dim + " with size " + n);
          if (v < 0) e.values[i] = v + n;
        }
      }
      dim++;
    }
    // The advanced block: broadcast shape and offsets.
    int first = -1;
    int last = -1;
    int[] bshape = null;
    for (int k = 0; k < entries.size(); k++) {
      Entry e = entries.get(k);
      if (e.kind != Kind.ARRAY) continue;
      if (first < 0) first = k;
      last = k;
      bshape = bshape == null ? e.arrayShape : Broadcast.shape(bshape, e.arrayShape, "indexing arrays");
    }
    int[] advOffsets = null;
    if (bshape != null) {
      advOffsets = new int[Tensor.size(bshape)];
      for (int k = first; k <= last; k++) {
        Entry e = entries.get(k);
        if (e.kind != Kind.ARRAY) continue;
        int[] src = Broadcast.sourceOffsets(e.arrayShape, bshape);
        for (int i = 0; i < advOffsets.length; i++) advOffsets[i] += (int) e.values[src[i]] * strides[dims[k]];
      }
    }
    boolean adjacent = true;
    for (int k = first; k >= 0 && k <= last; k++) if (entries.get(k).kind != Kind.ARRAY) adjacent = false;
    // Output axes as factors of the cartesian sum of offsets.
    List<int[]> factors = new ArrayList<>();
    List<Integer> outShape = new ArrayList<>();
    int base = 0;
    boolean advPlaced = false;
    if (bshape != null && !adjacent) {
      factors.add(advOffsets);
      for (int d : bshape) outShape.add(d);
      advPlaced = true;
    }
    for (int k = 0; k < entries.size(); k++) {
      Entry e = entries.get(k);
      switch (e.kind) {
        case INT:
          base += e.index * strides[dims[k]];
          break;
        case NEWAXIS:
          factors.add(new int[] {0});
          outShape.add(1);
          break;
        case SLICE: {
          int[] offs = new int[e.positions.length];
          for (int i = 0; i < offs.length; i++) offs[i] = e.positions[i] * strides[dims[k]];
          factors.add(offs);
          outShape.add(offs.length);
          break;
        }
        default:
          if (!advPlaced) {
            factors.add(advOffsets);
            for (int d : bshape) outShape.add(d);
            advPlaced = true;
          }
      }
    }
    int[] offsets = {base};
    for (int[] f : factors) {
      int[] next = new int[offsets.length * f.length];
      int p = 0;
      for (int o : offsets) for (int v : f) next[p++] = o + v;
      offsets = next;
    }
    return new Selection(offsets, outShape.stream().mapToInt(Integer::intValue).toArray(), scalar);
  }

  private static List<Entry> entries(Object s, Tensor t, int dim) {
    List<Entry> out = new ArrayList<>();
    Entry e = new Entry();
    if (s == null || s == Nil.NIL) {
      e.kind = Kind.NEWAXIS;
      out.add(e);
      return out;
    }
    if (dim >= t.shape.length && !(s instanceof Tensor mask && mask.dtype == DType.BOOL && mask.ndim() == 0)) {
      throw TangentError.runtime("too many indices for a tensor of shape " + Tensor.shapeText(t.shape));
    }
    if (s instanceof Double) {
      e.kind = Kind.INT;
      e.index = Ints.index(s, t.shape[dim], "axis " + dim);
      out.add(e);
      return out;
    }
    if (s instanceof Slice sl) {
      Slice.Bounds b = sl.bounds(t.shape[dim]);
      e.kind = Kind.SLICE;
      e.positions = range(b.start(), b.step(), b.count());
      out.add(e);
      return out;
    }
    Tensor idx = s instanceof Tensor x ? x : (s instanceof TList || s instanceof Tuple) ? Tensor.from(s) : null;
    if (idx == null) {
      throw TangentError.runtime("a tensor index must be an integer, a slice, nil, a bool mask or an integer array, got " + Types.typeName(s));
    }
    if (idx.dtype == DType.BOOL) return mask(idx, t, dim);
    e.kind = Kind.ARRAY;
    e.values = integral(idx);
    e.arrayShape = idx.shape.clone();
    out.add(e);
    return out;
  }

  /** A k-d bool mask over dimensions dim..dim+k-1: one integer array per dimension (nonzero). */
  private static List<Entry> mask(Tensor m, Tensor t, int dim) {
    int k = m.ndim();
    if (dim + k > t.shape.length) {
      throw TangentError.runtime("boolean mask of shape " + Tensor.shapeText(m.shape) + " does not fit tensor of shape " + Tensor.shapeText(t.shape));
    }
    for (int i = 0; i < k; i++) {
      if (m.shape[i] != t.shape[dim + i]) {
        throw TangentError.runtime("boolean mask of shape " + Tensor.shapeText(m.shape) + " does not match tensor of shape "
            + Tensor.shapeText(t.shape) + " at axis " + (dim + i));
      }
    }
    boolean[] bits = m.storage.toBools();
    int count = 0;
    for (boolean b : bits) if (b) count++;
    int[] strides = Tensor.strides(m.shape);
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      Entry e = new Entry();
      e.kind = Kind.ARRAY;
      e.values = new long[count];
      e.arrayShape = new int[] {count};
      out.add(e);
    }
    int p = 0;
    for (int flat = 0; flat < bits.length; flat++) {
      if (!bits[flat]) continue;
      int rem = flat;
      for (int i = 0; i < k; i++) {
        out.get(i).values[p] = rem / strides[i];
        rem %= strides[i];
      }
      p++;
    }
    return out;
  }

  private static long[] integral(Tensor idx) {
    if (idx.dtype == DType.I64) return idx.storage.toLongs();
    double[] d = idx.storage.toDoubles();
    long[] out = new long[d.length];
    for (int i = 0; i < d.length; i++) {
      if (d[i] != Math.rint(d[i])) throw TangentError.runtime("index arrays must hold integers, got " + Tensor.num(d[i]));
      out[i] = (long) d[i];
    }
    return out;
  }

  private static int[] range(int start, int step, int count) {
    int[] r = new int[count];
    for (int i = 0; i < count; i++) r[i] = start + i * step;
    return r;
  }
}
