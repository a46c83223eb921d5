package dev.tangent.io.array;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An array read from or written to a file: dtype, C-order shape and the raw little-endian bytes.
 * Conversions to Java arrays widen as needed; every file codec produces and consumes this.
 */
public final class NdArray {
  public final DType dtype;
  public final int[] shape;
  /** Row-major (C order), little-endian element bytes. */
  private final byte[] bytes;

  public NdArray(DType dtype, int[] shape, byte[] littleEndianBytes) {
    long n = count(shape);
    if (n * dtype.bytes != littleEndianBytes.length) {
      throw new IllegalArgumentException("array of shape " + Arrays.toString(shape) + " and dtype " + dtype
          + " needs " + n * dtype.bytes + " bytes, got " + littleEndianBytes.length);
    }
    this.dtype = dtype;
    this.shape = shape.clone();
    this.bytes = littleEndianBytes;
  }

  /** The element count of a shape: negative or overflowing shapes throw Sizes.Invalid. */
  public static long count(int[] shape) {
    return dev.tangent.spi.Sizes.count(shape);
  }

  /**
   * The data length in bytes of an array of this shape and dtype that a file declares, checked
   * with overflow-checked arithmetic and against what one Java array holds.
   */
  public static int byteLength(int[] shape, DType dtype, String format) throws ArrayFormatException {
    try {
      long bytes = dev.tangent.spi.Sizes.bytes(count(shape), dtype.bytes, format + " array");
      return dev.tangent.spi.Sizes.arrayLength(bytes, format + " array of shape " + dev.tangent.spi.Sizes.text(shape));
    } catch (dev.tangent.spi.Sizes.Invalid e) {
      throw new ArrayFormatException(format + ": " + e.getMessage());
    }
  }

  /**
   * Reads the n data bytes a header declared. {@code available} is how many bytes the file still
   * holds (-1 when unknown, as inside a gzip stream): a header that declares more than the file
   * has fails before anything is allocated, and with an unknown length memory grows only with
   * the bytes really there.
   */
  public static byte[] readData(java.io.InputStream in, int n, long available, String what) throws java.io.IOException {
    if (available >= 0 && available < n) {
      throw new ArrayFormatException(what + " is truncated: the header declares " + n + " data bytes, the file holds " + available);
    }
    byte[] b;
    if (available >= 0 || n <= 1 << 24) {
      b = new byte[n];
      int got = in.readNBytes(b, 0, n);
      if (got < n) throw new ArrayFormatException(what + " is truncated: expected " + n + " data bytes, found " + got);
    } else {
      b = in.readNBytes(n);
      if (b.length < n) throw new ArrayFormatException(what + " is truncated: expected " + n + " data bytes, found " + b.length);
    }
    return b;
  }

  public int size() { return (int) count(shape); }

  public byte[] bytes() { return bytes; }

  private ByteBuffer buf() { return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN); }

  public static NdArray ofDoubles(int[] shape, double[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asDoubleBuffer().put(v);
    return new NdArray(DType.F64, shape, b.array());
  }

  public static NdArray ofFloats(int[] shape, float[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    return new NdArray(DType.F32, shape, b.array());
  }

  public static NdArray ofLongs(int[] shape, long[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(v);
    return new NdArray(DType.I64, shape, b.array());
  }

  public static NdArray ofBytes(DType dtype, int[] shape, byte[] v) {
    return new NdArray(dtype, shape, v.clone());
  }

  /** Encodes values (already checked to fit) as elements of {@code dtype}. */
  public static NdArray ofValues(DType dtype, int[] shape, double[] v) {
    ByteBuffer b = ByteBuffer.allocate(v.length * dtype.bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < v.length; i++) {
      double x = v[i];
      switch (dtype) {
        case F64: b.putDouble(x); break;
        case F32: b.putFloat((float) x); break;
        case I64: case U64: b.putLong((long) x); break;
        case I32: case U32: b.putInt((int) (long) x); break;
        case I16: case U16: b.putShort((short) (long) x); break;
        case I8: case U8: b.put((byte) (long) x); break;
        case BOOL: b.put((byte) (x != 0 ? 1 : 0)); break;
        default: throw new IllegalArgumentException("cannot encode " + dtype);
      }
    }
    return new NdArray(dtype, shape, b.array());
  }

  /** Every element as a double (integers exactly up to 2^53; f16/bf16 decoded). */
  public double[] toDoubles() {
    int n = size();
    double[] out = new double[n];
    ByteBuffer b = buf();
    switch (dtype) {
      case F64: b.asDoubleBuffer().get(out); break;
      case F32: for (int i = 0; i < n; i++) out[i] = b.getFloat(i * 4); break;
      case F16: for (int i = 0; i < n; i++) out[i] = halfToFloat(b.getShort(i * 2)); break;
      case BF16: for (int i = 0; i < n; i++) out[i] = Float.intBitsToFloat((b.getShort(i * 2) & 0xffff) << 16); break;
      case I64: for (int i = 0; i < n; i++) out[i] = b.getLong(i * 8); break;
      case U64: for (int i = 0; i < n; i++) out[i] = unsignedLong(b.getLong(i * 8)); break;
      case I32: for (int i = 0; i < n; i++) out[i] = b.getInt(i * 4); break;
      case U32: for (int i = 0; i < n; i++) out[i] = b.getInt(i * 4) & 0xffffffffL; break;
      case I16: for (int i = 0; i < n; i++) out[i] = b.getShort(i * 2); break;
      case U16: for (int i = 0; i < n; i++) out[i] = b.getShort(i * 2) & 0xffff; break;
      case I8: for (int i = 0; i < n; i++) out[i] = bytes[i]; break;
      case U8: for (int i = 0; i < n; i++) out[i] = bytes[i] & 0xff; break;
      case BOOL: for (int i = 0; i < n; i++) out[i] = bytes[i] != 0 ? 1 : 0; break;
      default: throw new IllegalStateException(dtype.name());
    }
    return out;
  }

  public float[] toFloats() {
    if (dtype == DType.F32) {
      float[] out = new float[size()];
      buf().asFloatBuffer().get(out);
      return out;
    }
    double[] d = toDoubles();
    float[] out = new float[d.length];
    for (int i = 0; i < d.length; i++) out[i] = (float) d[i];
    return out;
  }

  public long[] toLongs() {
    if (dtype == DType.I64 || dtype == DType.U64) {
      long[] out = new long[size()];
      buf().asLongBuffer().get(out);
      return out;
    }
    double[] d = toDoubles();
    long[] out = new long[d.length];
    for (int i = 0; i < d.length; i++) out[i] = (long) d[i];
    return out;
  }

  private static double unsignedLong(long v) {
    double d = (double) (v & Long.MAX_VALUE);
    return v < 0 ? d + 9.223372036854775808E18 : d;
  }

  static float halfToFloat(short h) {
    int bits = h & 0xffff;
    int sign = (bits >>> 15) << 31;
    int exp = (bits >>> 10) & 0x1f;
    int mant = bits & 0x3ff;
    if (exp == 0) {
      if (mant == 0) return Float.intBitsToFloat(sign);
      float v = mant / 1024f * (float) Math.pow(2, -14);
      return sign != 0 ? -v : v;
    }
    if (exp == 31) return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
    return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
  }

  /** Element bytes in C order (last index fastest) from Fortran order (first index fastest). */
  public static byte[] fortranToC(byte[] data, int[] shape, int width) {
    return reorder(data, shape, width, true);
  }

  /** Element bytes in Fortran order (first index fastest, as NIfTI stores voxels) from C order. */
  public static byte[] cToFortran(byte[] data, int[] shape, int width) {
    return reorder(data, shape, width, false);
  }

  private static byte[] reorder(byte[] data, int[] shape, int width, boolean fromFortran) {
    int n = shape.length;
    if (n < 2) return data.clone();
    long[] fStrides = new long[n];
    long acc = 1;
    for (int i = 0; i < n; i++) {
      fStrides[i] = acc;
      acc *= shape[i];
    }
    byte[] out = new byte[data.length];
    int[] idx = new int[n];
    long f = 0;
    for (long c = 0; c < acc; c++) {
      if (fromFortran) System.arraycopy(data, (int) (f * width), out, (int) (c * width), width);
      else System.arraycopy(data, (int) (c * width), out, (int) (f * width), width);
      for (int i = n - 1; i >= 0; i--) {
        f += fStrides[i];
        if (++idx[i] < shape[i]) break;
        f -= fStrides[i] * shape[i];
        idx[i] = 0;
      }
    }
    return out;
  }

  @Override public String toString() {
    return "NdArray(" + dtype.lower() + ", " + Arrays.toString(shape) + ")";
  }
}
