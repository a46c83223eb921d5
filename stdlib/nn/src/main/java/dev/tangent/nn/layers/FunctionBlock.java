package dev.tangent.nn.layers;

import ai.djl.ndarray.NDArray;
import dev.tangent.nn.value.DTensor;
import dev.tangent.spi.Callable;

/** A script function without parameters used as a stage: sequential([linear(2, 8), x => x ^ 2]). */
public final class FunctionBlock extends Block {
  private final Callable fn;

  public FunctionBlock(Callable fn) {
    this.fn = fn;
  }

  @Override public NDArray forward(Forward f, NDArray x) {
    return ScriptBlock.unwrap(fn.call(f.ctx(), new Object[] {f.wrap(x)}, null), fn.name());
  }

  @Override public String kind() { return "Function"; }

  @Override public String describe() { return "Function(" + fn.signature() + ")"; }

}
