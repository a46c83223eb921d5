package dev.tangent.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.tangent.spi.TangentError;
import dev.tangent.nn.engine.Convert;
import dev.tangent.nn.engine.Devices;
import dev.tangent.nn.engine.Grad;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.layers.Functional;
import dev.tangent.nn.value.DTensor;
import dev.tangent.nn.weights.Weights;
import dev.tangent.spi.Args;
import dev.tangent.spi.Ints;
import dev.tangent.spi.Nil;
import dev.tangent.spi.Operators;
import dev.tangent.spi.TList;
import dev.tangent.spi.Tuple;
import java.util.List;

/** The methods of DTensor. */
final class DTensorImpl {
  private DTensorImpl() {}

  static DTensor self(Args a) { return (DTensor) a.get(0); }

  static NDArray nd(Args a) {
    Session.of(a.ctx());
    return self(a).nd();
  }

  static Object shape(Args a) {
    Shape s = nd(a).getShape();
    Object[] xs = new Object[s.dimension()];
    for (int i = 0; i < xs.length; i++) xs[i] = (double) s.get(i);
    return new Tuple(xs);
  }

  static Object ndim(Args a) { return (double) nd(a).getShape().dimension(); }

  static Object size(Args a) { return (double) nd(a).getShape().size(); }

  static Object dtype(Args a) { return Convert.dtypeName(nd(a).getDataType()); }

  static Object device(Args a) { return nd(a).getDevice().toString(); }

  static Object requiresGrad(Args a) {
    nd(a);
    return self(a).tracked();
  }

  static Object grad(Args a) {
    NDArray x = nd(a);
    if (!x.hasGradient()) return Nil.NIL;
    NDArray g = JniUtils.getGradient((PtNDArray) x);
    return g == null ? Nil.NIL : new DTensor(g);
  }

  static Object tensor(Args a) { return dev.tangent.nn.value.TensorBridge.toTensor(self(a), a.bool(1, false)); }

  static Object item(Args a) {
    NDArray x = nd(a);
    if (x.getShape().size() != 1) throw TangentError.runtime("item(): the DTensor has " + x.getShape().size() + " elements, not 1");
    return x.toType(DataType.FLOAT64, false).toDoubleArray()[0];
  }

  static Object backward(Args a) {
    Grad.backward(nd(a));
    return null;
  }

  static Object detach(Args a) {
    NDArray x = nd(a);
    return new DTensor(Grad.noGrad(() -> x.duplicate()));
  }

  static Object requiresGradSet(Args a) {
    NDArray x = nd(a);
    if (a.bool(1, true) && !x.getDataType().isFloating()) throw TangentError.runtime("only floating-point arrays can require gradients");
    x.setRequiresGradient(a.bool(1, true));
    return a.get(0);
  }

  static Object zeroGrad(Args a) {
    NDArray x = nd(a);
    if (x.hasGradient()) JniUtils.zeroGrad((PtNDArray) x);
    return null;
  }

  static Object assign(Args a) {
    NDArray x = nd(a);
    NDArray v = Values.nd(Session.of(a.ctx()), a.get(1), x.getDataType().isFloating() ? x.getDataType() : DataType.FLOAT32,
        x.getDevice(), "assign(): value");
    if (!v.getShape().equals(x.getShape())) {
      if (v.getShape().size() == 1) v = v.reshape(new Shape()).broadcast(x.getShape());
      else throw TangentError.runtime("assign(): value of shape " + v.getShape() + " does not match " + x.getShape());
    }
    Weights.copyInto(x, v);
    return a.get(0);
  }

  static int[] axes(Object v, int ndim) {
    if (v instanceof Double) return new int[] {Values.axis(v, ndim, "axis")};
    List<Object> items = v instanceof TList l ? l.items : v instanceof Tuple t ? t.list() : null;
    if (items == null) throw TangentError.runtime("axis must be a number or a list of numbers");
    int[] out = new int[items.size()];
    for (int i = 0; i < out.length; i++) out[i] = Values.axis(items.get(i), ndim, "axis");
    return out;
  }

  static Object reduce(Args a, String op) {
    NDArray x = nd(a);
    boolean keep = a.bool(2, false);
    NDArray r;
    if (!a.present(1)) {
      r = op.equals("sum") ? x.sum() : op.equals("mean") ? x.mean() : op.equals("max") ? x.max() : x.min();
    } else {
      int[] ax = axes(a.get(1), x.getShape().dimension());
      java.util.Arrays.sort(ax);
      r = x;
      // One axis at a time, last first, so the remaining axis numbers stay valid.
      for (int i = ax.length - 1; i >= 0; i--) {
        int[] one = {ax[i]};
        r = op.equals("sum") ? r.sum(one, keep) : op.equals("mean") ? r.mean(one, keep) : op.equals("max") ? r.max(one, keep) : r.min(one, keep);
      }
    }
    return DTensor.result(r, self(a));
  }

  static Object argmax(Args a) {
    NDArray x = nd(a);
    if (!a.present(1)) return DTensor.result(x.argMax(), self(a));
    return DTensor.result(x.argMax(Values.axis(a.get(1), x.getShape().dimension(), "axis")), self(a));
  }

  static long[] dims(List<Object> rest, String what) {
    List<Object> d = rest;
    if (rest.size() == 1 && (rest.get(0) instanceof TList || rest.get(0) instanceof Tuple)) {
      d = rest.get(0) instanceof TList l ? l.items : ((Tuple) rest.get(0)).list();
    }
    long[] out = new long[d.size()];
    for (int i = 0; i < out.length; i++) out[i] = Ints.toLong(d.get(i), what);
    return out;
  }

  static Object reshape(Args a) {
    NDArray x = nd(a);
    long[] shape = dims(a.rest(), "reshape(): size");
    long known = 1;
    int infer = -1;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] == -1 && infer < 0) infer = i;
      else known *= shape[i];
    }
    long n = x.getShape().size();
    if (infer >= 0 && known > 0 && n % known == 0) shape[infer] = n / known;
    if (new Shape(shape).size() != n) {
      throw TangentError.runtime("reshape(): cannot reshape " + x.getShape() + " into " + java.util.Arrays.toString(shape));
    }
    return DTensor.result(x.reshape(shape), self(a));
  }

  static Object transpose(Args a, boolean property) {
    NDArray x = nd(a);
    int n = x.getShape().dimension();
    if (property || a.rest().isEmpty()) {
      if (n < 2) return a.get(0);
      int[] perm = new int[n];
      for (int i = 0; i < n; i++) perm[i] = n - 1 - i;
      return DTensor.result(x.transpose(perm), self(a));
    }
    long[] ax = dims(a.rest(), "transpose(): axis");
    if (ax.length != n) throw TangentError.runtime("transpose(): expected " + n + " axes, got " + ax.length);
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) perm[i] = Values.axis((double) ax[i], n, "axis");
    return DTensor.result(x.transpose(perm), self(a));
  }

  static Object squeeze(Args a) {
    NDArray x = nd(a);
    if (!a.present(1)) return DTensor.result(x.squeeze(), self(a));
    int ax = Values.axis(a.get(1), x.getShape().dimension(), "axis");
    if (x.getShape().get(ax) != 1) throw TangentError.runtime("squeeze(): axis " + ax + " has size " + x.getShape().get(ax) + ", not 1");
    return DTensor.result(x.squeeze(ax), self(a));
  }

  static Object unsqueeze(Args a) {
    NDArray x = nd(a);
    return DTensor.result(x.expandDims(Values.axis(a.get(1), x.getShape().dimension() + 1, "axis")), self(a));
  }

  static Object softmax(Args a, boolean log) {
    NDArray x = nd(a);
    int ax = Values.axis(a.get(1, -1.0), x.getShape().dimension(), "axis");
    return DTensor.result(log ? Functional.logSoftmax(x, ax) : Functional.softmax(x, ax), self(a));
  }

  static Object math(Args a, String fn) { return Operators.math(fn, self(a)); }

  static Object relu(Args a) { return DTensor.result(Functional.relu(nd(a)), self(a)); }

  static Object astype(Args a) {
    NDArray x = nd(a);
    return DTensor.result(x.toType(ArrayImpl.dtypeOf(a.str(1)), true), self(a));
  }

  static Object to(Args a) {
    NDArray x = nd(a);
    return DTensor.result(x.toDevice(Devices.resolve(a.str(1), a.ctx()), true), self(a));
  }
}
