package dev.tangent.nn.layers;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tangent.nn.engine.Session;

/** Instance normalisation (PyTorch's InstanceNormNd without running statistics). */
public final class InstanceNorm extends Block {
  private final long channels;
  private final double eps;

  public InstanceNorm(Session s, long channels, double eps, boolean affine, DataType dt, Device d) {
    this.channels = channels;
    this.eps = eps;
    if (affine) {
      param("weight", Init.ones(s, new Shape(channels), dt, d));
      param("bias", Init.zeros(s, new Shape(channels), dt, d));
    }
  }

  @Override public NDArray forward(Forward f, NDArray x) {
    return Functional.instanceNorm(x, pOrNull("weight"), pOrNull("bias"), eps);
  }

  @Override public String kind() { return "InstanceNorm"; }

  @Override public String describe() {
    return "InstanceNorm(" + channels + ", eps " + eps + (params.isEmpty() ? "" : ", affine") + ")";
  }
}
