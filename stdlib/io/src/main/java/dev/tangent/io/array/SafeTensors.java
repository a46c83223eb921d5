package dev.tangent.io.array;

import dev.tangent.spi.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hugging Face's .safetensors: an 8-byte little-endian header length, a JSON header naming each
 * tensor's dtype, shape and byte range, then the little-endian data.
 */
public final class SafeTensors {
  private SafeTensors() {}

  public record File(Map<String, NdArray> tensors, Map<String, String> metadata) {}

  public static File read(Path path) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < 8) throw new ArrayFormatException("not a .safetensors file (too short)");
      ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, lenBuf, 0);
      long headerLen = lenBuf.getLong(0);
      if (headerLen <= 0 || headerLen > 100_000_000 || 8 + headerLen > size) {
        throw new ArrayFormatException("not a .safetensors file (bad header length " + headerLen + ")");
      }
      ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
      readFully(ch, hb, 8);
      Object header;
      try {
        header = MiniJson.parse(new String(hb.array(), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new ArrayFormatException("bad .safetensors header: " + e.getMessage());
      }
      if (!(header instanceof Map<?, ?> h)) throw new ArrayFormatException("bad .safetensors header: not an object");
      long dataStart = 8 + headerLen;
      Map<String, NdArray> tensors = new LinkedHashMap<>();
      Map<String, String> metadata = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : h.entrySet()) {
        String name = (String) e.getKey();
        if (name.equals("__metadata__")) {
          if (e.getValue() instanceof Map<?, ?> md) md.forEach((k, v) -> metadata.put(String.valueOf(k), String.valueOf(v)));
          continue;
        }
        if (!(e.getValue() instanceof Map<?, ?> info)) throw new ArrayFormatException("tensor '" + name + "': bad entry");
        DType dt = DType.fromSafetensors(String.valueOf(info.get("dtype")));
        if (dt == null) {
          throw new ArrayFormatException("tensor '" + name + "': unsupported dtype " + dev.tangent.spi.Printable.of(String.valueOf(info.get("dtype")), 40));
        }
        long[] declared = longs(info.get("shape"), name);
        long[] offs = longs(info.get("data_offsets"), name);
        if (offs.length != 2 || offs[0] < 0 || offs[1] < offs[0] || offs[1] > size - dataStart) {
          throw new ArrayFormatException("tensor '" + name + "': data offsets " + java.util.Arrays.toString(offs)
              + " lie outside the file's " + (size - dataStart) + " data bytes");
        }
        long need;
        try {
          need = dev.tangent.spi.Sizes.bytes(dev.tangent.spi.Sizes.count(declared), dt.bytes, "tensor '" + name + "'");
        } catch (dev.tangent.spi.Sizes.Invalid ex) {
          throw new ArrayFormatException("tensor '" + name + "': " + ex.getMessage());
        }
        if (need != offs[1] - offs[0]) {
          throw new ArrayFormatException("tensor '" + name + "': shape " + dev.tangent.spi.Sizes.text(declared) + " of "
              + dt.safetensors + " needs " + need + " bytes, but its data offsets span " + (offs[1] - offs[0]));
        }
        int[] shape = new int[declared.length];
        for (int i = 0; i < shape.length; i++) {
          if (declared[i] > Integer.MAX_VALUE) {
            throw new ArrayFormatException("tensor '" + name + "': dimension " + declared[i] + " is too large (at most 2^31 - 1)");
          }
          shape[i] = (int) declared[i];
        }
        ByteBuffer data = ByteBuffer.allocate(dev.tangent.spi.Sizes.arrayLength(need, "tensor '" + name + "'"));
        readFully(ch, data, dataStart + offs[0]);
        try {
          tensors.put(name, new NdArray(dt, shape, data.array()));
        } catch (IllegalArgumentException ex) {
          throw new ArrayFormatException("tensor '" + name + "': " + ex.getMessage());
        }
      }
      return new File(tensors, metadata);
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
    while (b.hasRemaining()) {
      int n = ch.read(b, pos + b.position());
      if (n < 0) throw new ArrayFormatException("unexpected end of .safetensors file");
    }
  }

  private static long[] longs(Object v, String name) throws ArrayFormatException {
    if (!(v instanceof List<?> l)) throw new ArrayFormatException("tensor '" + name + "': expected a list of integers");
    long[] out = new long[l.size()];
    for (int i = 0; i < out.length; i++) {
      Object x = l.get(i);
      if (!(x instanceof Number n)) throw new ArrayFormatException("tensor '" + name + "': expected integers");
      double d = n.doubleValue();
      // MiniJson reads numbers as doubles or longs: refuse fractions and values beyond a long.
      if (x instanceof Double && (d != Math.rint(d) || Math.abs(d) >= 9.2e18)) {
        throw new ArrayFormatException("tensor '" + name + "': " + d + " is not a valid size or offset");
      }
      out[i] = n.longValue();
    }
    return out;
  }

  public static void write(Path path, Map<String, NdArray> tensors, Map<String, String> metadata) throws IOException {
    StringBuilder h = new StringBuilder("{");
    boolean first = true;
    if (metadata != null && !metadata.isEmpty()) {
      h.append("\"__metadata__\":{");
      boolean f2 = true;
      for (Map.Entry<String, String> e : metadata.entrySet()) {
        if (!f2) h.append(',');
        f2 = false;
        MiniJson.quote(h, e.getKey());
        h.append(':');
        MiniJson.quote(h, e.getValue());
      }
      h.append('}');
      first = false;
    }
    long offset = 0;
    List<NdArray> order = new ArrayList<>();
    for (Map.Entry<String, NdArray> e : tensors.entrySet()) {
      NdArray a = e.getValue();
      if (!first) h.append(',');
      first = false;
      MiniJson.quote(h, e.getKey());
      h.append(":{\"dtype\":\"").append(a.dtype.safetensors).append("\",\"shape\":[");
      for (int i = 0; i < a.shape.length; i++) h.append(i > 0 ? "," : "").append(a.shape[i]);
      long end = offset + a.bytes().length;
      h.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
      offset = end;
      order.add(a);
    }
    h.append('}');
    byte[] hb = h.toString().getBytes(StandardCharsets.UTF_8);
    int pad = (8 - hb.length % 8) % 8;
    byte[] header = new byte[hb.length + pad];
    System.arraycopy(hb, 0, header, 0, hb.length);
    for (int i = hb.length; i < header.length; i++) header[i] = ' ';
    AtomicFiles.write(path, out -> {
      ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length);
      out.write(len.array());
      out.write(header);
      for (NdArray a : order) out.write(a.bytes());
    });
  }

  /** True when the file starts like a safetensors file (for format sniffing). */
  public static boolean looksLike(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      byte[] b = in.readNBytes(9);
      return b.length == 9 && b[8] == '{';
    }
  }
}
