package dev.tangent.core.tensor;

import dev.tangent.diag.TangentError;
import dev.tangent.runtime.Types;
import java.util.List;

/** concat and stack. */
final class Shapes {
  private Shapes() {}

  private static Tensor[] tensors(List<Object> xs, String fn) {
    if (xs.isEmpty()) throw TangentError.runtime(fn + "() needs at least one tensor");
    Tensor[] ts = new Tensor[xs.size()];
    for (int i = 0; i < ts.length; i++) {
      Object x = xs.get(i);
      if (x instanceof Tensor t) ts[i] = t;
      else if (x instanceof Double) ts[i] = Tensor.from(x);
      else ts[i] = Tensor.from(x);
      if (ts[i] == null) throw TangentError.runtime(fn + "(): item " + i + " is a " + Types.typeName(x));
    }
    return ts;
  }

  static Tensor concat(List<Object> xs, int axis) {
    Tensor[] ts = tensors(xs, "concat");
    int n = ts[0].ndim();
    if (n == 0) throw TangentError.runtime("concat() cannot join 0-d tensors; use stack()");
    if (axis < 0) axis += n;
    if (axis < 0 || axis >= n) throw TangentError.runtime("concat(): axis out of range");
    int total = 0;
    for (Tensor t : ts) {
      if (t.ndim() != n) throw TangentError.runtime("concat(): all tensors need " + n + " dimensions");
      for (int d = 0; d < n; d++) {
        if (d != axis && t.shape[d] != ts[0].shape[d]) {
          throw TangentError.runtime("concat(): shapes " + Tensor.shapeText(ts[0].shape) + " and " + Tensor.shapeText(t.shape) + " differ off axis " + axis);
        }
      }
      total += t.shape[axis];
    }
    int[] shape = ts[0].shape.clone();
    shape[axis] = total;
    int outer = 1;
    for (int d = 0; d < axis; d++) outer *= shape[d];
    double[] out = new double[Tensor.size(shape)];
    int pos = 0;
    for (int o = 0; o < outer; o++) {
      for (Tensor t : ts) {
        int chunk = t.size() / outer;
        System.arraycopy(t.data, o * chunk, out, pos, chunk);
        pos += chunk;
      }
    }
    return new Tensor(shape, out);
  }

  static Tensor stack(List<Object> xs, int axis) {
    Tensor[] ts = tensors(xs, "stack");
    int n = ts[0].ndim();
    if (axis < 0) axis += n + 1;
    if (axis < 0 || axis > n) throw TangentError.runtime("stack(): axis out of range");
    for (Tensor t : ts) {
      if (!java.util.Arrays.equals(t.shape, ts[0].shape)) {
        throw TangentError.runtime("stack(): shapes " + Tensor.shapeText(ts[0].shape) + " and " + Tensor.shapeText(t.shape) + " differ");
      }
    }
    int[] expanded = new int[n + 1];
    for (int d = 0, j = 0; d <= n; d++) expanded[d] = d == axis ? 1 : ts[0].shape[j++];
    Object[] parts = new Object[ts.length];
    for (int i = 0; i < ts.length; i++) parts[i] = ts[i].reshape(expanded);
    return concat(java.util.Arrays.asList(parts), axis);
  }
}
