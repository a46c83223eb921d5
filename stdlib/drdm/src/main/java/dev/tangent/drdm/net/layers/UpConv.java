package dev.tangent.drdm.net.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.tangent.nn.layers.Block;
import dev.tangent.nn.layers.Forward;
import java.util.Arrays;

/**
 * PyTorch's ConvTranspose{2,3}d(C_in, C_out, kernel 4, stride 2, padding 1), weight
 * [C_in, C_out, 4, 4(, 4)], computed by its sub-pixel decomposition: output voxel 2m + r (r = 0, 1
 * per axis) is a 2-tap correlation of the input around m, with taps (w[3-r], w[1-r]) over
 * (x[m-1+r], x[m+r]). All 2^nd phases come from one stride-1 convolution of the input (padding 1)
 * with a [2^nd·C_out, C_in, 2, .., 2] kernel, whose outputs are cropped per phase and interleaved.
 * That does exactly the transposed convolution's multiply-adds (16 per input voxel and channel pair
 * in 2D, 64 in 3D), where zero insertion then a 4^nd convolution does 4x (2D) or 8x (3D) more.
 * The state dict is PyTorch's (weight, bias).
 */
public final class UpConv extends Block {
  private final int dims;
  private final long cin;
  private final long cout;

  public UpConv(int dims, NDArray weight, NDArray bias) {
    this.dims = dims;
    this.cin = weight.getShape().get(0);
    this.cout = weight.getShape().get(1);
    param("weight", weight);
    param("bias", bias);
  }

  @Override public NDArray forward(Forward f, NDArray x) {
    return apply(x, p("weight"), p("bias"), dims);
  }

  /** x [B, C_in, X...] -> [B, C_out, 2X...]. */
  public static NDArray apply(NDArray x, NDArray weight, NDArray bias, int dims) {
    long cin = weight.getShape().get(0);
    long cout = weight.getShape().get(1);
    int phases = 1 << dims;
    NDArray kernel = phaseKernel(weight, dims);
    NDArray b = bias.tile(phases);
    long[] ones = new long[dims];
    Arrays.fill(ones, 1);
    NDArray y = JniUtils.convolution((PtNDArray) x, (PtNDArray) kernel, (PtNDArray) b, new Shape(ones), new Shape(ones),
        new Shape(ones), 1);
    Shape xs = x.getShape();
    long batch = xs.get(0);
    long[] in = new long[dims];
    for (int k = 0; k < dims; k++) in[k] = xs.get(2 + k);
    // Phase r = (r_0, .., r_{nd-1}) is channel block r (r_0 most significant), cropped at offset r.
    NDArray[] phase = new NDArray[phases];
    for (int p = 0; p < phases; p++) {
      StringBuilder idx = new StringBuilder(":, " + (p * cout) + ":" + ((p + 1) * cout));
      for (int k = 0; k < dims; k++) {
        int r = (p >> (dims - 1 - k)) & 1;
        idx.append(", ").append(r).append(':').append(r + in[k]);
      }
      phase[p] = y.get(new NDIndex(idx.toString()));
    }
    // Interleave: from the last axis to the first, stack the two phases of axis k right after X_k,
    // so [.., X_k, r_k, ..] reshapes to 2X_k.
    NDArray[] level = phase;
    for (int k = dims - 1; k >= 0; k--) {
      NDArray[] next = new NDArray[level.length / 2];
      for (int i = 0; i < next.length; i++) {
        next[i] = NDArrays.stack(new NDList(level[2 * i], level[2 * i + 1]), 3 + k);
      }
      level = next;
    }
    long[] out = new long[2 + dims];
    out[0] = batch;
    out[1] = cout;
    for (int k = 0; k < dims; k++) out[2 + k] = 2 * in[k];
    return level[0].reshape(out);
  }

  /** [C_in, C_out, 4..] -> [2^nd·C_out, C_in, 2..]: flip each axis, split tap j = 2a + r, phases first. */
  static NDArray phaseKernel(NDArray w, int dims) {
    Shape s = w.getShape();
    long cin = s.get(0);
    long cout = s.get(1);
    int[] spatial = new int[dims];
    for (int k = 0; k < dims; k++) spatial[k] = 2 + k;
    long[] split = new long[2 + 2 * dims];
    split[0] = cin;
    split[1] = cout;
    for (int k = 0; k < dims; k++) {
      split[2 + 2 * k] = 2;      // a: tap within the phase
      split[3 + 2 * k] = 2;      // r: the phase
    }
    int[] order = new int[2 + 2 * dims];
    int o = 0;
    for (int k = 0; k < dims; k++) order[o++] = 3 + 2 * k;
    order[o++] = 1;
    order[o++] = 0;
    for (int k = 0; k < dims; k++) order[o++] = 2 + 2 * k;
    long[] out = new long[2 + dims];
    out[0] = (1L << dims) * cout;
    out[1] = cin;
    for (int k = 0; k < dims; k++) out[2 + k] = 2;
    return w.flip(spatial).reshape(split).transpose(order).reshape(out);
  }

  @Override public String kind() { return "ConvTranspose" + dims + "d"; }

  @Override public String describe() {
    return kind() + "(" + cin + " -> " + cout + ", kernel 4, stride 2, padding 1, sub-pixel)";
  }
}
