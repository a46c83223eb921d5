package dev.tangent.drdm.net;

import ai.djl.ndarray.NDArray;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.nn.engine.Convert;

/**
 * What net(img, t) gives a script: the one place that turns the network's field into a language
 * value. For now a Tensor in fraction-of-size units ([nd, X...] or [B, nd, X...]); integration
 * with the Deformation type changes only this method.
 */
public final class NetOutputs {
  private NetOutputs() {}

  public static Object field(NDArray field, boolean batched) {
    Tensor t = Convert.toTensor(field);
    return batched ? t : t.reshape(dropFirst(t.shape()));
  }

  private static int[] dropFirst(int[] shape) {
    return java.util.Arrays.copyOfRange(shape, 1, shape.length);
  }
}
