package dev.tangent.io;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.io.image.Images;
import dev.tangent.spi.Args;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Display;
import dev.tangent.spi.Nil;
import dev.tangent.spi.ModuleBuilder;
import java.io.IOException;
import java.nio.file.Path;

/** load_image / save_image: PNG and JPEG pictures as tensors [H, W] or [H, W, C]. */
final class ImageBuiltins {
  private ImageBuiltins() {}

  static Builtin[] define(ModuleBuilder m) {
    Builtin[] fns = {
        Builtin.of("load_image(path, mode='auto')",
            "A PNG or JPEG picture as a tensor of the file's sample values (0..255; 0..65535 for 16-bit PNG): "
                + "[H, W] for grey, [H, W, 3] RGB, [H, W, 4] RGBA. mode: \"grey\", \"rgb\" or \"rgba\" converts.",
            a -> {
              Path p = ArrayBuiltins.readable(a, 0);
              Images.Mode mode = Images.mode(a.str(1, "auto"));
              if (mode == null) throw TangentError.runtime("load_image(): mode must be \"auto\", \"grey\", \"rgb\" or \"rgba\", got \"" + a.str(1) + "\"");
              try {
                return ArrayConvert.toTensor(Images.read(p, mode));
              } catch (IOException e) {
                throw ArrayBuiltins.failure("load_image", p, e);
              }
            }),
        Builtin.of("save_image(path, image, vmin=nil, vmax=nil, quality=0.92, bits=8)",
            "Writes a tensor [H, W], [H, W, 1], [H, W, 3] or [H, W, 4] as PNG or JPEG (by the name). Integer tensors "
                + "are taken as they are (0..255); float tensors in 0..1 are scaled to 0..255, and with vmin/vmax "
                + "any range is mapped linearly (and clipped). bits: 16 for 16-bit PNG.",
            a -> {
              Path p = ArrayBuiltins.writable(a, 0);
              Tensor t = ArrayBuiltins.tensor(a, 1);
              int bits = a.integer(5, 8);
              if (bits != 8 && bits != 16) throw TangentError.runtime("save_image(): bits must be 8 or 16, got " + bits);
              int[] shape = shape(t);
              double[] samples = samples(a, t, bits == 16 ? 65535 : 255);
              float quality = (float) a.num(4, 0.92);
              if (!(quality >= 0 && quality <= 1)) throw TangentError.runtime("save_image(): quality must be between 0 and 1");
              try {
                Images.write(p, shape, samples, bits == 16, quality);
              } catch (IOException e) {
                throw ArrayBuiltins.failure("save_image", p, e);
              }
              return Nil.NIL;
            })};
    m.functions(fns);
    return fns;
  }

  private static int[] shape(Tensor t) {
    int[] s = t.shape();
    boolean ok = s.length == 2 || (s.length == 3 && s[2] >= 1 && s[2] <= 4);
    if (!ok) {
      throw TangentError.runtime("save_image(): an image is [H, W] or [H, W, C] with C = 1, 2, 3 or 4, got shape " + ArrayConvert.shapeText(s));
    }
    if (s[0] == 0 || s[1] == 0) throw TangentError.runtime("save_image(): the image is empty (shape " + ArrayConvert.shapeText(s) + ")");
    return s;
  }

  /** Sample values 0..max from the tensor, by the rules in save_image's doc. */
  static double[] samples(Args a, Tensor t, double max) {
    double[] v = t.toDoubleArray();
    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      if (Double.isNaN(x)) throw TangentError.runtime("save_image(): the image has NaN values");
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    double[] out = new double[v.length];
    if (a.present(2) || a.present(3)) {
      double vmin = a.num(2, lo), vmax = a.num(3, hi);
      double span = vmax > vmin ? vmax - vmin : 1;
      for (int i = 0; i < v.length; i++) out[i] = Math.rint(Math.max(0, Math.min(1, (v[i] - vmin) / span)) * max);
      return out;
    }
    boolean integral = !t.dtype().startsWith("f");
    if (!integral && lo >= 0 && hi <= 1) {
      for (int i = 0; i < v.length; i++) out[i] = Math.rint(v[i] * max);
      return out;
    }
    if (lo < 0 || hi > max) {
      throw TangentError.runtime("save_image(): values span " + Display.number(lo) + ".." + Display.number(hi)
          + ", outside 0.." + Display.number(max) + "; pass vmin: and vmax: to map them");
    }
    for (int i = 0; i < v.length; i++) out[i] = Math.rint(v[i]);
    return out;
  }
}
