package dev.tangent.core.tensor;

/** Elements in a Java array: double[] (f64), float[] (f32), long[] (i64) or boolean[] (bool). */
public final class HeapStorage extends Storage {
  private final DType dtype;
  private final Object array;
  private final int size;

  private HeapStorage(DType dtype, Object array, int size) {
    this.dtype = dtype;
    this.array = array;
    this.size = size;
  }

  public static HeapStorage of(double[] d) { return new HeapStorage(DType.F64, d, d.length); }
  public static HeapStorage of(float[] d) { return new HeapStorage(DType.F32, d, d.length); }
  public static HeapStorage of(long[] d) { return new HeapStorage(DType.I64, d, d.length); }
  public static HeapStorage of(boolean[] d) { return new HeapStorage(DType.BOOL, d, d.length); }

  public static HeapStorage allocate(DType t, int n) {
    switch (t) {
      case F64: return of(new double[n]);
      case F32: return of(new float[n]);
      case I64: return of(new long[n]);
      default: return of(new boolean[n]);
    }
  }

  @Override public DType dtype() { return dtype; }
  @Override public int size() { return size; }
  @Override public String device() { return "java"; }
  @Override public Object heapArray() { return array; }

  @Override public double getDouble(int i) {
    switch (dtype) {
      case F64: return ((double[]) array)[i];
      case F32: return ((float[]) array)[i];
      case I64: return ((long[]) array)[i];
      default: return ((boolean[]) array)[i] ? 1 : 0;
    }
  }

  @Override public void setDouble(int i, double v) {
    switch (dtype) {
      case F64: ((double[]) array)[i] = v; break;
      case F32: ((float[]) array)[i] = (float) v; break;
      case I64: ((long[]) array)[i] = (long) v; break;
      default: ((boolean[]) array)[i] = v != 0;
    }
  }

  @Override public long getLong(int i) {
    return dtype == DType.I64 ? ((long[]) array)[i] : (long) getDouble(i);
  }

  @Override public void setLong(int i, long v) {
    if (dtype == DType.I64) ((long[]) array)[i] = v;
    else setDouble(i, v);
  }

  @Override public void read(int from, double[] dst, int off, int n) {
    switch (dtype) {
      case F64: System.arraycopy(array, from, dst, off, n); break;
      case F32: { float[] a = (float[]) array; for (int i = 0; i < n; i++) dst[off + i] = a[from + i]; break; }
      case I64: { long[] a = (long[]) array; for (int i = 0; i < n; i++) dst[off + i] = a[from + i]; break; }
      default: { boolean[] a = (boolean[]) array; for (int i = 0; i < n; i++) dst[off + i] = a[from + i] ? 1 : 0; }
    }
  }

  @Override public void read(int from, float[] dst, int off, int n) {
    switch (dtype) {
      case F32: System.arraycopy(array, from, dst, off, n); break;
      case F64: { double[] a = (double[]) array; for (int i = 0; i < n; i++) dst[off + i] = (float) a[from + i]; break; }
      case I64: { long[] a = (long[]) array; for (int i = 0; i < n; i++) dst[off + i] = a[from + i]; break; }
      default: { boolean[] a = (boolean[]) array; for (int i = 0; i < n; i++) dst[off + i] = a[from + i] ? 1 : 0; }
    }
  }

  @Override public void read(int from, long[] dst, int off, int n) {
    switch (dtype) {
      case I64: System.arraycopy(array, from, dst, off, n); break;
      case F64: { double[] a = (double[]) array; for (int i = 0; i < n; i++) dst[off + i] = (long) a[from + i]; break; }
      case F32: { float[] a = (float[]) array; for (int i = 0; i < n; i++) dst[off + i] = (long) a[from + i]; break; }
      default: { boolean[] a = (boolean[]) array; for (int i = 0; i < n; i++) dst[off + i] = a[from + i] ? 1 : 0; }
    }
  }

  @Override public void write(int from, double[] src, int off, int n) {
    switch (dtype) {
      case F64: System.arraycopy(src, off, array, from, n); break;
      case F32: { float[] a = (float[]) array; for (int i = 0; i < n; i++) a[from + i] = (float) src[off + i]; break; }
      case I64: { long[] a = (long[]) array; for (int i = 0; i < n; i++) a[from + i] = (long) src[off + i]; break; }
      default: { boolean[] a = (boolean[]) array; for (int i = 0; i < n; i++) a[from + i] = src[off + i] != 0; }
    }
  }

  @Override public void write(int from, float[] src, int off, int n) {
    switch (dtype) {
      case F32: System.arraycopy(src, off, array, from, n); break;
      case F64: { double[] a = (double[]) array; for (int i = 0; i < n; i++) a[from + i] = src[off + i]; break; }
      case I64: { long[] a = (long[]) array; for (int i = 0; i < n; i++) a[from + i] = (long) src[off + i]; break; }
      default: { boolean[] a = (boolean[]) array; for (int i = 0; i < n; i++) a[from + i] = src[off + i] != 0; }
    }
  }

  @Override public void write(int from, long[] src, int off, int n) {
    switch (dtype) {
      case I64: System.arraycopy(src, off, array, from, n); break;
      case F64: { double[] a = (double[]) array; for (int i = 0; i < n; i++) a[from + i] = src[off + i]; break; }
      case F32: { float[] a = (float[]) array; for (int i = 0; i < n; i++) a[from + i] = src[off + i]; break; }
      default: { boolean[] a = (boolean[]) array; for (int i = 0; i < n; i++) a[from + i] = src[off + i] != 0; }
    }
  }

  @Override public boolean[] toBools() {
    if (dtype == DType.BOOL) return ((boolean[]) array).clone();
    return super.toBools();
  }

  @Override public HeapStorage copy() {
    switch (dtype) {
      case F64: return of(((double[]) array).clone());
      case F32: return of(((float[]) array).clone());
      case I64: return of(((long[]) array).clone());
      default: return of(((boolean[]) array).clone());
    }
  }
}
