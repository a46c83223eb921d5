package dev.tangent.tensor;

import dev.tangent.core.tensor.DType;
import dev.tangent.core.tensor.Storage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
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
    return new NdStorage(Nd4j.create(nd4jType(t), size), t);
  }

  static Storage uninitialized(DType t, int size) {
    if (size == 0) return new NdStorage(null, t);
    return new NdStorage(Nd4j.createUninitialized(nd4jType(t), size), t);
  }

  /** The ND4J array (flat, length size()). */
  public INDArray array() { return array; }

  @Override public DType dtype() { return dtype; }
  @Override public int size() { return size; }
  @Override public String device() { return "cpu"; }

  @Override public double getDouble(int i) {
    switch (dtype) {
      case F64: return d.get(i);
      case F32: return f.get(i);
      case I64: return l.get(i);
      default: return b.get(i) != 0 ? 1 : 0;
    }
  }

  @Override public void setDouble(int i, double v) {
    switch (dtype) {
      case F64: d.put(i, v); break;
      case F32: f.put(i, (float) v); break;
      case I64: l.put(i, (long) v); break;
      default: b.put(i, (byte) (v != 0 ? 1 : 0));
    }
  }

  @Override public long getLong(int i) { return dtype == DType.I64 ? l.get(i) : (long) getDouble(i); }

  @Override public void setLong(int i, long v) {
    if (dtype == DType.I64) l.put(i, v);
    else setDouble(i, v);
  }

  @Override public void read(int from, double[] dst, int off, int n) {
    if (dtype == DType.F64) d.get(from, dst, off, n);
    else if (dtype == DType.F32) for (int i = 0; i < n; i++) dst[off + i] = f.get(from + i);
    else for (int i = 0; i < n; i++) dst[off + i] = getDouble(from + i);
  }

  @Override public void read(int from, float[] dst, int off, int n) {
    if (dtype == DType.F32) f.get(from, dst, off, n);
    else if (dtype == DType.F64) for (int i = 0; i < n; i++) dst[off + i] = (float) d.get(from + i);
    else for (int i = 0; i < n; i++) dst[off + i] = (float) getDouble(from + i);
  }

  @Override public void read(int from, long[] dst, int off, int n) {
    if (dtype == DType.I64) l.get(from, dst, off, n);
    else for (int i = 0; i < n; i++) dst[off + i] = (long) getDouble(from + i);
  }

  @Override public void write(int from, double[] src, int off, int n) {
    if (dtype == DType.F64) d.put(from, src, off, n);
    else if (dtype == DType.F32) for (int i = 0; i < n; i++) f.put(from + i, (float) src[off + i]);
    else for (int i = 0; i < n; i++) setDouble(from + i, src[off + i]);
  }

  @Override public void write(int from, float[] src, int off, int n) {
    if (dtype == DType.F32) f.put(from, src, off, n);
    else if (dtype == DType.F64) for (int i = 0; i < n; i++) d.put(from + i, src[off + i]);
    else for (int i = 0; i < n; i++) setDouble(from + i, src[off + i]);
  }

  @Override public void write(int from, long[] src, int off, int n) {
    if (dtype == DType.I64) l.put(from, src, off, n);
    else for (int i = 0; i < n; i++) setDouble(from + i, src[off + i]);
  }

  @Override public Storage copy() { return new NdStorage(array == null ? null : array.dup(), dtype); }

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
