package dev.tangent.drdm.net.layers;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.tangent.nn.layers.Block;
import dev.tangent.nn.layers.Forward;

/**
 * Affine instance normalisation (PyTorch's InstanceNormNd(C, affine=True), eps 1e-5, no running
 * statistics), computed the way PyTorch computes it: as batch normalisation in training mode of the
 * input seen as [1, B·C, spatial...]. That is one fused libtorch kernel forward and one backward,
 * where the composed form (nn.instance_norm: mean, subtract, square, mean, divide...) takes about
 * ten full-size passes each way.
 */
public final class InstanceNorm extends Block {
  private final long channels;
  private final double eps;

  public InstanceNorm(NDArray weight, NDArray bias, double eps) {
    this.channels = weight.getShape().get(0);
    this.eps = eps;
    param("weight", weight);
    param("bias", bias);
  }

  public static InstanceNorm create(NDManager m, long channels, DataType dt, Device d) {
    return new InstanceNorm(m.ones(new Shape(channels), dt, d), m.zeros(new Shape(channels), dt, d), 1e-5);
  }

  @Override public NDArray forward(Forward f, NDArray x) {
    return apply(x, p("weight"), p("bias"), eps);
  }

  /** x [B, C, spatial...]: per sample and channel, (x - mean) / sqrt(var + eps) · weight + bias. */
  public static NDArray apply(NDArray x, NDArray weight, NDArray bias, double eps) {
    Shape s = x.getShape();
    long b = s.get(0);
    long c = s.get(1);
    long[] folded = s.getShape().clone();
    folded[0] = 1;
    folded[1] = b * c;
    NDManager m = x.getManager();
    // Running statistics are required by the kernel in training mode; these are scratch.
    NDArray runMean = m.zeros(new Shape(b * c), x.getDataType(), x.getDevice());
    NDArray runVar = m.ones(new Shape(b * c), x.getDataType(), x.getDevice());
    NDArray w = b == 1 ? weight : weight.tile(b);
    NDArray bb = b == 1 ? bias : bias.tile(b);
    NDArray y = JniUtils.batchNorm((PtNDArray) x.reshape(folded), (PtNDArray) runMean, (PtNDArray) runVar,
        (PtNDArray) w, (PtNDArray) bb, true, 0.0, eps);
    return y.reshape(s);
  }

  @Override public String kind() { return "InstanceNorm"; }

  @Override public String describe() { return "InstanceNorm(" + channels + ", eps " + eps + ", affine)"; }
}
