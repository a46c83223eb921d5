package dev.tangent.io.array;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's .npy format, versions 1.0 to 3.0: both byte orders and Fortran order on reading;
 * version 1.0 (2.0 for huge headers), little-endian, C order on writing.
 */
public final class Npy {
  private Npy() {}

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-zA-Z]\\d*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  /** What the header says: element type, shape, layout, and where the data starts. */
  public record Header(DType dtype, int[] shape, boolean fortran, boolean bigEndian, long dataOffset) {}

  public static Header readHeader(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    byte[] magic = new byte[6];
    try {
      d.readFully(magic);
    } catch (java.io.EOFException e) {
      throw new ArrayFormatException("not a .npy file (too short)");
    }
    for (int i = 0; i < 6; i++) {
      if (magic[i] != MAGIC[i]) throw new ArrayFormatException("not a .npy file (bad magic)");
    }
    int major = d.readUnsignedByte();
    d.readUnsignedByte();
    long headerLen;
    int prefix;
    try {
      if (major == 1) {
        headerLen = d.readUnsignedByte() | (d.readUnsignedByte() << 8);
        prefix = 10;
      } else if (major == 2 || major == 3) {
        headerLen = (d.readUnsignedByte() | (d.readUnsignedByte() << 8) | (d.readUnsignedByte() << 16)) | ((long) d.readUnsignedByte() << 24);
        prefix = 12;
      } else {
        throw new ArrayFormatException("unsupported .npy version " + major);
      }
    } catch (java.io.EOFException e) {
      throw new ArrayFormatException("not a .npy file (it ends inside the header)");
    }
    if (headerLen > 1 << 24) throw new ArrayFormatException(".npy header too large (" + headerLen + " bytes)");
    byte[] hb = d.readNBytes((int) headerLen);
    if (hb.length < headerLen) throw new ArrayFormatException(".npy file is truncated: it ends inside its " + headerLen + "-byte header");
    String header = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    Matcher dm = DESCR.matcher(header);
    if (!dm.find()) {
      throw new ArrayFormatException(".npy header has no simple 'descr' (structured arrays are not supported): "
          + dev.tangent.spi.Printable.of(header.trim(), 120));
    }
    char order = dm.group(1).charAt(0);
    String code = dm.group(2);
    DType dtype = DType.fromNumpy(code.equals("?") ? "b1" : code);
    if (dtype == null && code.equals("b")) dtype = DType.I8;
    if (dtype == null && code.equals("B")) dtype = DType.U8;
    if (dtype == null) throw new ArrayFormatException(".npy dtype '" + dm.group(1) + code + "' is not supported");
    Matcher fm = FORTRAN.matcher(header);
    boolean fortran = fm.find() && fm.group(1).equals("True");
    Matcher sm = SHAPE.matcher(header);
    if (!sm.find()) throw new ArrayFormatException(".npy header has no shape");
    int[] shape = parseShape(sm.group(1));
    return new Header(dtype, shape, fortran, order == '>', prefix + headerLen);
  }

  public static NdArray read(InputStream in) throws IOException {
    return read(in, -1);
  }

  /** Reads an array; {@code fileLength} is the stream's total length when known, else -1. */
  public static NdArray read(InputStream in, long fileLength) throws IOException {
    DataInputStream d = new DataInputStream(in);
    Header hd = readHeader(d);
    DType dtype = hd.dtype();
    int[] shape = hd.shape();
    boolean fortran = hd.fortran();
    char order = hd.bigEndian() ? '>' : '<';
    int length = NdArray.byteLength(shape, dtype, ".npy");
    byte[] data = NdArray.readData(d, length, fileLength < 0 ? -1 : Math.max(0, fileLength - hd.dataOffset()), ".npy file");
    if (order == '>' && dtype.bytes > 1) swap(data, dtype.bytes);
    if (fortran && shape.length > 1) data = NdArray.fortranToC(data, shape, dtype.bytes);
    return new NdArray(dtype, shape, data);
  }

  private static int[] parseShape(String s) throws ArrayFormatException {
    List<Integer> dims = new ArrayList<>();
    for (String p : s.split(",")) {
      String t = p.trim();
      if (t.isEmpty()) continue;
      if (t.endsWith("L")) t = t.substring(0, t.length() - 1);
      int dim;
      try {
        dim = Integer.parseInt(t);
      } catch (NumberFormatException e) {
        throw new ArrayFormatException("bad .npy shape (" + dev.tangent.spi.Printable.of(s, 80)
            + "): dimensions must be whole numbers below 2^31");
      }
      if (dim < 0) throw new ArrayFormatException("bad .npy shape (" + dev.tangent.spi.Printable.of(s, 80) + "): negative dimension " + dim);
      dims.add(dim);
    }
    int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
    try {
      NdArray.count(shape);
    } catch (dev.tangent.spi.Sizes.Invalid e) {
      throw new ArrayFormatException("bad .npy shape: " + e.getMessage());
    }
    return shape;
  }

  static void swap(byte[] data, int width) {
    for (int i = 0; i < data.length; i += width) {
      for (int a = i, b = i + width - 1; a < b; a++, b--) {
        byte t = data[a];
        data[a] = data[b];
        data[b] = t;
      }
    }
  }

  public static void write(OutputStream out, NdArray a) throws IOException {
    StringBuilder shape = new StringBuilder("(");
    for (int i = 0; i < a.shape.length; i++) {
      shape.append(a.shape[i]);
      if (a.shape.length == 1 || i < a.shape.length - 1) shape.append(", ");
    }
    String s = shape.toString().replaceAll(", $", ",") + ")";
    String order = a.dtype.bytes == 1 ? "|" : "<";
    if (a.dtype.numpy == null) throw new ArrayFormatException(a.dtype + " has no .npy equivalent");
    String dict = "{'descr': '" + order + a.dtype.numpy + "', 'fortran_order': False, 'shape': " + s + ", }";
    int base = MAGIC.length + 2 + 2;
    int total = base + dict.length() + 1;
    int pad = (64 - total % 64) % 64;
    String header = dict + " ".repeat(pad) + "\n";
    boolean v2 = header.length() > 65535;
    out.write(MAGIC);
    out.write(v2 ? 2 : 1);
    out.write(0);
    int len = header.length();
    out.write(len & 0xff);
    out.write((len >> 8) & 0xff);
    if (v2) {
      out.write((len >> 16) & 0xff);
      out.write((len >> 24) & 0xff);
    }
    out.write(header.getBytes(StandardCharsets.ISO_8859_1));
    out.write(a.bytes());
  }
}
