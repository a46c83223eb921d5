package dev.tangent.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * An independent PNG decoder for tests (non-interlaced grey, grey+alpha, RGB, RGBA at 8 or 16
 * bits): inflate the IDAT chunks and undo the five row filters of the PNG specification, so
 * what javax.imageio reads can be checked against something it did not compute.
 */
final class TinyPng {
  final int width, height, channels, depth;
  final int[] samples;

  private TinyPng(int w, int h, int c, int d, int[] s) {
    width = w;
    height = h;
    channels = c;
    depth = d;
    samples = s;
  }

  static TinyPng read(Path p) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p));
    b.position(8);
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    int w = 0, h = 0, depth = 0, type = 0;
    byte[] palette = null;
    while (b.remaining() >= 12) {
      int len = b.getInt();
      byte[] t = new byte[4];
      b.get(t);
      byte[] data = new byte[len];
      b.get(data);
      b.getInt();
      String name = new String(t, java.nio.charset.StandardCharsets.US_ASCII);
      if (name.equals("IHDR")) {
        ByteBuffer ih = ByteBuffer.wrap(data);
        w = ih.getInt();
        h = ih.getInt();
        depth = ih.get() & 0xff;
        type = ih.get() & 0xff;
        if (data[12] != 0) throw new IOException("interlaced PNGs are not handled by this test decoder");
      } else if (name.equals("PLTE")) {
        palette = data;
      } else if (name.equals("IDAT")) {
        idat.write(data);
      }
    }
    int channels = switch (type) { case 0, 3 -> 1; case 4 -> 2; case 2 -> 3; case 6 -> 4; default -> throw new IOException("colour type " + type); };
    if (type == 3 && depth != 8) throw new IOException("only 8-bit palettes in this test decoder");
    int bpp = channels * depth / 8;
    int stride = w * bpp;
    byte[] raw = inflate(idat.toByteArray(), h * (stride + 1));
    int[] cur = new int[stride], prev = new int[stride];
    int[] out = new int[w * h * channels];
    for (int y = 0; y < h; y++) {
      int f = raw[y * (stride + 1)] & 0xff;
      for (int x = 0; x < stride; x++) {
        int v = raw[y * (stride + 1) + 1 + x] & 0xff;
        int a = x >= bpp ? cur[x - bpp] : 0, up = prev[x], c = x >= bpp ? prev[x - bpp] : 0;
        int pred = switch (f) {
          case 0 -> 0;
          case 1 -> a;
          case 2 -> up;
          case 3 -> (a + up) / 2;
          case 4 -> paeth(a, up, c);
          default -> throw new IOException("filter " + f);
        };
        cur[x] = (v + pred) & 0xff;
      }
      for (int i = 0; i < w * channels; i++) {
        out[y * w * channels + i] = depth == 16 ? (cur[2 * i] << 8) | cur[2 * i + 1] : cur[i];
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    if (type == 3) {
      int[] rgb = new int[w * h * 3];
      for (int i = 0; i < out.length; i++) for (int k = 0; k < 3; k++) rgb[3 * i + k] = palette[3 * out[i] + k] & 0xff;
      return new TinyPng(w, h, 3, 8, rgb);
    }
    return new TinyPng(w, h, channels, depth, out);
  }

  private static int paeth(int a, int b, int c) {
    int p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  }

  private static byte[] inflate(byte[] z, int size) throws IOException {
    Inflater inf = new Inflater();
    inf.setInput(z);
    byte[] out = new byte[size];
    try {
      int n = 0;
      while (n < size && !inf.finished()) n += inf.inflate(out, n, size - n);
    } catch (DataFormatException e) {
      throw new IOException(e);
    } finally {
      inf.end();
    }
    return out;
  }
}
