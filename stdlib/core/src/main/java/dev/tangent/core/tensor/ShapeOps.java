package dev.tangent.core.tensor;

import dev.tangent.spi.TangentError;
import dev.tangent.spi.Types;
import java.util.Arrays;
import java.util.List;

/** reshape, permute, concat, stack, squeeze, unsqueeze, where: shape checks name both shapes. */
final class ShapeOps {
  private ShapeOps() {}

  static int axis(int axis, int ndim, String fn) {
    int a = axis < 0 ? axis + ndim : axis;
    if (a < 0 || a >= ndim) {
      throw TangentError.runtime(fn + "(): axis " + axis + " is out of range for a " + ndim + "-d tensor");
    }
    return a;
  }

  static Tensor reshape(Tensor t, int[] newShape) {
    int[] s = newShape.clone();
    int infer = -1;
    long known = 1;
    for (int i = 0; i < s.length; i++) {
      if (s[i] == -1) {
        if (infer >= 0) throw TangentError.runtime("reshape(): only one dimension may be -1, got " + Tensor.shapeText(newShape));
        infer = i;
      } else if (s[i] < 0) {
        throw TangentError.runtime("reshape(): negative dimension in " + Tensor.shapeText(newShape));
      } else {
        known *= s[i];
      }
    }
    int n = t.size();
    if (infer >= 0) {
      if (known == 0 || n % known != 0) {
        throw TangentError.runtime("reshape(): cannot reshape a tensor of shape " + Tensor.shapeText(t.shape) + " into " + Tensor.shapeText(newShape));
      }
      s[infer] = (int) (n / known);
    }
    if (Tensor.size(s) != n) {
      throw TangentError.runtime("reshape(): cannot reshape a tensor of shape " + Tensor.shapeText(t.shape) + " (" + n
          + " elements) into " + Tensor.shapeText(s));
    }
    return new Tensor(s, t.storage.copy());
  }

  static Tensor permute(Tensor t, int[] perm) {
    int n = t.ndim();
    if (perm.length != n) {
      throw TangentError.runtime("permute(): a tensor of shape " + Tensor.shapeText(t.shape) + " needs " + n + " axes, got " + Arrays.toString(perm));
    }
    boolean[] seen = new boolean[n];
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = axis(perm[i], n, "permute");
      if (seen[p[i]]) throw TangentError.runtime("permute(): axis " + perm[i] + " repeated in " + Arrays.toString(perm));
      seen[p[i]] = true;
    }
    int[] newShape = new int[n];
    int[] srcStrides = Tensor.strides(t.shape);
    int[] strides = new int[n];
    for (int i = 0; i < n; i++) {
      newShape[i] = t.shape[p[i]];
      strides[i] = srcStrides[p[i]];
    }
    return new Tensor(newShape, Gather.take(t.storage, strided(newShape, strides), Placement.wantBackend(t.size(), t)));
  }

  /** Offsets of a strided walk over shape. */
  static int[] strided(int[] shape, int[] strides) {
    int total = Tensor.size(shape);
    int[] out = new int[total];
    int n = shape.length;
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

  static Tensor transpose(Tensor t) {
    Tensor small = SmallTensors.transpose(t);
    if (small != null) return small;
    int n = t.ndim();
    if (n < 2) return t.copy();
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) perm[i] = n - 1 - i;
    return permute(t, perm);
  }

  /** Swaps two axes (numpy's swapaxes; transpose(x, a, b)). */
  static Tensor swap(Tensor t, int a, int b) {
    int n = t.ndim();
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) perm[i] = i;
    a = axis(a, n, "transpose");
    b = axis(b, n, "transpose");
    perm[a] = b;
    perm[b] = a;
    return permute(t, perm);
  }

  static Tensor[] tensors(List<Object> xs, String fn) {
    if (xs.isEmpty()) throw TangentError.runtime(fn + "() needs at least one tensor");
    Tensor[] ts = new Tensor[xs.size()];
    for (int i = 0; i < ts.length; i++) {
      Object x = xs.get(i);
      ts[i] = Tensor.coerce(x);
      if (ts[i] == null) throw TangentError.runtime(fn + "(): item " + i + " is a " + Types.typeName(x) + ", not a Tensor");
    }
    return ts;
  }

  static Tensor concat(List<Object> xs, int axisArg) {
    Tensor[] ts = tensors(xs, "concat");
    int n = ts[0].ndim();
    if (n == 0) throw TangentError.runtime("concat() cannot join 0-d tensors; use stack()");
    int axis = axis(axisArg, n, "concat");
    int total = 0;
    DType dtype = ts[0].dtype;
    for (Tensor t : ts) {
      if (t.ndim() != n) {
        throw TangentError.runtime("concat(): shapes " + Tensor.shapeText(ts[0].shape) + " and " + Tensor.shapeText(t.shape) + " have different numbers of dimensions");
      }
      for (int d = 0; d < n; d++) {
        if (d != axis && t.shape[d] != ts[0].shape[d]) {
          throw TangentError.runtime("concat(): shapes " + Tensor.shapeText(ts[0].shape) + " and " + Tensor.shapeText(t.shape) + " differ off axis " + axis);
        }
      }
      total += t.shape[axis];
      dtype = DType.promote(dtype, t.dtype);
    }
    int[] shape = ts[0].shape.clone();
    shape[axis] = total;
    int outer = 1;
    for (int d = 0; d < axis; d++) outer *= shape[d];
    int size = Tensor.size(shape);
    HeapStorage out = HeapStorage.allocate(dtype, size);
    int pos = 0;
    Storage[] parts = new Storage[ts.length];
    for (int i = 0; i < ts.length; i++) parts[i] = ts[i].astype(dtype).storage;
    boolean big = Placement.wantBackend(size, ts);
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < ts.length; i++) {
        int chunk = ts[i].size() / Math.max(outer, 1);
        copy(parts[i], o * chunk, out, pos, chunk);
        pos += chunk;
      }
    }
    return new Tensor(shape, Placement.place(out, big));
  }

  private static void copy(Storage from, int at, HeapStorage to, int pos, int n) {
    Object a = to.heapArray();
    if (a instanceof double[] d) from.read(at, d, pos, n);
    else if (a instanceof float[] f) from.read(at, f, pos, n);
    else if (a instanceof long[] l) from.read(at, l, pos, n);
    else for (int i = 0; i < n; i++) to.setDouble(pos + i, from.getDouble(at + i));
  }

  static Tensor stack(List<Object> xs, int axisArg) {
    Tensor[] ts = tensors(xs, "stack");
    int n = ts[0].ndim();
    int axis = axis(axisArg, n + 1, "stack");
    for (Tensor t : ts) {
      if (!Arrays.equals(t.shape, ts[0].shape)) {
        throw TangentError.runtime("stack(): shapes " + Tensor.shapeText(ts[0].shape) + " and " + Tensor.shapeText(t.shape) + " differ");
      }
    }
    Object[] parts = new Object[ts.length];
    for (int i = 0; i < ts.length; i++) parts[i] = unsqueeze(ts[i], axis);
    return concat(Arrays.asList(parts), axis);
  }

  static Tensor unsqueeze(Tensor t, int axisArg) {
    int n = t.ndim();
    int axis = axis(axisArg, n + 1, "unsqueeze");
    int[] s = new int[n + 1];
    for (int d = 0, j = 0; d <= n; d++) s[d] = d == axis ? 1 : t.shape[j++];
    return new Tensor(s, t.storage.copy());
  }

  /** Removes the given size-1 axis, or every size-1 axis when axis is null. */
  static Tensor squeeze(Tensor t, Integer axisArg) {
    int n = t.ndim();
    if (axisArg != null) {
      int axis = axis(axisArg, n, "squeeze");
      if (t.shape[axis] != 1) {
        throw TangentError.runtime("squeeze(): axis " + axisArg + " of shape " + Tensor.shapeText(t.shape) + " has size " + t.shape[axis] + ", not 1");
      }
      int[] s = new int[n - 1];
      for (int d = 0, j = 0; d < n; d++) if (d != axis) s[j++] = t.shape[d];
      return new Tensor(s, t.storage.copy());
    }
    return new Tensor(Arrays.stream(t.shape).filter(d -> d != 1).toArray(), t.storage.copy());
  }

  /** where(cond, a, b): a where cond is true, else b, all broadcast together. */
  static Tensor where(Tensor cond, Tensor a, Tensor b) {
    if (cond.dtype != DType.BOOL) {
      throw TangentError.runtime("where(): the condition must be a bool tensor, got dtype " + cond.dtype);
    }
    int[] shape = Broadcast.shape(Broadcast.shape(cond.shape, a.shape, "where"), b.shape, "where");
    DType t = DType.promote(a.dtype, b.dtype);
    boolean[] c = Broadcast.to(cond, shape, false).storage.toBools();   // read into Java arrays below
    Tensor x = Broadcast.to(a.astype(t), shape, false);
    Tensor y = Broadcast.to(b.astype(t), shape, false);
    HeapStorage out = HeapStorage.allocate(t, c.length);
    if (t == DType.I64) {
      long[] xv = x.storage.toLongs();
      long[] yv = y.storage.toLongs();
      for (int i = 0; i < c.length; i++) out.setLong(i, c[i] ? xv[i] : yv[i]);
    } else {
      double[] xv = x.storage.toDoubles();
      double[] yv = y.storage.toDoubles();
      for (int i = 0; i < c.length; i++) out.setDouble(i, c[i] ? xv[i] : yv[i]);
    }
    return new Tensor(shape, Placement.place(out, Placement.wantBackend(c.length, cond, a, b)));
  }
}
