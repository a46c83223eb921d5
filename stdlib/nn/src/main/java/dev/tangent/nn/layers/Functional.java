package dev.tangent.nn.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.tangent.spi.TangentError;
import dev.tangent.nn.engine.Owned;
import dev.tangent.nn.engine.Scalars;
import dev.tangent.nn.engine.Session;

/**
 * The differentiable kernels behind the layers. Transposed convolution and instance norm are
 * built here from ops libtorch differentiates (DJL's PyTorch engine has neither).
 */
public final class Functional {
  private Functional() {}

  public static NDArray relu(NDArray x) { return JniUtils.relu((PtNDArray) x); }

  public static NDArray leakyRelu(NDArray x, double slope) { return JniUtils.leakyRelu((PtNDArray) x, slope); }

  /** Exact (erf) GELU, or the tanh approximation (TransformerLens's "gelu_new"). */
  public static NDArray gelu(NDArray x, boolean tanh) {
    if (!tanh) return JniUtils.gelu((PtNDArray) x);
    NDArray inner = Scalars.mul(x.add(Scalars.mul(Scalars.pow(x, 3), 0.044715)), Math.sqrt(2 / Math.PI));
    return Scalars.mul(x, 0.5).mul(Scalars.add(inner.tanh(), 1));
  }

  public static NDArray softmax(NDArray x, int axis) { return x.softmax(axis); }

  public static NDArray logSoftmax(NDArray x, int axis) { return x.logSoftmax(axis); }

  /** Inverted dropout with a mask drawn from the session's seeded stream. */
  public static NDArray dropout(Session s, NDArray x, double p, boolean training) {
    if (!training || p == 0) return x;
    if (p == 1) return Scalars.mul(x, 0);
    NDArray keep = Scalars.gte(s.uniform(x.getShape(), 0, 1, x.getDataType(), x.getDevice()), p);
    return Scalars.div(x.mul(keep.toType(x.getDataType(), false)), 1 - p);
  }

  public static NDArray conv(NDArray x, NDArray w, NDArray b, long[] stride, long[] pad, long[] dil, int groups) {
    return JniUtils.convolution((PtNDArray) x, (PtNDArray) w, (PtNDArray) b, new Shape(stride), new Shape(pad), new Shape(dil), groups);
  }

  /**
   * Transposed convolution (PyTorch's conv_transposeNd, weight [Cin, Cout/groups, k...]) as a plain
   * convolution of the input upsampled with zeros: insert stride-1 zeros between samples, pad by
   * dilation*(k-1)-padding on each side (plus output_padding at the end; a negative pad crops),
   * and convolve with the kernel flipped and its channel axes swapped.
   */
  public static NDArray convTranspose(NDArray x, NDArray w, NDArray b, long[] stride, long[] pad, long[] outPad, long[] dil, int groups) {
    int n = stride.length;
    Shape ws = w.getShape();
    for (int d = 0; d < n; d++) {
      if (outPad[d] >= Math.max(stride[d], dil[d])) {
        throw TangentError.runtime("output_padding " + outPad[d] + " must be smaller than stride or dilation");
      }
    }
    NDArray up = x;
    for (int d = 0; d < n; d++) if (stride[d] > 1) up = zeroInsert(up, 2 + d, stride[d]);
    long[] padArg = new long[2 * n];
    boolean anyPad = false;
    for (int d = 0; d < n; d++) {
      long q = dil[d] * (ws.get(2 + d) - 1) - pad[d];
      int j = n - 1 - d;
      padArg[2 * j] = q;
      padArg[2 * j + 1] = q + outPad[d];
      anyPad |= q != 0 || outPad[d] != 0;
    }
    if (anyPad) up = JniUtils.pad((PtNDArray) up, padArg, 0);
    long cin = ws.get(0);
    long coutPerGroup = ws.get(1);
    long[] grouped = new long[ws.dimension() + 1];
    grouped[0] = groups;
    grouped[1] = cin / groups;
    grouped[2] = coutPerGroup;
    long[] flipped = new long[ws.dimension()];
    flipped[0] = coutPerGroup * groups;
    flipped[1] = cin / groups;
    int[] spatial = new int[n];
    for (int d = 0; d < n; d++) {
      grouped[3 + d] = ws.get(2 + d);
      flipped[2 + d] = ws.get(2 + d);
      spatial[d] = 2 + d;
    }
    NDArray wt = w.reshape(grouped).swapAxes(1, 2).reshape(flipped).flip(spatial);
    long[] ones = new long[n];
    java.util.Arrays.fill(ones, 1);
    return conv(up, wt, b, ones, new long[n], dil, groups);
  }

  /** [.., L, ..] -> [.., (L-1)*s+1, ..] with s-1 zeros between neighbours along axis. */
  static NDArray zeroInsert(NDArray x, int axis, long s) {
    Shape sh = x.getShape();
    long len = sh.get(axis);
    long[] zs = sh.getShape().clone();
    long[] withSlot = new long[sh.dimension() + 1];
    long[] merged = sh.getShape().clone();
    for (int i = 0, j = 0; i < withSlot.length; i++) withSlot[i] = i == axis + 1 ? 1 : sh.get(j++);
    NDArray slot = x.reshape(withSlot);
    long[] zeroShape = withSlot.clone();
    zeroShape[axis + 1] = s - 1;
    NDManager m = x.getManager();
    NDArray zeros = m.zeros(new Shape(zeroShape), x.getDataType(), x.getDevice());
    merged[axis] = len * s;
    NDArray spread = slot.concat(zeros, axis + 1).reshape(merged);
    return spread.get(NDIndex.sliceAxis(axis, 0, (len - 1) * s + 1));
  }

  /** Per-sample, per-channel moments over the spatial axes; affine when gamma is given. */
  public static NDArray instanceNorm(NDArray x, NDArray gamma, NDArray beta, double eps) {
    Shape sh = x.getShape();
    int nd = sh.dimension();
    if (nd < 3) throw TangentError.runtime("instance_norm needs [N, C, spatial...], got shape " + sh);
    // Moments over the flattened spatial axes (libtorch's mean takes one axis at a time here).
    NDArray flat = x.reshape(sh.get(0), sh.get(1), -1);
    NDArray centered = flat.sub(flat.mean(new int[] {2}, true));
    NDArray var = centered.square().mean(new int[] {2}, true);
    NDArray y = centered.div(Scalars.add(var, eps).sqrt()).reshape(sh);
    if (gamma == null) return y;
    long[] bshape = new long[nd];
    java.util.Arrays.fill(bshape, 1);
    bshape[1] = sh.get(1);
    return y.mul(gamma.reshape(bshape)).add(beta.reshape(bshape));
  }

  /**
   * softmax(q kᵀ / sqrt(d)) v for q, k, v of shape [.., heads, positions, d_head]. Returns
   * {scores (masked), pattern, z}. With causal, query i sees keys j <= i.
   */
  public static NDList attention(NDArray q, NDArray k, NDArray v, boolean causal) {
    int nd = q.getShape().dimension();
    long dHead = q.getShape().get(nd - 1);
    NDArray scores = Scalars.div(q.matMul(k.swapAxes(nd - 2, nd - 1)), Math.sqrt(dHead));
    if (causal) scores = scores.add(causalMask(q.getManager(), q.getShape().get(nd - 2), k.getShape().get(nd - 2), scores));
    NDArray pattern = scores.softmax(-1);
    NDArray z = pattern.matMul(v);
    return new NDList(scores, pattern, z);
  }

  /** 0 where key <= query, -inf above the diagonal. */
  static NDArray causalMask(NDManager m, long nq, long nk, NDArray like) {
    float[] mask = new float[(int) (nq * nk)];
    for (int i = 0; i < nq; i++) {
      for (int j = 0; j < nk; j++) mask[(int) (i * nk + j)] = j <= i ? 0f : Float.NEGATIVE_INFINITY;
    }
    return Owned.of(m, mask, new Shape(nq, nk)).toType(like.getDataType(), false).toDevice(like.getDevice(), false);
  }

  // ------------------------------------------------------------------ losses

  public static NDArray reduce(NDArray x, String reduction) {
    switch (reduction) {
      case "mean": return x.mean();
      case "sum": return x.sum();
      case "none": return x;
      default: throw TangentError.runtime("reduction must be \"mean\", \"sum\" or \"none\", got \"" + reduction + "\"");
    }
  }

  public static NDArray mse(NDArray pred, NDArray target, String reduction) {
    return reduce(pred.sub(target).square(), reduction);
  }

  public static NDArray l1(NDArray pred, NDArray target, String reduction) {
    return reduce(pred.sub(target).abs(), reduction);
  }

  /**
   * Cross-entropy of logits [.., C] (classes on the last axis) against integer labels [..] or
   * class probabilities [.., C].
   */
  public static NDArray crossEntropy(NDArray logits, NDArray labels, String reduction) {
    NDArray logp = logits.logSoftmax(-1);
    NDArray nll;
    if (labels.getShape().equals(logits.getShape()) && labels.getDataType().isFloating()) {
      nll = logp.mul(labels).sum(new int[] {-1}).neg();
    } else {
      Shape want = logits.getShape().slice(0, logits.getShape().dimension() - 1);
      if (!labels.getShape().equals(want)) {
        throw TangentError.runtime("cross_entropy: labels of shape " + labels.getShape() + " do not match logits "
            + logits.getShape() + " (expected " + want + " integer labels, or probabilities of the logits' shape)");
      }
      NDArray idx = labels.getDataType() == DataType.INT64 ? labels : labels.toType(DataType.INT64, false);
      nll = logp.gather(idx.expandDims(-1), -1).squeeze(-1).neg();
    }
    return reduce(nll, reduction);
  }

  static NDArray stack(NDList xs, int axis) { return NDArrays.stack(xs, axis); }
}
