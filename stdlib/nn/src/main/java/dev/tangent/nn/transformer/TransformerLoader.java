package dev.tangent.nn.transformer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.tangent.spi.TangentError;
import dev.tangent.io.array.NdArray;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.layers.Attention;
import dev.tangent.nn.layers.Holder;
import dev.tangent.nn.weights.Weights;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a HookedTransformer from a TransformerLens state dict in .npz or .safetensors, inferring
 * every size from the shapes: W_E [d_vocab, d_model], W_pos [n_ctx, d_model], W_Q [n_heads,
 * d_model, d_head], W_in [d_model, d_mlp], W_U [d_model, d_vocab_out].
 */
public final class TransformerLoader {
  private TransformerLoader() {}

  public static HookedTransformer load(Session s, Path path, Long nHeads, String act, boolean causal, DataType dt, Device d) {
    Map<String, NdArray> w = Weights.readArrays(path);
    Set<String> used = new HashSet<>();
    TransformerConfig cfg = new TransformerConfig();
    cfg.act = act;
    cfg.actFn = activation(act);
    cfg.causal = causal;
    long[] we = shape(w, "embed.W_E", 2);
    if (dt == null) dt = w.get("embed.W_E").dtype == dev.tangent.io.array.DType.F64 ? DataType.FLOAT64 : DataType.FLOAT32;
    cfg.dVocab = we[0];
    cfg.dModel = we[1];
    cfg.nCtx = shape(w, "pos_embed.W_pos", 2)[0];
    cfg.dVocabOut = shape(w, "unembed.W_U", 2)[1];
    Set<Integer> layers = new TreeSet<>();
    for (String k : w.keySet()) {
      if (k.startsWith("blocks.")) {
        int dot = k.indexOf('.', 7);
        try {
          layers.add(Integer.parseInt(k.substring(7, dot)));
        } catch (RuntimeException e) {
          throw TangentError.runtime("load_transformer(): unexpected key '" + k + "'");
        }
      }
    }
    cfg.nLayers = layers.size();
    if (cfg.nLayers == 0) throw TangentError.runtime("load_transformer(): no 'blocks.N.' weights in " + path.getFileName());
    long[] wq = shape(w, "blocks.0.attn.W_Q", 3);
    cfg.nHeads = wq[0];
    cfg.dHead = wq[2];
    if (nHeads != null && nHeads != cfg.nHeads) {
      throw TangentError.runtime("load_transformer(): n_heads is " + nHeads + " but blocks.0.attn.W_Q has shape "
          + java.util.Arrays.toString(wq) + " ([n_heads, d_model, d_head])");
    }
    cfg.dMlp = w.containsKey("blocks.0.mlp.W_in") ? shape(w, "blocks.0.mlp.W_in", 2)[1] : 0;
    cfg.layerNorm = w.containsKey("blocks.0.ln1.w");

    NDManager m = s.manager(d);
    HookedTransformer model = new HookedTransformer(cfg);
    model.add("embed", new Holder("Embed").with("W_E", take(m, w, used, "embed.W_E", dt, d)));
    model.add("pos_embed", new Holder("PosEmbed").with("W_pos", take(m, w, used, "pos_embed.W_pos", dt, d)));
    Holder blocks = new Holder("Blocks");
    for (int i = 0; i < cfg.nLayers; i++) {
      String p = "blocks." + i + ".";
      Holder b = new Holder("TransformerBlock");
      if (cfg.layerNorm) b.withChild("ln1", ln(m, w, used, p + "ln1.", dt, d));
      Attention attn = new Attention(s, cfg.dModel, cfg.nHeads, cfg.dHead, causal, dt, d);
      for (String n : new String[] {"W_Q", "W_K", "W_V", "W_O", "b_Q", "b_K", "b_V", "b_O"}) {
        attn.replace(n, take(m, w, used, p + "attn." + n, dt, d));
      }
      b.withChild("attn", attn);
      if (cfg.dMlp > 0) {
        if (cfg.layerNorm) b.withChild("ln2", ln(m, w, used, p + "ln2.", dt, d));
        Holder mlp = new Holder("MLP");
        for (String n : new String[] {"W_in", "b_in", "W_out", "b_out"}) mlp.with(n, take(m, w, used, p + "mlp." + n, dt, d));
        b.withChild("mlp", mlp);
      }
      blocks.withChild(Integer.toString(i), b);
    }
    model.add("blocks", blocks);
    if (w.containsKey("ln_final.w")) model.add("ln_final", ln(m, w, used, "ln_final.", dt, d));
    Holder un = new Holder("Unembed").with("W_U", take(m, w, used, "unembed.W_U", dt, d));
    if (w.containsKey("unembed.b_U")) un.with("b_U", take(m, w, used, "unembed.b_U", dt, d));
    model.add("unembed", un);
    for (String k : w.keySet()) {
      if (!used.contains(k) && !k.endsWith(".IGNORE") && !k.endsWith(".mask")) {
        throw TangentError.runtime("load_transformer(): unexpected weight '" + k + "' in " + path.getFileName());
      }
    }
    return model;
  }

  private static Holder ln(NDManager m, Map<String, NdArray> w, Set<String> used, String p, DataType dt, Device d) {
    return new Holder("LayerNorm").with("w", take(m, w, used, p + "w", dt, d)).with("b", take(m, w, used, p + "b", dt, d));
  }

  static String activation(String act) {
    switch (act) {
      case "relu": return "relu";
      case "gelu": return "gelu";
      case "gelu_new": case "gelu_tanh": return "gelu_tanh";
      default: throw TangentError.runtime("load_transformer(): act must be \"relu\", \"gelu\" or \"gelu_new\", got \"" + act + "\"");
    }
  }

  private static long[] shape(Map<String, NdArray> w, String key, int rank) {
    NdArray a = w.get(key);
    if (a == null) throw TangentError.runtime("load_transformer(): missing weight '" + key + "'");
    if (a.shape.length != rank) {
      throw TangentError.runtime("load_transformer(): '" + key + "' has shape " + java.util.Arrays.toString(a.shape) + ", expected " + rank + " axes");
    }
    long[] out = new long[rank];
    for (int i = 0; i < rank; i++) out[i] = a.shape[i];
    return out;
  }

  private static NDArray take(NDManager m, Map<String, NdArray> w, Set<String> used, String key, DataType dt, Device d) {
    NdArray a = w.get(key);
    if (a == null) throw TangentError.runtime("load_transformer(): missing weight '" + key + "'");
    used.add(key);
    return Weights.toNd(m, a, dt).toDevice(d, false);
  }
}
