package dev.tangent.nn.layers;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tangent.spi.TangentError;
import dev.tangent.nn.engine.Session;

/**
 * Multi-head self-attention in TransformerLens's layout: W_Q, W_K, W_V [heads, d_model, d_head],
 * W_O [heads, d_head, d_model], biases b_Q, b_K, b_V [heads, d_head] and b_O [d_model].
 * Input [batch, pos, d_model] (or [pos, d_model]); scores are q·k / sqrt(d_head), optionally
 * with a causal mask (query i sees keys j <= i).
 */
public final class Attention extends Block {
  final long dModel;
  final long heads;
  final long dHead;
  final boolean causal;

  public Attention(Session s, long dModel, long heads, long dHead, boolean causal, DataType dt, Device d) {
    this.dModel = dModel;
    this.heads = heads;
    this.dHead = dHead;
    this.causal = causal;
    Shape in = new Shape(heads, dModel, dHead);
    param("W_Q", Init.fanIn(s, in, dModel, dt, d));
    param("W_K", Init.fanIn(s, in, dModel, dt, d));
    param("W_V", Init.fanIn(s, in, dModel, dt, d));
    param("W_O", Init.fanIn(s, new Shape(heads, dHead, dModel), heads * dHead, dt, d));
    param("b_Q", Init.zeros(s, new Shape(heads, dHead), dt, d));
    param("b_K", Init.zeros(s, new Shape(heads, dHead), dt, d));
    param("b_V", Init.zeros(s, new Shape(heads, dHead), dt, d));
    param("b_O", Init.zeros(s, new Shape(dModel), dt, d));
  }

  @Override public NDArray forward(Forward f, NDArray x) {
    return forward(f, x, "");
  }

  /** The forward pass, with hook points named prefix + "hook_q" and so on. */
  public NDArray forward(Forward f, NDArray x, String prefix) {
    boolean unbatched = x.getShape().dimension() == 2;
    NDArray in = unbatched ? x.expandDims(0) : x;
    if (in.getShape().dimension() != 3 || in.getShape().get(2) != dModel) {
      throw TangentError.runtime("Attention expects [batch, pos, " + dModel + "], got shape " + x.getShape());
    }
    long b = in.getShape().get(0);
    long pos = in.getShape().get(1);
    NDArray q = f.hook(prefix + "hook_q", project(in, "W_Q", "b_Q", b, pos));
    NDArray k = f.hook(prefix + "hook_k", project(in, "W_K", "b_K", b, pos));
    NDArray v = f.hook(prefix + "hook_v", project(in, "W_V", "b_V", b, pos));
    NDArray qh = q.swapAxes(1, 2);
    NDArray kh = k.swapAxes(1, 2);
    NDArray vh = v.swapAxes(1, 2);
    NDList att;
    if (f.hooked()) {
      NDArray scores = dev.tangent.nn.engine.Scalars.div(qh.matMul(kh.swapAxes(2, 3)), Math.sqrt(dHead));
      if (causal) scores = scores.add(Functional.causalMask(in.getManager(), pos, pos, scores));
      scores = f.hook(prefix + "hook_attn_scores", scores);
      NDArray pattern = f.hook(prefix + "hook_pattern", scores.softmax(-1));
      att = new NDList(scores, pattern, pattern.matMul(vh));
    } else {
      att = Functional.attention(qh, kh, vh, causal);
    }
    NDArray z = f.hook(prefix + "hook_z", att.get(2).swapAxes(1, 2));
    NDArray wo = p("W_O").reshape(heads * dHead, dModel);
    NDArray out = z.reshape(b, pos, heads * dHead).matMul(wo).add(p("b_O"));
    return unbatched ? out.squeeze(0) : out;
  }

  /** x [b, pos, d_model] times W [heads, d_model, d_head] plus bias: [b, pos, heads, d_head]. */
  private NDArray project(NDArray x, String w, String bias, long b, long pos) {
    NDArray wm = p(w).swapAxes(0, 1).reshape(dModel, heads * dHead);
    return x.matMul(wm).add(p(bias).reshape(heads * dHead)).reshape(b, pos, heads, dHead);
  }

  @Override public String kind() { return "Attention"; }

  @Override public String describe() {
    return "Attention(d_model " + dModel + ", heads " + heads + ", d_head " + dHead + (causal ? ", causal" : "") + ")";
  }
}
