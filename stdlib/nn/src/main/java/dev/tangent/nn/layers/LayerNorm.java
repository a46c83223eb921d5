package dev.tangent.nn.layers;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.tangent.nn.engine.Session;

/** Layer normalisation over the trailing axes given by normalized_shape, with affine weight and bias. */
public final class LayerNorm extends Block {
  private final Shape normalized;
  private final double eps;

  public LayerNorm(Session s, Shape normalized, double eps, DataType dt, Device d) {
    this.normalized = normalized;
    this.eps = eps;
    param("weight", Init.ones(s, normalized, dt, d));
    param("bias", Init.zeros(s, normalized, dt, d));
  }

  @Override public NDArray forward(Forward f, NDArray x) {
    return JniUtils.layerNorm((PtNDArray) x, normalized, (PtNDArray) p("weight"), (PtNDArray) p("bias"), eps);
  }

  @Override public String kind() { return "LayerNorm"; }

  @Override public String describe() { return "LayerNorm(" + normalized + ", eps " + eps + ")"; }
}
