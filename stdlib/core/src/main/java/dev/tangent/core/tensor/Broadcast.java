package dev.tangent.core.tensor;

import dev.tangent.spi.TangentError;
import java.util.Arrays;

/** numpy broadcasting: trailing dimensions must match or be 1. */
final class Broadcast {
  private Broadcast() {}

  static int[] shape(int[] a, int[] b, String op) {
    int n = Math.max(a.length, b.length);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      int da = i < n - a.length ? 1 : a[i - (n - a.length)];
      int db = i < n - b.length ? 1 : b[i - (n - b.length)];
      if (da != db && da != 1 && db != 1) {
        throw TangentError.runtime("shapes " + Tensor.shapeText(a) + " and " + Tensor.shapeText(b)
            + " do not broadcast for " + op);
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  /** For each element of the broadcast shape, the flat offset of its source in a tensor of shape src. */
  static int[] sourceOffsets(int[] src, int[] shape) {
    int n = shape.length;
    if (src.length > n) throw incompatible(src, shape);
    int[] strides = new int[n];
    int[] srcStrides = Tensor.strides(src);
    for (int i = 0; i < n; i++) {
      int j = i - (n - src.length);
      int d = j < 0 ? 1 : src[j];
      if (d != 1 && d != shape[i]) throw incompatible(src, shape);
      strides[i] = d == 1 ? 0 : srcStrides[j];
    }
    int total = Tensor.size(shape);
    int[] out = new int[total];
    int[] idx = new int[n];
    int off = 0;
    for (int k = 0; k < total; k++) {
      out[k] = off;
      for (int i = n - 1; i >= 0; i--) {
        off += strides[i];
        if (++idx[i] < shape[i]) break;
        off -= strides[i] * idx[i];
        idx[i] = 0;
      }
    }
    return out;
  }

  private static TangentError incompatible(int[] src, int[] shape) {
    return TangentError.runtime("cannot broadcast shape " + Tensor.shapeText(src) + " to " + Tensor.shapeText(shape));
  }

  /** t repeated along size-1 and missing leading dimensions to the given shape. */
  static Tensor to(Tensor t, int[] shape) {
    return to(t, shape, Placement.wantBackend(Tensor.size(shape), t));
  }

  /** As to(t, shape), placed where the operation that needs it decided (an operand of a larger one). */
  static Tensor to(Tensor t, int[] shape, boolean onBackend) {
    if (Arrays.equals(t.shape, shape)) return t;
    int[] offsets = sourceOffsets(t.shape, shape);
    return new Tensor(shape.clone(), Gather.take(t.storage, offsets, onBackend));
  }
}
