package dev.tangent.nn.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.nn.engine.Convert;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.value.DTensor;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Display;
import dev.tangent.spi.TMap;
import dev.tangent.spi.Types;
import java.util.Map;

/**
 * A block written in the language: a function of (params, inputs...) and its parameters. The
 * params map may hold DTensors or Tensors (trained parameters) and Blocks (sub-networks):
 * <pre>  let mlp = nn.block((p, x) => p.out(nn.relu(x @ p.w + p.b)), {w: ..., b: ..., out: nn.linear(8, 1)})</pre>
 */
public final class ScriptBlock extends Block {
  private final Callable fn;

  public ScriptBlock(Session s, Callable fn, TMap spec) {
    this.fn = fn;
    for (Map.Entry<Object, Object> e : spec.entries.entrySet()) {
      String name = Display.str(e.getKey());
      Object v = e.getValue();
      if (v instanceof Block b) {
        child(name, b);
      } else if (v instanceof DTensor d) {
        NDArray a = d.nd().hasGradient() ? d.nd() : dev.tangent.nn.engine.Grad.noGrad(() -> d.nd().duplicate());
        if (!a.getDataType().isFloating()) throw TangentError.runtime("parameter '" + name + "' must hold floating-point numbers");
        param(name, a);
      } else if (v instanceof Tensor t) {
        param(name, Convert.toNd(s.manager(), t, Convert.floatType(null)));
      } else {
        throw TangentError.runtime("block(): '" + name + "' must be a DTensor, a Tensor or a Block, got " + Types.typeName(v));
      }
    }
  }

  /** The params map the function sees: current parameter values and child blocks. */
  private TMap view() {
    TMap m = new TMap();
    params.forEach(m::put);
    children.forEach(m::put);
    return m;
  }

  @Override public NDArray forward(Forward f, NDArray x) {
    return forward(f, new NDList(x));
  }

  @Override public NDArray forward(Forward f, NDList xs) {
    Object[] args = new Object[xs.size() + 1];
    args[0] = view();
    for (int i = 0; i < xs.size(); i++) args[i + 1] = f.wrap(xs.get(i));
    return unwrap(fn.call(f.ctx(), args, null), fn.name());
  }

  static NDArray unwrap(Object r, String fn) {
    if (r instanceof DTensor d) return d.nd();
    throw TangentError.runtime("the block function " + fn + " must return a DTensor, got " + Types.typeName(r));
  }

  @Override public String kind() { return "Block"; }

  @Override public String describe() { return "Block(" + fn.signature() + ", params " + params.keySet() + ")"; }
}
