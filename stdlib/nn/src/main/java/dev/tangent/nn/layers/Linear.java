package dev.tangent.nn.layers;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.tangent.nn.engine.Session;

/** y = x Wᵀ + b with W [out, in] (PyTorch's layout), over any leading axes. */
public final class Linear extends Block {
  private final long in;
  private final long out;

  public Linear(Session s, long in, long out, boolean bias, DataType dt, Device d) {
    this.in = in;
    this.out = out;
    param("weight", Init.fanIn(s, new Shape(out, in), in, dt, d));
    if (bias) param("bias", Init.fanIn(s, new Shape(out), in, dt, d));
  }

  @Override public NDArray forward(Forward f, NDArray x) {
    return JniUtils.linear((PtNDArray) x, (PtNDArray) p("weight"), (PtNDArray) pOrNull("bias"));
  }

  @Override public String kind() { return "Linear"; }

  @Override public String describe() {
    return "Linear(" + in + " -> " + out + (params.containsKey("bias") ? "" : ", bias: false") + ")";
  }
}
