package dev.tangent.nn.layers;

import ai.djl.ndarray.NDArray;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Indexable;
import dev.tangent.spi.Ints;
import dev.tangent.spi.Sized;
import java.util.ArrayList;
import java.util.List;

/** Blocks applied in order; model[i] is the i-th stage. */
public final class Sequential extends Block implements Indexable, Sized {
  private final List<Block> stages = new ArrayList<>();

  public Sequential(List<Block> blocks) {
    for (Block b : blocks) {
      child(Integer.toString(stages.size()), b);
      stages.add(b);
    }
  }

  @Override public NDArray forward(Forward f, NDArray x) {
    NDArray y = x;
    for (Block b : stages) y = b.forward(f, y);
    return y;
  }

  @Override public Object getIndex(Object[] subs) {
    if (subs.length != 1) throw TangentError.runtime("Sequential takes one index");
    int i = Ints.toInt(subs[0], "Sequential index");
    int n = stages.size();
    if (i < -n || i >= n) throw TangentError.runtime("index " + i + " is out of range for a Sequential of " + n + " blocks");
    return stages.get(i < 0 ? i + n : i);
  }

  @Override public long length() { return stages.size(); }

  @Override public String kind() { return "Sequential"; }

  @Override public String describe() { return "Sequential()"; }
}
