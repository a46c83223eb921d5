package dev.tangent.nn.autograd;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.nn.engine.Convert;
import dev.tangent.nn.engine.Errors;
import dev.tangent.nn.engine.Grad;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.layers.Block;
import dev.tangent.nn.value.DTensor;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Context;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * grad(f): the function that returns df/dp for a scalar-valued f(p, ...). p may be a DTensor, a
 * Tensor, a list/tuple/map of them, or a Block (then the result maps parameter names to
 * gradients). The result mirrors p's structure; Tensors give Tensors back. Reverse mode, by
 * libtorch's autograd. With value: true it returns (f(p), grad) instead.
 */
public final class GradFunction implements Callable {
  private final Callable f;
  private final boolean withValue;

  public GradFunction(Callable f, boolean withValue) {
    this.f = f;
    this.withValue = withValue;
  }

  @Override public Object call(Context ctx, Object[] args, String[] names) {
    if (args.length == 0 || (names != null && names.length == args.length)) {
      throw TangentError.runtime(name() + ": pass the parameters to differentiate with respect to first");
    }
    Session s = Session.of(ctx);
    boolean before = Grad.enabled();
    Grad.set(true);
    try {
      List<NDArray> leaves = new ArrayList<>();
      Object p = args[0];
      Object[] call = args.clone();
      if (p instanceof Block b) {
        for (DTensor d : b.allParameters().values()) {
          if (d.nd().hasGradient()) JniUtils.zeroGrad((PtNDArray) d.nd());
        }
      } else {
        call[0] = leaves(s, p, leaves);
      }
      Object out = f.call(ctx, call, names);
      if (!(out instanceof DTensor y)) {
        throw TangentError.runtime(name() + ": the function must return a scalar DTensor, got " + Types.typeName(out));
      }
      if (y.shape().size() != 1) throw TangentError.runtime(name() + ": the function must return a scalar, got shape " + y.shape());
      if (y.tracked()) Grad.backward(y.nd());
      Object grads = p instanceof Block b ? blockGrads(b) : gradients(p, leaves, new int[] {0});
      return withValue ? new Tuple(y, grads) : grads;
    } catch (RuntimeException e) {
      throw Errors.translate(name(), e);
    } finally {
      Grad.set(before);
    }
  }

  /** Fresh leaf copies of every array in p that will collect gradients, in traversal order. */
  private static Object leaves(Session s, Object p, List<NDArray> out) {
    if (p instanceof DTensor d) {
      NDArray a = Grad.noGrad(() -> d.nd().duplicate());
      a.setRequiresGradient(true);
      out.add(a);
      return new DTensor(a);
    }
    if (p instanceof Tensor t) {
      NDArray a = Convert.toNd(s.manager(), t, "f64".equals(t.dtype()) ? ai.djl.ndarray.types.DataType.FLOAT64
          : ai.djl.ndarray.types.DataType.FLOAT32);
      a.setRequiresGradient(true);
      out.add(a);
      return new DTensor(a);
    }
    if (p instanceof TList l) {
      TList r = new TList();
      for (Object x : l.items) r.items.add(leaves(s, x, out));
      return r;
    }
    if (p instanceof Tuple t) {
      Object[] r = new Object[t.size()];
      for (int i = 0; i < r.length; i++) r[i] = leaves(s, t.list().get(i), out);
      return new Tuple(r);
    }
    if (p instanceof TMap m) {
      TMap r = new TMap();
      for (Map.Entry<Object, Object> e : m.entries.entrySet()) r.put(e.getKey(), leaves(s, e.getValue(), out));
      return r;
    }
    if (p instanceof Double) throw TangentError.runtime("grad: differentiate with respect to tensors; wrap numbers with tensor([x])");
    throw TangentError.runtime("grad: cannot differentiate with respect to a " + Types.typeName(p));
  }

  /** The gradients in p's structure; a Tensor leaf gets a Tensor gradient. */
  private static Object gradients(Object p, List<NDArray> leaves, int[] next) {
    if (p instanceof DTensor || p instanceof Tensor) {
      NDArray g = gradOf(leaves.get(next[0]++));
      return p instanceof Tensor ? Convert.toTensor(g) : new DTensor(g);
    }
    if (p instanceof TList l) {
      TList r = new TList();
      for (Object x : l.items) r.items.add(gradients(x, leaves, next));
      return r;
    }
    if (p instanceof Tuple t) {
      Object[] r = new Object[t.size()];
      for (int i = 0; i < r.length; i++) r[i] = gradients(t.list().get(i), leaves, next);
      return new Tuple(r);
    }
    TMap m = (TMap) p;
    TMap r = new TMap();
    for (Map.Entry<Object, Object> e : m.entries.entrySet()) r.put(e.getKey(), gradients(e.getValue(), leaves, next));
    return r;
  }

  private static NDArray gradOf(NDArray leaf) {
    NDArray g = JniUtils.getGradient((PtNDArray) leaf);
    return g == null ? leaf.zerosLike() : g;
  }

  private static TMap blockGrads(Block b) {
    TMap r = new TMap();
    for (Map.Entry<String, DTensor> e : b.allParameters().entrySet()) {
      NDArray w = e.getValue().nd();
      if (w.hasGradient()) r.put(e.getKey(), new DTensor(gradOf(w)));
    }
    return r;
  }

  @Override public String name() { return (withValue ? "value_and_grad(" : "grad(") + f.name() + ")"; }

  @Override public String signature() { return name() + "(params, *args)"; }

  @Override public String doc() { return "The gradient of " + f.name() + " with respect to its first argument."; }

  @Override public String toString() { return "<" + name() + ">"; }

}
