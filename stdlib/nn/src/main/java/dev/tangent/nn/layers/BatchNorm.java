package dev.tangent.nn.layers;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.value.DTensor;

/**
 * Batch normalisation over axis 1 of [N, C, ...]. In training mode it normalises with the batch
 * moments and updates the running ones (momentum as PyTorch: new = (1-m) old + m batch, with the
 * unbiased batch variance); in eval mode it uses the running moments.
 */
public final class BatchNorm extends Block {
  private final long channels;
  private final double eps;
  private final double momentum;

  public BatchNorm(Session s, long channels, double eps, double momentum, DataType dt, Device d) {
    this.channels = channels;
    this.eps = eps;
    this.momentum = momentum;
    param("weight", Init.ones(s, new Shape(channels), dt, d));
    param("bias", Init.zeros(s, new Shape(channels), dt, d));
    buffers.put("running_mean", new DTensor(Init.zeros(s, new Shape(channels), dt, d)));
    buffers.put("running_var", new DTensor(Init.ones(s, new Shape(channels), dt, d)));
  }

  @Override public NDArray forward(Forward f, NDArray x) {
    NDArray rm = buffers.get("running_mean").nd();
    NDArray rv = buffers.get("running_var").nd();
    // DJL's binding takes (input, running_mean, running_var, weight, bias), whatever its parameter names say.
    return JniUtils.batchNorm((PtNDArray) x, (PtNDArray) rm, (PtNDArray) rv, (PtNDArray) p("weight"), (PtNDArray) p("bias"),
        training, momentum, eps);
  }

  @Override public String kind() { return "BatchNorm"; }

  @Override public String describe() { return "BatchNorm(" + channels + ", eps " + eps + ", momentum " + momentum + ")"; }

}
