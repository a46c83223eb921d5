package dev.tangent.nn.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.nn.engine.Convert;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.layers.Activation;
import dev.tangent.nn.layers.Attention;
import dev.tangent.nn.layers.Block;
import dev.tangent.nn.layers.Forward;
import dev.tangent.nn.layers.Holder;
import dev.tangent.nn.value.DTensor;
import dev.tangent.spi.TMap;
import dev.tangent.spi.TList;
import dev.tangent.spi.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoder-only transformer in TransformerLens's HookedTransformer layout and naming: token and
 * position embeddings, blocks of (optional LayerNorm) attention and MLP on a residual stream, an
 * optional final LayerNorm, then the unembedding. model(tokens) gives logits [batch, pos, vocab];
 * every hook point TransformerLens names ("blocks.0.hook_resid_pre", "blocks.0.attn.hook_pattern",
 * "blocks.0.mlp.hook_post"...) can be cached or replaced.
 */
public final class HookedTransformer extends Block {
  final TransformerConfig cfg;

  HookedTransformer(TransformerConfig cfg) {
    this.cfg = cfg;
  }

  void add(String name, Block b) { child(name, b); }

  @Override public NDArray input(Session s, Object v) {
    NDArray a;
    if (v instanceof Tensor t) {
      a = dev.tangent.nn.engine.Owned.of(s.manager(device(s)), t.toLongArray(), Convert.shape(t.shape()));
    } else if (v instanceof DTensor d) {
      a = d.nd().getDataType() == DataType.INT64 ? d.nd() : d.nd().toType(DataType.INT64, false);
    } else {
      throw TangentError.runtime("the transformer's input must be integer tokens (a Tensor or DTensor), got " + Types.typeName(v));
    }
    return a;
  }

  @Override public NDArray forward(Forward f, NDArray tokens) {
    boolean unbatched = tokens.getShape().dimension() == 1;
    NDArray tok = unbatched ? tokens.expandDims(0) : tokens;
    if (tok.getShape().dimension() != 2) throw TangentError.runtime("tokens must be [batch, pos] or [pos], got shape " + tokens.getShape());
    long pos = tok.getShape().get(1);
    if (pos > cfg.nCtx) throw TangentError.runtime(pos + " positions exceed the context of " + cfg.nCtx);
    Holder embed = (Holder) children.get("embed");
    Holder posEmbed = (Holder) children.get("pos_embed");
    NDArray e = f.hook("hook_embed", embedding(tok, embed.get("W_E")));
    NDArray pe = f.hook("hook_pos_embed", posEmbed.get("W_pos").get(new NDIndex().addSliceDim(0, pos)).expandDims(0));
    NDArray resid = e.add(pe);
    Holder blocks = (Holder) children.get("blocks");
    for (int i = 0; i < cfg.nLayers; i++) resid = block(f, (Holder) blocks.sub(Integer.toString(i)), "blocks." + i + ".", resid);
    Holder lnf = (Holder) children.get("ln_final");
    if (lnf != null) resid = layerNorm(f, lnf, "ln_final.", resid);
    Holder un = (Holder) children.get("unembed");
    NDArray logits = resid.matMul(un.get("W_U"));
    if (un.has("b_U")) logits = logits.add(un.get("b_U"));
    return unbatched ? logits.squeeze(0) : logits;
  }

  private static NDArray embedding(NDArray tok, NDArray table) {
    return ai.djl.pytorch.jni.JniUtils.embedding((ai.djl.pytorch.engine.PtNDArray) tok, (ai.djl.pytorch.engine.PtNDArray) table, false);
  }

  private NDArray block(Forward f, Holder b, String pre, NDArray resid) {
    resid = f.hook(pre + "hook_resid_pre", resid);
    Holder ln1 = (Holder) b.sub("ln1");
    NDArray x = ln1 == null ? resid : layerNorm(f, ln1, pre + "ln1.", resid);
    NDArray attnOut = f.hook(pre + "hook_attn_out", ((Attention) b.sub("attn")).forward(f, x, pre + "attn."));
    Holder mlp = (Holder) b.sub("mlp");
    if (mlp == null) return f.hook(pre + "hook_resid_post", resid.add(attnOut));
    resid = f.hook(pre + "hook_resid_mid", resid.add(attnOut));
    Holder ln2 = (Holder) b.sub("ln2");
    x = ln2 == null ? resid : layerNorm(f, ln2, pre + "ln2.", resid);
    NDArray preAct = f.hook(pre + "mlp.hook_pre", x.matMul(mlp.get("W_in")).add(mlp.get("b_in")));
    NDArray post = f.hook(pre + "mlp.hook_post", Activation.apply(cfg.actFn, 0, preAct));
    NDArray mlpOut = f.hook(pre + "hook_mlp_out", post.matMul(mlp.get("W_out")).add(mlp.get("b_out")));
    return f.hook(pre + "hook_resid_post", resid.add(mlpOut));
  }

  /** TransformerLens's LayerNorm, with its hook_scale and hook_normalized points. */
  private NDArray layerNorm(Forward f, Holder ln, String pre, NDArray x) {
    NDArray c = x.sub(x.mean(new int[] {-1}, true));
    NDArray scale = f.hook(pre + "hook_scale", dev.tangent.nn.engine.Scalars.add(c.square().mean(new int[] {-1}, true), cfg.lnEps).sqrt());
    return f.hook(pre + "hook_normalized", c.div(scale).mul(ln.get("w")).add(ln.get("b")));
  }

  /** Every hook point's name, in the order a forward pass reaches them. */
  public List<String> hookNames() {
    List<String> out = new ArrayList<>(List.of("hook_embed", "hook_pos_embed"));
    for (int i = 0; i < cfg.nLayers; i++) {
      String p = "blocks." + i + ".";
      out.add(p + "hook_resid_pre");
      if (cfg.layerNorm) out.addAll(List.of(p + "ln1.hook_scale", p + "ln1.hook_normalized"));
      for (String h : List.of("hook_q", "hook_k", "hook_v", "hook_attn_scores", "hook_pattern", "hook_z")) out.add(p + "attn." + h);
      out.add(p + "hook_attn_out");
      if (cfg.dMlp > 0) {
        out.add(p + "hook_resid_mid");
        if (cfg.layerNorm) out.addAll(List.of(p + "ln2.hook_scale", p + "ln2.hook_normalized"));
        out.addAll(List.of(p + "mlp.hook_pre", p + "mlp.hook_post", p + "hook_mlp_out"));
      }
      out.add(p + "hook_resid_post");
    }
    if (cfg.layerNorm) out.addAll(List.of("ln_final.hook_scale", "ln_final.hook_normalized"));
    return out;
  }

  public TList hookNameList() {
    TList l = new TList();
    l.items.addAll(hookNames());
    return l;
  }

  public TMap config() { return cfg.toMap(); }

  @Override public Object member(String name) {
    if (name.equals("cfg")) return config();
    return super.member(name);
  }

  @Override public String kind() { return "HookedTransformer"; }

  @Override public String describe() { return "HookedTransformer(" + cfg + ")"; }

  @Override public String toString() { return describe(); }
}
