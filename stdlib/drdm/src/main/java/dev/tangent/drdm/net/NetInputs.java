package dev.tangent.drdm.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.nn.engine.Owned;
import dev.tangent.spi.TangentError;
import dev.tangent.nn.value.DTensor;
import dev.tangent.spi.Display;
import dev.tangent.spi.Ints;
import dev.tangent.spi.TList;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.util.List;

/** Checks and normalises what a network is called with: images to [B, 1, X...], t to int64 [B]. */
public final class NetInputs {
  private NetInputs() {}

  /** A batch of images [B, 1, X...] and whether the caller's input had the batch axis. */
  public record Images(NDArray nd, boolean batched) {}

  /** [X...], [1, X...] or [B, 1, X...] for an nd-dimensional network. */
  public static Images images(NDArray x, int dims, String fn) {
    Shape s = x.getShape();
    int rank = s.dimension();
    String forms = dims == 2 ? "[H, W], [1, H, W] or [B, 1, H, W]" : "[D, H, W], [1, D, H, W] or [B, 1, D, H, W]";
    NDArray b;
    boolean batched;
    if (rank == dims) {
      b = x.reshape(prepend(s, 1, 1));
      batched = false;
    } else if (rank == dims + 1) {
      if (s.get(0) != 1) throw channels(fn, s.get(0), s, forms);
      b = x.expandDims(0);
      batched = false;
    } else if (rank == dims + 2) {
      if (s.get(1) != 1) throw channels(fn, s.get(1), s, forms);
      b = x;
      batched = true;
    } else {
      throw TangentError.runtime(fn + ": the " + dims + "-D network takes an image " + forms + ", got shape " + s);
    }
    checkSides(b.getShape(), dims, fn);
    if (!b.getDataType().isFloating()) b = b.toType(DataType.FLOAT32, false);
    return new Images(b, batched);
  }

  private static TangentError channels(String fn, long c, Shape s, String forms) {
    return TangentError.runtime(fn + ": the network takes 1 image channel, got " + c + " (shape " + s + ")")
        .withHint("images are " + forms);
  }

  /** Every side a positive multiple of 8 (three stride-2 levels). */
  public static void checkSides(Shape batch, int dims, String fn) {
    for (int k = 0; k < dims; k++) {
      long side = batch.get(2 + k);
      if (side < RecResACNet.SIDE_MULTIPLE || side % RecResACNet.SIDE_MULTIPLE != 0) {
        throw TangentError.runtime(fn + ": every image side must be a multiple of " + RecResACNet.SIDE_MULTIPLE
            + " (the network halves it three times), got " + shapeText(batch.slice(2)))
            .withHint("pad or resize the image, e.g. to " + Math.max(8, (side + 7) / 8 * 8));
      }
    }
  }

  /** t: a number (every sample) or one per sample (a list, Tensor or DTensor), integers in 0..steps-1. */
  public static NDArray steps(Object t, long batch, int steps, NDManager m, String fn) {
    long[] v;
    if (t instanceof Double) {
      v = new long[(int) batch];
      java.util.Arrays.fill(v, step(t, steps, fn));
    } else {
      double[] raw;
      if (t instanceof TList || t instanceof Tuple) {
        List<Object> items = t instanceof TList l ? l.items : ((Tuple) t).list();
        raw = new double[items.size()];
        for (int i = 0; i < raw.length; i++) {
          if (!(items.get(i) instanceof Double d)) throw TangentError.runtime(fn + ": t must hold integers, got " + Types.typeName(items.get(i)));
          raw[i] = d;
        }
      } else if (t instanceof Tensor tt) {
        raw = tt.toDoubleArray();
      } else if (t instanceof DTensor d) {
        raw = d.nd().toType(DataType.FLOAT64, false).toDoubleArray();
      } else {
        throw TangentError.runtime(fn + ": t must be an integer or a list of integers, got " + Types.typeName(t));
      }
      if (raw.length != batch) {
        throw TangentError.runtime(fn + ": " + raw.length + " time steps for a batch of " + batch + " images");
      }
      v = new long[raw.length];
      for (int i = 0; i < raw.length; i++) v[i] = step(raw[i], steps, fn);
    }
    return Owned.of(m, v, new Shape(v.length));
  }

  public static long step(Object t, int steps, String fn) {
    double d = (Double) t;
    if (d != Math.rint(d)) throw TangentError.runtime(fn + ": the time step must be an integer, got " + Display.str(d));
    long k = Ints.toLong(d, fn + ": t");
    if (k < 0 || k >= steps) {
      throw TangentError.runtime(fn + ": the time step " + k + " is out of range 0.." + (steps - 1));
    }
    return k;
  }

  static long[] prepend(Shape s, long... front) {
    long[] out = new long[front.length + s.dimension()];
    System.arraycopy(front, 0, out, 0, front.length);
    for (int i = 0; i < s.dimension(); i++) out[front.length + i] = s.get(i);
    return out;
  }

  static String shapeText(Shape s) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < s.dimension(); i++) sb.append(i > 0 ? ", " : "").append(s.get(i));
    return sb.append(')').toString();
  }
}
