package dev.tangent.core.tensor;

/** Copies elements by flat offset: the kernel behind indexing, broadcasting and permutes. */
final class Gather {
  private Gather() {}

  /** out[k] = src[offsets[k]], same dtype, placed on the back-end when asked. */
  static Storage take(Storage src, int[] offsets, boolean onBackend) {
    HeapStorage out = HeapStorage.allocate(src.dtype(), offsets.length);
    Object in = src.heapArray();
    Object o = out.heapArray();
    if (in == null) {
      // Off the heap (ND4J): read what is picked, in runs, never the whole source (u[t] in a
      // loop over the rows of a large tensor would otherwise copy all of it at every step).
      readRuns(src, offsets, o);
      return Placement.place(out, onBackend);
    }
    switch (src.dtype()) {
      case F64: { double[] a = (double[]) in; double[] b = (double[]) o; for (int k = 0; k < b.length; k++) b[k] = a[offsets[k]]; break; }
      case F32: { float[] a = (float[]) in; float[] b = (float[]) o; for (int k = 0; k < b.length; k++) b[k] = a[offsets[k]]; break; }
      case I64: { long[] a = (long[]) in; long[] b = (long[]) o; for (int k = 0; k < b.length; k++) b[k] = a[offsets[k]]; break; }
      default: { boolean[] a = (boolean[]) in; boolean[] b = (boolean[]) o; for (int k = 0; k < b.length; k++) b[k] = a[offsets[k]]; }
    }
    return Placement.place(out, onBackend);
  }

  /** o[k] = src[offsets[k]], with one bulk read per run of consecutive offsets. */
  private static void readRuns(Storage src, int[] offsets, Object o) {
    for (int k = 0; k < offsets.length; ) {
      int run = 1;
      while (k + run < offsets.length && offsets[k + run] == offsets[k] + run) run++;
      if (o instanceof double[] d) src.read(offsets[k], d, k, run);
      else if (o instanceof float[] f) src.read(offsets[k], f, k, run);
      else if (o instanceof long[] l) src.read(offsets[k], l, k, run);
      else for (int i = 0; i < run; i++) ((boolean[]) o)[k + i] = src.getDouble(offsets[k] + i) != 0;
      k += run;
    }
  }

  /** dst[offsets[k]] = values[k], converting to dst's dtype. */
  static void put(Storage dst, int[] offsets, Storage values) {
    if (dst.dtype() == DType.I64) {
      long[] v = values.toLongs();
      for (int k = 0; k < offsets.length; k++) dst.setLong(offsets[k], v[k]);
    } else {
      double[] v = values.toDoubles();
      for (int k = 0; k < offsets.length; k++) dst.setDouble(offsets[k], v[k]);
    }
  }

  /** dst[offsets[k]] = value. */
  static void fill(Storage dst, int[] offsets, double value) {
    for (int off : offsets) dst.setDouble(off, value);
  }
}
