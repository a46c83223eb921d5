package dev.tangent.core.tensor;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;

/**
 * Elements in native memory that another library owns, such as a network tensor's (nn shares
 * its CPU memory this way): read and written through a native-order NIO view. It holds its owner,
 * so the memory lives as long as this storage; Java kernels read it in chunks like any off-heap
 * storage, and its device is "java" because Java code computes on it.
 */
public final class BufferStorage extends Storage {
  private final DType dtype;
  private final int size;
  private final ByteBuffer bytes;
  private final DoubleBuffer d;
  private final FloatBuffer f;
  private final LongBuffer l;
  /** Keeps the memory alive (the NIO view alone does not). */
  private final Object owner;

  private BufferStorage(ByteBuffer bytes, DType dtype, int size, Object owner) {
    this.bytes = bytes;
    this.dtype = dtype;
    this.size = size;
    this.owner = owner;
    this.d = dtype == DType.F64 ? bytes.asDoubleBuffer() : null;
    this.f = dtype == DType.F32 ? bytes.asFloatBuffer() : null;
    this.l = dtype == DType.I64 ? bytes.asLongBuffer() : null;
  }

  /**
   * A view of {@code size} elements of type {@code dtype} (f64, f32 or i64) at the start of a
   * direct buffer; {@code owner} is whatever keeps that memory allocated.
   */
  public static BufferStorage view(ByteBuffer buffer, DType dtype, int size, Object owner) {
    if (!buffer.isDirect()) throw new IllegalArgumentException("not a direct buffer");
    if (dtype == DType.BOOL) throw new IllegalArgumentException("bool elements are not viewed");
    long bytes = (long) size * width(dtype);
    if (bytes > buffer.capacity()) throw new IllegalArgumentException(size + " elements do not fit in " + buffer.capacity() + " bytes");
    ByteBuffer b = buffer.duplicate().order(ByteOrder.nativeOrder());
    b.position(0).limit((int) bytes);
    return new BufferStorage(b.slice().order(ByteOrder.nativeOrder()), dtype, size, owner);
  }

  static int width(DType t) {
    switch (t) {
      case F64: case I64: return 8;
      case F32: return 4;
      default: return 1;
    }
  }

  @Override public DType dtype() { return dtype; }
  @Override public int size() { return size; }
  @Override public String device() { return "java"; }

  @Override public ByteBuffer nativeBuffer() { return bytes.duplicate().order(ByteOrder.nativeOrder()); }

  @Override public Object nativeOwner() { return owner; }

  @Override public double getDouble(int i) {
    double v = dtype == DType.F64 ? d.get(i) : dtype == DType.F32 ? f.get(i) : l.get(i);
    Reference.reachabilityFence(this);
    return v;
  }

  @Override public void setDouble(int i, double v) {
    switch (dtype) {
      case F64: d.put(i, v); break;
      case F32: f.put(i, (float) v); break;
      default: l.put(i, (long) v);
    }
    Reference.reachabilityFence(this);
  }

  @Override public long getLong(int i) {
    long v = dtype == DType.I64 ? l.get(i) : (long) getDouble(i);
    Reference.reachabilityFence(this);
    return v;
  }

  @Override public void setLong(int i, long v) {
    if (dtype == DType.I64) l.put(i, v);
    else setDouble(i, v);
    Reference.reachabilityFence(this);
  }

  @Override public void read(int from, double[] dst, int off, int n) {
    if (dtype == DType.F64) d.get(from, dst, off, n);
    else if (dtype == DType.F32) for (int i = 0; i < n; i++) dst[off + i] = f.get(from + i);
    else for (int i = 0; i < n; i++) dst[off + i] = l.get(from + i);
    Reference.reachabilityFence(this);
  }

  @Override public void read(int from, float[] dst, int off, int n) {
    if (dtype == DType.F32) f.get(from, dst, off, n);
    else if (dtype == DType.F64) for (int i = 0; i < n; i++) dst[off + i] = (float) d.get(from + i);
    else for (int i = 0; i < n; i++) dst[off + i] = l.get(from + i);
    Reference.reachabilityFence(this);
  }

  @Override public void read(int from, long[] dst, int off, int n) {
    if (dtype == DType.I64) l.get(from, dst, off, n);
    else for (int i = 0; i < n; i++) dst[off + i] = (long) getDouble(from + i);
    Reference.reachabilityFence(this);
  }

  @Override public void write(int from, double[] src, int off, int n) {
    if (dtype == DType.F64) d.put(from, src, off, n);
    else if (dtype == DType.F32) for (int i = 0; i < n; i++) f.put(from + i, (float) src[off + i]);
    else for (int i = 0; i < n; i++) l.put(from + i, (long) src[off + i]);
    Reference.reachabilityFence(this);
  }

  @Override public void write(int from, float[] src, int off, int n) {
    if (dtype == DType.F32) f.put(from, src, off, n);
    else if (dtype == DType.F64) for (int i = 0; i < n; i++) d.put(from + i, src[off + i]);
    else for (int i = 0; i < n; i++) l.put(from + i, (long) src[off + i]);
    Reference.reachabilityFence(this);
  }

  @Override public void write(int from, long[] src, int off, int n) {
    if (dtype == DType.I64) l.put(from, src, off, n);
    else for (int i = 0; i < n; i++) setDouble(from + i, src[off + i]);
    Reference.reachabilityFence(this);
  }

  /** A copy lives on the Java heap: it owns its elements. */
  @Override public Storage copy() {
    HeapStorage out = HeapStorage.allocate(dtype, size);
    switch (dtype) {
      case F64: read(0, (double[]) out.heapArray(), 0, size); break;
      case F32: read(0, (float[]) out.heapArray(), 0, size); break;
      default: read(0, (long[]) out.heapArray(), 0, size);
    }
    return out;
  }
}
