package dev.tangent.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.tangent.spi.TangentError;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.layers.Activation;
import dev.tangent.nn.layers.Attention;
import dev.tangent.nn.layers.BatchNorm;
import dev.tangent.nn.layers.Block;
import dev.tangent.nn.layers.Conv;
import dev.tangent.nn.layers.Dropout;
import dev.tangent.nn.layers.Embedding;
import dev.tangent.nn.layers.FunctionBlock;
import dev.tangent.nn.layers.Functional;
import dev.tangent.nn.layers.InstanceNorm;
import dev.tangent.nn.layers.LayerNorm;
import dev.tangent.nn.layers.Linear;
import dev.tangent.nn.layers.ScriptBlock;
import dev.tangent.nn.layers.Sequential;
import dev.tangent.nn.value.DTensor;
import dev.tangent.spi.Args;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Nil;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.Types;
import java.util.ArrayList;
import java.util.List;

/** The layer constructors and the functional forms. */
final class LayerImpl {
  private LayerImpl() {}

  static Object linear(Args a) {
    Session s = Values.session(a);
    return new Linear(s, Values.positive(a, 0), Values.positive(a, 1), a.bool(2, true), Values.dtype(a, 3), Values.device(a, 4, s));
  }

  static Object conv(Args a, int dims, boolean transposed) {
    Session s = Values.session(a);
    int o = transposed ? 1 : 0;
    long[] kernel = Values.sizes(a.get(2), dims, "kernel_size");
    long[] stride = Values.sizes(a.get(3, 1.0), dims, "stride");
    long[] padding = Values.sizes(a.get(4, 0.0), dims, "padding");
    long[] outPad = transposed ? Values.sizes(a.get(5, 0.0), dims, "output_padding") : new long[dims];
    long[] dilation = Values.sizes(a.get(5 + o, 1.0), dims, "dilation");
    for (long k : kernel) if (k < 1) throw TangentError.runtime("kernel_size must be at least 1");
    for (long k : stride) if (k < 1) throw TangentError.runtime("stride must be at least 1");
    for (long k : dilation) if (k < 1) throw TangentError.runtime("dilation must be at least 1");
    for (long k : padding) if (k < 0) throw TangentError.runtime("padding must not be negative");
    int groups = a.integer(6 + o, 1);
    return new Conv(s, dims, transposed, Values.positive(a, 0), Values.positive(a, 1), kernel, stride, padding, outPad, dilation,
        groups, a.bool(7 + o, true), Values.dtype(a, 8 + o), Values.device(a, 9 + o, s));
  }

  static Object instanceNorm(Args a) {
    Session s = Values.session(a);
    return new InstanceNorm(s, Values.positive(a, 0), a.num(1, 1e-5), a.bool(2, false), Values.dtype(a, 3), Values.device(a, 4, s));
  }

  static Object batchNorm(Args a) {
    Session s = Values.session(a);
    return new BatchNorm(s, Values.positive(a, 0), a.num(1, 1e-5), a.num(2, 0.1), Values.dtype(a, 3), Values.device(a, 4, s));
  }

  static Object layerNorm(Args a) {
    Session s = Values.session(a);
    Object v = a.get(0);
    long[] shape = v instanceof Double ? new long[] {Values.positive(a, 0)} : DTensorImpl.dims(List.of(v), "normalized_shape");
    return new LayerNorm(s, new Shape(shape), a.num(1, 1e-5), Values.dtype(a, 2), Values.device(a, 3, s));
  }

  static Object embedding(Args a) {
    Session s = Values.session(a);
    return new Embedding(s, Values.positive(a, 0), Values.positive(a, 1), Values.dtype(a, 2), Values.device(a, 3, s));
  }

  static Object attention(Args a) {
    Session s = Values.session(a);
    long d = Values.positive(a, 0);
    long h = Values.positive(a, 1);
    long dh;
    if (a.present(2)) {
      dh = Values.positive(a, 2);
    } else {
      if (d % h != 0) throw TangentError.runtime("attention(): d_model " + d + " is not divisible by n_heads " + h + "; give d_head");
      dh = d / h;
    }
    return new Attention(s, d, h, dh, a.bool(3, false), Values.dtype(a, 4), Values.device(a, 5, s));
  }

  /** relu(x) applies; relu() makes a block. */
  static Object activation(Args a, String fn, double arg) {
    if (!a.present(0)) return new Activation(fn, arg);
    Values.session(a);
    NDArray x = Values.arg(a, 0, "x");
    int nd = x.getShape().dimension();
    double axisArg = fn.contains("softmax") ? Values.axis(arg, nd, "axis") : arg;
    return DTensor.result(Activation.apply(fn, axisArg, x), a.get(0));
  }

  static Object dropout(Args a) {
    Object first = a.get(0, 0.5);
    if (first instanceof Double p) {
      if (!a.present(1)) return new Dropout(p);
      Session s = Values.session(a);
      Object x = a.get(1);
      if (!(x instanceof DTensor t)) throw a.typeError(1, "a DTensor");
      if (!(p >= 0 && p <= 1)) throw TangentError.runtime("dropout(): p must be in [0, 1], got " + p);
      return DTensor.result(Functional.dropout(s, t.nd(), p, true), t);
    }
    throw a.typeError(0, "a probability (a Number)");
  }

  static Object sequential(Args a) {
    List<Object> items = a.rest();
    if (items.size() == 1 && items.get(0) instanceof TList l) items = l.items;
    List<Block> blocks = new ArrayList<>();
    for (Object o : items) {
      if (o instanceof Block b) blocks.add(b);
      else if (o instanceof Callable c) blocks.add(new FunctionBlock(c));
      else throw TangentError.runtime("sequential(): stages must be Blocks or functions, got " + Types.typeName(o));
    }
    return new Sequential(blocks);
  }

  static Object block(Args a) {
    Session s = Values.session(a);
    Object spec = a.get(1, new TMap());
    if (spec == Nil.NIL) spec = new TMap();
    if (!(spec instanceof TMap m)) throw a.typeError(1, "a Map of name to DTensor/Tensor/Block");
    return new ScriptBlock(s, a.callable(0), m);
  }

  static Object convFn(Args a, boolean transposed) {
    Values.session(a);
    NDArray x = Values.arg(a, 0, "x");
    NDArray w = Values.arg(a, 1, "weight");
    NDArray b = a.present(2) ? Values.arg(a, 2, "bias") : null;
    int dims = w.getShape().dimension() - 2;
    if (dims != 2 && dims != 3) throw TangentError.runtime(a.fn().name() + "(): weight must have 4 or 5 axes, got shape " + w.getShape());
    if (x.getDataType() != w.getDataType() && x.getDataType().isFloating()) x = x.toType(w.getDataType(), false);
    int o = transposed ? 1 : 0;
    long[] stride = Values.sizes(a.get(3, 1.0), dims, "stride");
    long[] padding = Values.sizes(a.get(4, 0.0), dims, "padding");
    long[] outPad = transposed ? Values.sizes(a.get(5, 0.0), dims, "output_padding") : null;
    long[] dilation = Values.sizes(a.get(5 + o, 1.0), dims, "dilation");
    int groups = a.integer(6 + o, 1);
    if (x.getShape().dimension() != dims + 2) throw TangentError.runtime(a.fn().name() + "(): x must be [N, C, " + (dims == 2 ? "H, W" : "D, H, W") + "], got shape " + x.getShape());
    return DTensor.result(transposed
        ? Functional.convTranspose(x, w, b, stride, padding, outPad, dilation, groups)
        : Functional.conv(x, w, b, stride, padding, dilation, groups), a.get(0), a.get(1), a.get(2));
  }
}
