package dev.tangent.lib.model;

import dev.tangent.spi.TangentError;
import dev.tangent.lib.linalg.Mat;
import java.util.Map;
import java.util.function.Function;

/**
 * A TransformerLens-layout transformer's weights in f64 (embed.W_E, pos_embed.W_pos,
 * blocks.k.attn.W_Q..., blocks.k.mlp.W_in..., unembed.W_U), read from a state dict whatever holds
 * it (nn's HookedTransformer, or an .npz file in tests).
 */
public final class TransformerWeights {
  public final int layers;
  public final int dModel;
  public final int heads;
  public final int dHead;
  public final int dMlp;
  public final int vocab;
  public final int ctx;
  public final String act;
  final Map<String, double[]> values;
  final Map<String, int[]> shapes;

  public TransformerWeights(Map<String, double[]> values, Map<String, int[]> shapes, String act) {
    this.values = values;
    this.shapes = shapes;
    this.act = act;
    int[] we = shape("embed.W_E", 2);
    vocab = we[0];
    dModel = we[1];
    ctx = shape("pos_embed.W_pos", 2)[0];
    int n = 0;
    while (values.containsKey("blocks." + n + ".attn.W_Q")) n++;
    if (n == 0) throw TangentError.runtime("lib: the transformer has no blocks.0.attn.W_Q");
    layers = n;
    int[] wq = shape("blocks.0.attn.W_Q", 3);
    heads = wq[0];
    dHead = wq[2];
    if (values.containsKey("blocks.0.ln1.w") || values.containsKey("ln_final.w")) {
      throw TangentError.runtime("lib: transformers with LayerNorm are not supported yet (the mod-add model has none)");
    }
    if (!values.containsKey("blocks.0.mlp.W_in")) throw TangentError.runtime("lib: attention-only transformers are not supported (node layers ln2.k need an MLP)");
    dMlp = shape("blocks.0.mlp.W_in", 2)[1];
  }

  /** From a state dict of name to (values, shape). */
  public static TransformerWeights of(Map<String, ?> dict, Function<Object, double[]> values, Function<Object, int[]> shape, String act) {
    Map<String, double[]> v = new java.util.LinkedHashMap<>();
    Map<String, int[]> s = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, ?> e : dict.entrySet()) {
      v.put(e.getKey(), values.apply(e.getValue()));
      s.put(e.getKey(), shape.apply(e.getValue()));
    }
    return new TransformerWeights(v, s, act);
  }

  int[] shape(String key, int rank) {
    int[] s = shapes.get(key);
    if (s == null) throw TangentError.runtime("lib: the transformer has no weight '" + key + "'");
    if (s.length != rank) throw TangentError.runtime("lib: weight '" + key + "' has " + s.length + " axes, expected " + rank);
    return s;
  }

  public boolean has(String key) { return values.containsKey(key); }

  public Mat matrix(String key) {
    int[] s = shape(key, 2);
    return new Mat(s[0], s[1], values.get(key).clone());
  }

  public double[] vector(String key) {
    double[] v = values.get(key);
    if (v == null) throw TangentError.runtime("lib: the transformer has no weight '" + key + "'");
    return v.clone();
  }

  /** Head h of a [heads, rows, cols] weight. */
  public Mat head(String key, int h) {
    int[] s = shape(key, 3);
    double[] all = values.get(key);
    int per = s[1] * s[2];
    return new Mat(s[1], s[2], java.util.Arrays.copyOfRange(all, h * per, (h + 1) * per));
  }

  /** Row h of a [heads, d] bias. */
  public double[] headBias(String key, int h) {
    int[] s = shape(key, 2);
    return java.util.Arrays.copyOfRange(values.get(key), h * s[1], (h + 1) * s[1]);
  }
}
