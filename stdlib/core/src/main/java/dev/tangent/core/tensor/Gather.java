package dev.tangent.core.tensor;

/** Copies elements by flat offset: the kernel behind indexing, broadcasting and permutes. */
final class Gather {
  private Gather() {}

  /** out[k] = src[offsets[k]], same dtype, placed on the back-end when asked. */
  static Storage take(Storage src, int[] offsets, boolean onBackend) {
    HeapStorage out = HeapStorage.allocate(src.dtype(), offsets.length);
    Object in = src.heapArray();
    if (in == null) in = HeapStorageCopy.of(src).heapArray();
    Object o = out.heapArray();
    switch (src.dtype()) {
      case F64: { double[] a = (double[]) in; double[] b = (double[]) o; for (int k = 0; k < b.length; k++) b[k] = a[offsets[k]]; break; }
      case F32: { float[] a = (float[]) in; float[] b = (float[]) o; for (int k = 0; k < b.length; k++) b[k] = a[offsets[k]]; break; }
      case I64: { long[] a = (long[]) in; long[] b = (long[]) o; for (int k = 0; k < b.length; k++) b[k] = a[offsets[k]]; break; }
      default: { boolean[] a = (boolean[]) in; boolean[] b = (boolean[]) o; for (int k = 0; k < b.length; k++) b[k] = a[offsets[k]]; }
    }
    return Placement.place(out, onBackend);
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

  /** A heap copy of any storage, in its own dtype. */
  static final class HeapStorageCopy {
    private HeapStorageCopy() {}

    static HeapStorage of(Storage s) {
      if (s instanceof HeapStorage h) return h;
      HeapStorage h = HeapStorage.allocate(s.dtype(), s.size());
      Placement.copyInto(s, h);
      return h;
    }
  }
}
