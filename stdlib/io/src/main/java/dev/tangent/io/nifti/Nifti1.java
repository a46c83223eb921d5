package dev.tangent.io.nifti;

import dev.tangent.io.array.ArrayFormatException;
import dev.tangent.io.array.DType;
import dev.tangent.io.array.NdArray;
import dev.tangent.spi.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * NIfTI-1 files: .nii, .nii.gz (gzip is detected from the content), and .hdr/.img pairs on
 * reading; .nii or .nii.gz (by the name) on writing, little-endian unless the header says big.
 */
public final class Nifti1 {
  private Nifti1() {}

  public static NiftiVolume read(Path file) throws IOException {
    try (InputStream in = open(file)) {
      DataInputStream d = new DataInputStream(in);
      byte[] hb = new byte[NiftiHeader.SIZE];
      try {
        d.readFully(hb);
      } catch (EOFException e) {
        throw new ArrayFormatException("not a NIfTI-1 file (shorter than its 348-byte header)");
      }
      NiftiHeader h = NiftiHeader.read(hb);
      DType dtype = NiftiDataType.toDType(h.datatype);
      if (dtype == null) throw new ArrayFormatException("NIfTI datatype " + NiftiDataType.describe(h.datatype) + " is not supported");
      if (h.bitpix != dtype.bytes * 8) {
        throw new ArrayFormatException("NIfTI bitpix " + h.bitpix + " does not match datatype " + dtype.lower());
      }
      boolean pair = h.magic.equals("ni1");
      long pos = NiftiHeader.SIZE;
      List<NiftiVolume.Extension> exts = new ArrayList<>();
      if (!(h.voxOffset >= 0 && h.voxOffset <= 1 << 30) || h.voxOffset != Math.rint(h.voxOffset)) {
        throw new ArrayFormatException("bad NIfTI vox_offset " + h.voxOffset + " (a whole number of bytes is expected)");
      }
      if (!pair) {
        if (h.voxOffset < NiftiHeader.SIZE + 4 && h.voxOffset != 0) {
          throw new ArrayFormatException("bad NIfTI vox_offset " + h.voxOffset + " (a .nii file needs at least 352)");
        }
        long voxOffset = Math.max((long) h.voxOffset, NiftiHeader.SIZE + 4);
        int restLength = (int) (voxOffset - NiftiHeader.SIZE);
        byte[] rest = d.readNBytes(restLength);
        if (rest.length < restLength) throw new ArrayFormatException("NIfTI file ends before vox_offset " + voxOffset);
        if (rest[0] != 0) exts = extensions(rest, h.order);
        pos = voxOffset;
      }
      NdArray data;
      if (pair) {
        Path img = pairedImage(file);
        // The .img beside a granted .hdr may be a link that leads elsewhere: check it too.
        dev.tangent.spi.Context ctx = dev.tangent.spi.Context.current();
        if (ctx != null) img = ctx.permissions.checkRead(img);
        try (InputStream ii = open(img)) {
          ii.skipNBytes((long) h.voxOffset);
          data = voxels(new DataInputStream(ii), h, dtype, img);
        }
      } else {
        data = voxels(d, h, dtype, file);
      }
      return new NiftiVolume(h, data, exts);
    } catch (java.util.zip.ZipException e) {
      throw new ArrayFormatException("corrupt gzip data: " + e.getMessage());
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    if (b0 == 0x1f && b1 == 0x8b) return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
    return raw;
  }

  private static Path pairedImage(Path hdr) throws ArrayFormatException {
    String name = hdr.getFileName().toString();
    String base = name.endsWith(".hdr.gz") ? name.substring(0, name.length() - 7)
        : name.endsWith(".hdr") ? name.substring(0, name.length() - 4) : null;
    if (base == null) throw new ArrayFormatException("a NIfTI pair header (magic ni1) must be named .hdr");
    for (String ext : new String[] {".img", ".img.gz"}) {
      Path p = hdr.resolveSibling(base + ext);
      if (Files.exists(p)) return p;
    }
    throw new ArrayFormatException("the image file " + base + ".img of this .hdr is missing");
  }

  private static List<NiftiVolume.Extension> extensions(byte[] rest, ByteOrder order) {
    List<NiftiVolume.Extension> out = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(rest).order(order);
    int p = 4;
    while (p + 8 <= rest.length) {
      int size = b.getInt(p);
      int code = b.getInt(p + 4);
      if (size < 8 || size > rest.length - p) break;
      byte[] content = new byte[size - 8];
      System.arraycopy(rest, p + 8, content, 0, content.length);
      out.add(new NiftiVolume.Extension(code, content));
      p += size;
    }
    return out;
  }

  private static NdArray voxels(DataInputStream in, NiftiHeader h, DType dtype, Path file) throws IOException {
    int[] shape = h.shape();
    int length = NdArray.byteLength(shape, dtype, "NIfTI");
    byte[] raw = in.readNBytes(length);
    if (raw.length < length) {
      throw new ArrayFormatException("NIfTI data is truncated: " + shapeText(shape) + " " + dtype.lower()
          + " needs " + length + " bytes after the header, the file has " + raw.length);
    }
    if (h.order == ByteOrder.BIG_ENDIAN && dtype.bytes > 1) swap(raw, dtype.bytes);
    return new NdArray(dtype, shape, NdArray.fortranToC(raw, shape, dtype.bytes));
  }

  static String shapeText(int[] shape) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < shape.length; i++) sb.append(i > 0 ? "x" : "").append(shape[i]);
    return sb.toString();
  }

  private static void swap(byte[] data, int width) {
    for (int i = 0; i < data.length; i += width) {
      for (int a = i, b = i + width - 1; a < b; a++, b--) {
        byte t = data[a];
        data[a] = data[b];
        data[b] = t;
      }
    }
  }

  /**
   * Writes atomically. The header's dim, datatype, bitpix, vox_offset and magic follow the data;
   * everything else (transforms, scaling, units, description) is written as given.
   */
  public static void write(Path file, NiftiVolume v) throws IOException {
    NiftiHeader h = v.header().copy();
    NdArray data = v.data();
    int[] shape = data.shape;
    if (shape.length < 1 || shape.length > 7) throw new ArrayFormatException("NIfTI-1 holds 1 to 7 dimensions, not " + shape.length);
    h.dim = new short[8];
    h.dim[0] = (short) shape.length;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] > Short.MAX_VALUE) throw new ArrayFormatException("NIfTI-1 dimensions are at most 32767, got " + shape[i]);
      h.dim[i + 1] = (short) shape[i];
    }
    for (int i = shape.length + 1; i < 8; i++) h.dim[i] = 1;
    for (int i = 1; i <= shape.length; i++) if (h.pixdim[i] == 0) h.pixdim[i] = 1;
    if (h.pixdim[0] == 0) h.pixdim[0] = 1;
    h.datatype = NiftiDataType.code(data.dtype);
    h.bitpix = data.dtype.bytes * 8;
    h.magic = "n+1";
    int extBytes = v.extensions().stream().mapToInt(Nifti1::paddedSize).sum();
    h.voxOffset = NiftiHeader.SIZE + 4 + extBytes;
    byte[] body = data.bytes();
    if (h.order == ByteOrder.BIG_ENDIAN && data.dtype.bytes > 1) {
      body = body.clone();
      swap(body, data.dtype.bytes);
    }
    byte[] fortran = NdArray.cToFortran(body, shape, data.dtype.bytes);
    boolean gz = file.getFileName().toString().toLowerCase().endsWith(".gz");
    AtomicFiles.write(file, os -> {
      OutputStream out = gz ? new GZIPOutputStream(os, 1 << 16) : os;
      out.write(h.toBytes());
      ByteBuffer ext = ByteBuffer.allocate(4 + extBytes).order(h.order);
      ext.put(0, (byte) (v.extensions().isEmpty() ? 0 : 1));
      int p = 4;
      for (NiftiVolume.Extension e : v.extensions()) {
        int size = paddedSize(e);
        ext.putInt(p, size);
        ext.putInt(p + 4, e.code());
        ext.position(p + 8);
        ext.put(e.content());
        p += size;
      }
      out.write(ext.array());
      out.write(fortran);
      if (out instanceof GZIPOutputStream g) g.finish();
    });
  }

  private static int paddedSize(NiftiVolume.Extension e) {
    int raw = 8 + e.content().length;
    return (raw + 15) / 16 * 16;
  }
}
