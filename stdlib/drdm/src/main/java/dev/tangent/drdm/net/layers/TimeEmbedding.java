package dev.tangent.drdm.net.layers;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.tangent.nn.engine.Owned;
import dev.tangent.nn.layers.Block;
import dev.tangent.nn.layers.Forward;

/**
 * The frozen sinusoidal time embedding (nn.Embedding(steps, dim) with requires_grad off in the
 * reference): E[t, 2k] = sin(t·ω_k), E[t, 2k+1] = cos(t·ω_k), ω_k = 10000^(-4k/dim). The table
 * is a buffer ("weight"): saved and loaded with the state dict, never trained.
 */
public final class TimeEmbedding extends Block {
  private final int steps;
  private final int dim;

  public TimeEmbedding(NDManager m, int steps, int dim, DataType dt, Device d) {
    this.steps = steps;
    this.dim = dim;
    float[] table = table(steps, dim);
    NDArray w = Owned.of(m, table, new Shape(steps, dim)).toType(dt, false).toDevice(d, false);
    buffers.put("weight", new dev.tangent.nn.value.DTensor(w));
  }

  /**
   * The table as the reference computes it in float32: ω_j = 1/10000^(2j/dim) in double rounded to
   * float, t·ω in float, then sin/cos.
   */
  public static float[] table(int steps, int dim) {
    float[] w = new float[dim];
    for (int j = 0; j < dim; j++) w[j] = (float) (1 / Math.pow(10_000, 2.0 * j / dim));
    float[] e = new float[steps * dim];
    for (int t = 0; t < steps; t++) {
      for (int j = 0; j < dim; j++) {
        float arg = t * w[j - (j & 1)];
        e[t * dim + j] = (float) ((j & 1) == 0 ? Math.sin(arg) : Math.cos(arg));
      }
    }
    return e;
  }

  public int steps() { return steps; }

  /** t: int64 [B] -> [B, dim]. */
  @Override public NDArray forward(Forward f, NDArray t) {
    return JniUtils.embedding((PtNDArray) t, (PtNDArray) buffers.get("weight").nd(), false);
  }

  @Override public String kind() { return "Embedding"; }

  @Override public String describe() { return "Embedding(" + steps + ", " + dim + ", sinusoidal, frozen)"; }
}
