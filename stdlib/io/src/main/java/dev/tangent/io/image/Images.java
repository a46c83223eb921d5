package dev.tangent.io.image;

import dev.tangent.io.array.ArrayFormatException;
import dev.tangent.io.array.DType;
import dev.tangent.io.array.NdArray;
import dev.tangent.spi.AtomicFiles;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * PNG and JPEG through javax.imageio (headless). Pixels come out as an array of shape [H, W]
 * (grey) or [H, W, C] (C = 2 grey+alpha, 3 RGB, 4 RGBA), with the file's own sample values:
 * 0..255, or 0..65535 for 16-bit PNGs. Palette images are expanded to RGB(A).
 */
public final class Images {
  private Images() {}

  static {
    System.setProperty("java.awt.headless", "true");
  }

  public enum Mode { AUTO, GREY, RGB, RGBA }

  public static Mode mode(String s) {
    switch (s.toLowerCase(Locale.ROOT)) {
      case "auto": return Mode.AUTO;
      case "grey": case "gray": case "l": return Mode.GREY;
      case "rgb": return Mode.RGB;
      case "rgba": return Mode.RGBA;
      default: return null;
    }
  }

  public static NdArray read(Path file, Mode mode) throws IOException {
    BufferedImage img;
    try (InputStream in = Files.newInputStream(file); ImageInputStream iis = ImageIO.createImageInputStream(in)) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
      if (!readers.hasNext()) throw new ArrayFormatException("not a PNG or JPEG image (no decoder recognises its first bytes)");
      ImageReader r = readers.next();
      try {
        r.setInput(iis, true, true);
        checkDeclaredSize(r.getWidth(0), r.getHeight(0), r.getFormatName().toUpperCase(Locale.ROOT));
        img = r.read(0);
      } catch (ArrayFormatException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        throw new ArrayFormatException("corrupt or unsupported " + r.getFormatName().toUpperCase(Locale.ROOT) + " image ("
            + (e.getMessage() == null ? "its data cannot be decoded" : dev.tangent.spi.Printable.of(e.getMessage(), 120)) + ")");
      } finally {
        r.dispose();
      }
    }
    return pixels(img, mode);
  }

  /**
   * A header may declare any size in a few bytes (a decompression bomb): refuse what no array can
   * hold, or more than the interpreter's allocation ceiling, before decoding.
   */
  private static void checkDeclaredSize(int w, int h, String format) throws ArrayFormatException {
    long samples = (long) w * h * 4;
    if (w <= 0 || h <= 0) throw new ArrayFormatException(format + " image declares " + w + "×" + h + " pixels");
    if (samples > dev.tangent.spi.Sizes.MAX_ARRAY) {
      throw new ArrayFormatException(format + " image of " + w + "×" + h + " pixels is too large to load (at most 2^31 samples)");
    }
    try {
      dev.tangent.spi.Sizes.checkAllocation(samples, format + " image of " + w + "×" + h + " pixels");
    } catch (dev.tangent.spi.TangentError e) {
      throw new ArrayFormatException(e.getMessage());
    }
  }

  /** The image's samples in [H, W(, C)] layout. */
  public static NdArray pixels(BufferedImage img, Mode mode) {
    ColorModel cm = img.getColorModel();
    Raster raster = img.getRaster();
    int w = img.getWidth(), h = img.getHeight();
    int bits = cm.getComponentSize(0);
    boolean wide = !(cm instanceof IndexColorModel) && bits > 8;
    int fileChannels = cm instanceof IndexColorModel ? (cm.hasAlpha() ? 4 : 3) : cm.getNumComponents();
    double[] samples;
    int channels;
    if (cm instanceof IndexColorModel || !(fileChannels == 1 || fileChannels == 2 || fileChannels == 3 || fileChannels == 4)
        || (fileChannels >= 3 && cm.getColorSpace().getType() != java.awt.color.ColorSpace.TYPE_RGB)) {
      channels = cm.hasAlpha() ? 4 : 3;
      samples = argb(img, channels);
      wide = false;
    } else {
      channels = fileChannels;
      samples = new double[w * h * channels];
      double[] band = new double[w * h];
      for (int b = 0; b < channels; b++) {
        raster.getSamples(0, 0, w, h, b, band);
        for (int i = 0; i < band.length; i++) samples[i * channels + b] = band[i];
      }
    }
    double max = wide ? 65535 : 255;
    double[] out = convert(samples, w * h, channels, mode, max);
    int outChannels = out.length / (w * h);
    int[] shape = outChannels == 1 ? new int[] {h, w} : new int[] {h, w, outChannels};
    return NdArray.ofValues(wide ? DType.U16 : DType.U8, shape, out);
  }

  private static double[] argb(BufferedImage img, int channels) {
    int w = img.getWidth(), h = img.getHeight();
    int[] px = img.getRGB(0, 0, w, h, null, 0, w);
    double[] out = new double[w * h * channels];
    for (int i = 0; i < px.length; i++) {
      int p = px[i];
      out[i * channels] = (p >> 16) & 0xff;
      out[i * channels + 1] = (p >> 8) & 0xff;
      out[i * channels + 2] = p & 0xff;
      if (channels == 4) out[i * channels + 3] = (p >>> 24) & 0xff;
    }
    return out;
  }

  /** Grey from RGB by ITU-R 601 luma (as PIL's "L"); added alpha is opaque. */
  private static double[] convert(double[] s, int n, int c, Mode mode, double max) {
    boolean alpha = c == 2 || c == 4;
    int colour = alpha ? c - 1 : c;
    switch (mode) {
      case AUTO:
        return s;
      case GREY: {
        if (c == 1) return s;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
          out[i] = colour == 1 ? s[i * c]
              : Math.rint(0.299 * s[i * c] + 0.587 * s[i * c + 1] + 0.114 * s[i * c + 2]);
        }
        return out;
      }
      default: {
        int k = mode == Mode.RGBA ? 4 : 3;
        double[] out = new double[n * k];
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < 3; j++) out[i * k + j] = colour == 1 ? s[i * c] : s[i * c + j];
          if (k == 4) out[i * k + 3] = alpha ? s[i * c + c - 1] : max;
        }
        return out;
      }
    }
  }

  /**
   * Writes samples (already 0..255, or 0..65535 with {@code sixteen}) of shape [H, W] or
   * [H, W, C] as PNG or JPEG, chosen by the file name; atomically.
   */
  public static void write(Path file, int[] shape, double[] samples, boolean sixteen, float quality) throws IOException {
    String format = format(file);
    if (format == null) throw new ArrayFormatException("the image name must end in .png, .jpg or .jpeg");
    int h = shape[0], w = shape[1], c = shape.length == 3 ? shape[2] : 1;
    if (format.equals("jpeg") && (c == 2 || c == 4)) throw new ArrayFormatException("JPEG has no alpha channel: save RGBA or grey+alpha as .png");
    if (format.equals("jpeg") && sixteen) throw new ArrayFormatException("JPEG holds 8-bit samples only: save 16-bit images as .png");
    BufferedImage img = image(w, h, c, sixteen);
    WritableRaster r = img.getRaster();
    double[] band = new double[w * h];
    for (int b = 0; b < c; b++) {
      for (int i = 0; i < band.length; i++) band[i] = samples[i * c + b];
      r.setSamples(0, 0, w, h, b, band);
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
    try {
      AtomicFiles.write(file, os -> {
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(os)) {
          writer.setOutput(ios);
          ImageWriteParam p = writer.getDefaultWriteParam();
          if (format.equals("jpeg")) {
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
          }
          writer.write(null, new IIOImage(img, null, null), p);
        }
      });
    } finally {
      writer.dispose();
    }
  }

  private static BufferedImage image(int w, int h, int c, boolean sixteen) {
    if (c == 1) return new BufferedImage(w, h, sixteen ? BufferedImage.TYPE_USHORT_GRAY : BufferedImage.TYPE_BYTE_GRAY);
    if (!sixteen && c == 3) return new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    if (!sixteen && c == 4) return new BufferedImage(w, h, BufferedImage.TYPE_4BYTE_ABGR);
    boolean alpha = c == 2 || c == 4;
    java.awt.color.ColorSpace cs = java.awt.color.ColorSpace.getInstance(c <= 2 ? java.awt.color.ColorSpace.CS_GRAY : java.awt.color.ColorSpace.CS_sRGB);
    int type = sixteen ? java.awt.image.DataBuffer.TYPE_USHORT : java.awt.image.DataBuffer.TYPE_BYTE;
    ColorModel cm = new java.awt.image.ComponentColorModel(cs, alpha, false, alpha ? java.awt.Transparency.TRANSLUCENT : java.awt.Transparency.OPAQUE, type);
    return new BufferedImage(cm, cm.createCompatibleWritableRaster(w, h), false, null);
  }

  /** "png" or "jpeg" by the file's extension, else null. */
  public static String format(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".png")) return "png";
    if (n.endsWith(".jpg") || n.endsWith(".jpeg")) return "jpeg";
    return null;
  }
}
