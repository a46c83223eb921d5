package dev.tangent.io.array;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The IDX format of MNIST and Fashion-MNIST: two zero bytes, a type code, the number of
 * dimensions, big-endian 32-bit sizes, then big-endian data. A .gz file is unpacked on the fly.
 */
public final class Idx {
  private Idx() {}

  public static NdArray read(Path file) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      boolean gz = b0 == 0x1f && b1 == 0x8b;
      InputStream in = gz ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
      return read(in, gz ? -1 : Files.size(file));
    } catch (java.util.zip.ZipException e) {
      throw new ArrayFormatException("corrupt gzip data: " + e.getMessage());
    }
  }

  /** Element type, shape and where the data starts (4 + 4 * ndim bytes in). */
  public record Header(DType dtype, int[] shape, long dataOffset) {}

  public static Header readHeader(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    int z0, z1, code, ndim;
    try {
      z0 = d.readUnsignedByte();
      z1 = d.readUnsignedByte();
      code = d.readUnsignedByte();
      ndim = d.readUnsignedByte();
    } catch (java.io.EOFException e) {
      throw new ArrayFormatException("not an IDX file (too short)");
    }
    if (z0 != 0 || z1 != 0) throw new ArrayFormatException("not an IDX file (bad magic)");
    DType dtype;
    switch (code) {
      case 0x08: dtype = DType.U8; break;
      case 0x09: dtype = DType.I8; break;
      case 0x0B: dtype = DType.I16; break;
      case 0x0C: dtype = DType.I32; break;
      case 0x0D: dtype = DType.F32; break;
      case 0x0E: dtype = DType.F64; break;
      default: throw new ArrayFormatException("unknown IDX type code 0x" + Integer.toHexString(code));
    }
    int[] shape = new int[ndim];
    try {
      for (int i = 0; i < ndim; i++) {
        shape[i] = d.readInt();
        if (shape[i] < 0) throw new ArrayFormatException("negative IDX dimension " + shape[i] + " (dimension " + (i + 1) + " of " + ndim + ")");
      }
    } catch (java.io.EOFException e) {
      throw new ArrayFormatException("IDX file is truncated: it ends inside its header of " + ndim + " dimensions");
    }
    NdArray.byteLength(shape, dtype, "IDX");
    return new Header(dtype, shape, 4 + 4L * ndim);
  }

  /** The header of a file, gzipped or not, and whether it is gzipped. */
  public static Header readHeader(Path file, boolean[] gzipped) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 12)) {
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      gzipped[0] = b0 == 0x1f && b1 == 0x8b;
      return readHeader(gzipped[0] ? new GZIPInputStream(raw) : raw);
    } catch (java.util.zip.ZipException e) {
      throw new ArrayFormatException("corrupt gzip data: " + e.getMessage());
    }
  }

  public static NdArray read(InputStream in) throws IOException {
    return read(in, -1);
  }

  /** Reads an IDX array; {@code fileLength} is the stream's total length when known, else -1. */
  public static NdArray read(InputStream in, long fileLength) throws IOException {
    Header h = readHeader(in);
    DataInputStream d = new DataInputStream(in);
    DType dtype = h.dtype();
    int[] shape = h.shape();
    byte[] data = NdArray.readData(d, NdArray.byteLength(shape, dtype, "IDX"),
        fileLength < 0 ? -1 : Math.max(0, fileLength - h.dataOffset()), "IDX file");
    if (dtype.bytes > 1) Npy.swap(data, dtype.bytes);
    return new NdArray(dtype, shape, data);
  }
}
