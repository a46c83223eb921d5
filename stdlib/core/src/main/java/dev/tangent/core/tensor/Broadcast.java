package dev.tangent.core.tensor;

import dev.tangent.diag.TangentError;
import java.util.function.DoubleBinaryOperator;

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

  static Tensor apply(Tensor a, Tensor b, DoubleBinaryOperator f, String op) {
    if (java.util.Arrays.equals(a.shape, b.shape)) {
      double[] out = new double[a.data.length];
      for (int i = 0; i < out.length; i++) out[i] = f.applyAsDouble(a.data[i], b.data[i]);
      return new Tensor(a.shape.clone(), out);
    }
    if (b.data.length == 1 && b.shape.length <= a.shape.length) {
      double y = b.data[0];
      double[] out = new double[a.data.length];
      for (int i = 0; i < out.length; i++) out[i] = f.applyAsDouble(a.data[i], y);
      return new Tensor(a.shape.clone(), out);
    }
    if (a.data.length == 1 && a.shape.length <= b.shape.length) {
      double x = a.data[0];
      double[] out = new double[b.data.length];
      for (int i = 0; i < out.length; i++) out[i] = f.applyAsDouble(x, b.data[i]);
      return new Tensor(b.shape.clone(), out);
    }
    int[] shape = shape(a.shape, b.shape, op);
    Tensor ea = to(a, shape);
    Tensor eb = to(b, shape);
    double[] out = new double[ea.data.length];
    for (int i = 0; i < out.length; i++) out[i] = f.applyAsDouble(ea.data[i], eb.data[i]);
    return new Tensor(shape, out);
  }

  /** Expands t to the given shape by repeating size-1 and missing leading dimensions. */
  static Tensor to(Tensor t, int[] shape) {
    if (java.util.Arrays.equals(t.shape, shape)) return t;
    int n = shape.length;
    if (t.shape.length > n) {
      throw TangentError.runtime("cannot broadcast shape " + Tensor.shapeText(t.shape) + " to " + Tensor.shapeText(shape));
    }
    int[] src = new int[n];
    for (int i = 0; i < n; i++) {
      int d = i < n - t.shape.length ? 1 : t.shape[i - (n - t.shape.length)];
      if (d != 1 && d != shape[i]) {
        throw TangentError.runtime("cannot broadcast shape " + Tensor.shapeText(t.shape) + " to " + Tensor.shapeText(shape));
      }
      src[i] = d;
    }
    int[] srcStrides = Tensor.strides(src);
    int total = Tensor.size(shape);
    double[] out = new double[total];
    int[] idx = new int[n];
    for (int k = 0; k < total; k++) {
      int off = 0;
      for (int i = 0; i < n; i++) if (src[i] != 1) off += idx[i] * srcStrides[i];
      out[k] = t.data[off];
      for (int i = n - 1; i >= 0; i--) {
        if (++idx[i] < shape[i]) break;
        idx[i] = 0;
      }
    }
    return new Tensor(shape.clone(), out);
  }
}
