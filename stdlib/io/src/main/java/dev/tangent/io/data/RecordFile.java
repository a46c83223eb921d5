package dev.tangent.io.data;

import dev.tangent.io.array.DType;
import dev.tangent.io.array.NdArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * A file of fixed-size records after a header: an IDX file or a C-order .npy. Record i holds
 * element i of one dataset field. Gzipped files can only be read front to back.
 */
public record RecordFile(Path path, DType dtype, int[] rowShape, long count, long offset, boolean bigEndian,
    boolean gzip, boolean normalize) {

  public int rowBytes() {
    return (int) (NdArray.count(rowShape) * dtype.bytes);
  }

  /** The record's bytes as an array: little-endian, and u8 scaled to f32 in [0, 1] when normalising. */
  public NdArray decode(byte[] raw) {
    if (bigEndian && dtype.bytes > 1) {
      for (int i = 0; i < raw.length; i += dtype.bytes) {
        for (int a = i, b = i + dtype.bytes - 1; a < b; a++, b--) {
          byte t = raw[a];
          raw[a] = raw[b];
          raw[b] = t;
        }
      }
    }
    NdArray a = new NdArray(dtype, rowShape, raw);
    if (!normalize) return a;
    double[] v = a.toDoubles();
    double scale = dtype == DType.U8 ? 255 : 1;
    ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (double x : v) b.putFloat((float) (x / scale));
    return new NdArray(DType.F32, rowShape, b.array());
  }

  public String name() {
    return path.getFileName().toString();
  }
}
