package dev.tangent.tensor;

import dev.tangent.core.tensor.DType;
import dev.tangent.core.tensor.Storage;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Elements in an ND4J array (off-heap, c order, kept flat: the Tensor holds the shape). Java
 * reads and writes go through a direct NIO view of the same memory, so chunked kernels and
 * BLAS see one buffer.
 */
public final class NdStorage extends Storage {
  private final INDArray array;
  private final DType dtype;
  private final int size;
  private final DoubleBuffer d;
  private final FloatBuffer f;
  private final LongBuffer l;
  private final ByteBuffer b;
  /** All the elements' bytes, for sharing the memory (nativeBuffer). */
  private final ByteBuffer bytes;

  NdStorage(INDArray array, DType dtype) {
    this.array = array;
    this.dtype = dtype;
    this.size = array == null ? 0 : (int) array.length();
    // ND4J has no zero-length buffer to view: an empty tensor keeps no array at all.
    ByteBuffer bytes = array == null ? ByteBuffer.allocate(0) : array.data().asNio().order(ByteOrder.nativeOrder());
    this.d = dtype == DType.F64 ? bytes.asDoubleBuffer() : null;
    this.f = dtype == DType.F32 ? bytes.asFloatBuffer() : null;
    this.l = dtype == DType.I64 ? bytes.asLongBuffer() : null;
    this.b = dtype == DType.BOOL ? bytes : null;
    this.bytes = bytes;
  }

  static DataType nd4jType(DType t) {
    switch (t) {
      case F64: return DataType.DOUBLE;
      case F32: return DataType.FLOAT;
      case I64: return DataType.LONG;
      default: return DataType.BOOL;
    }
  }

  static Storage zeros(DType t, int size) {
    if (size == 0) return new NdStorage(null, t);
    DataType type = nd4jType(t);
    if (!BufferPool.pooled(type, size)) return new NdStorage(Nd4j.create(type, size), t);
    NdStorage s = pooled(t, size);
    Pointer.memset(s.array.data().addressPointer(), 0, (long) size * type.width());
    return s;
  }

  static Storage uninitialized(DType t, int size) {
    if (size == 0) return new NdStorage(null, t);
    DataType type = nd4jType(t);
    if (!BufferPool.pooled(type, size)) return new NdStorage(Nd4j.createUninitialized(type, size), t);
    return pooled(t, size);
  }

  /** A large storage: its array is recycled (BufferPool) once the storage is unreachable. */
  private static NdStorage pooled(DType t, int size) {
    INDArray a = BufferPool.take(nd4jType(t), size);
    NdStorage s = new NdStorage(a, t);
    BufferPool.track(s, a);
    return s;
  }

  /**
   * The ND4J array (flat, length size()), for calls that end while this storage is reachable
   * (keep it reachable with Reference.reachabilityFence): a large array is reused for another
   * storage once this one is unreachable, so it must never be kept.
   */
  public INDArray array() { return array; }

  @Override public DType dtype() { return dtype; }
  @Override public int size() { return size; }
  @Override public String device() { return "cpu"; }

  /** The elements' memory; this storage (which holds the ND4J array) keeps it allocated. */
  @Override public ByteBuffer nativeBuffer() { return array == null ? null : bytes.duplicate().order(ByteOrder.nativeOrder()); }

  // Each access ends with a reachability fence: the NIO views do not keep this storage alive,
  // and once it is unreachable its memory may go to another storage (BufferPool).

  @Override public double getDouble(int i) {
    double v;
    switch (dtype) {
      case F64: v = d.get(i); break;
      case F32: v = f.get(i); break;
      case I64: v = l.get(i); break;
      default: v = b.get(i) != 0 ? 1 : 0;
    }
    Reference.reachabilityFence(this);
    return v;
  }

  @Override public void setDouble(int i, double v) {
    switch (dtype) {
      case F64: d.put(i, v); break;
      case F32: f.put(i, (float) v); break;
      case I64: l.put(i, (long) v); break;
      default: b.put(i, (byte) (v != 0 ? 1 : 0));
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
    else for (int i = 0; i < n; i++) dst[off + i] = getDouble(from + i);
    Reference.reachabilityFence(this);
  }

  @Override public void read(int from, float[] dst, int off, int n) {
    if (dtype == DType.F32) f.get(from, dst, off, n);
    else if (dtype == DType.F64) for (int i = 0; i < n; i++) dst[off + i] = (float) d.get(from + i);
    else for (int i = 0; i < n; i++) dst[off + i] = (float) getDouble(from + i);
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
    else for (int i = 0; i < n; i++) setDouble(from + i, src[off + i]);
    Reference.reachabilityFence(this);
  }

  @Override public void write(int from, float[] src, int off, int n) {
    if (dtype == DType.F32) f.put(from, src, off, n);
    else if (dtype == DType.F64) for (int i = 0; i < n; i++) d.put(from + i, src[off + i]);
    else for (int i = 0; i < n; i++) setDouble(from + i, src[off + i]);
    Reference.reachabilityFence(this);
  }

  @Override public void write(int from, long[] src, int off, int n) {
    if (dtype == DType.I64) l.put(from, src, off, n);
    else for (int i = 0; i < n; i++) setDouble(from + i, src[off + i]);
    Reference.reachabilityFence(this);
  }

  @Override public Storage copy() {
    if (array == null) return new NdStorage(null, dtype);
    NdStorage out = (NdStorage) uninitialized(dtype, size);
    Pointer.memcpy(out.array.data().addressPointer(), array.data().addressPointer(), (long) size * array.dataType().width());
    Reference.reachabilityFence(this);
    return out;
  }

  /** This storage itself, or a copy of any storage into ND4J. */
  static NdStorage of(Storage s) {
    if (s instanceof NdStorage n) return n;
    NdStorage out = (NdStorage) uninitialized(s.dtype(), s.size());
    Object arr = s.heapArray();
    if (arr instanceof double[] x) out.write(0, x, 0, x.length);
    else if (arr instanceof float[] x) out.write(0, x, 0, x.length);
    else if (arr instanceof long[] x) out.write(0, x, 0, x.length);
    else out.write(0, s.toDoubles(), 0, s.size());
    return out;
  }
}
