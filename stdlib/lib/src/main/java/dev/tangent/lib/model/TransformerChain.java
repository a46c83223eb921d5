package dev.tangent.lib.model;

import dev.tangent.spi.TangentError;
import dev.tangent.lib.linalg.Mat;
import dev.tangent.lib.section.Act;
import dev.tangent.lib.section.AttentionSection;
import dev.tangent.lib.section.ComposedSection;
import dev.tangent.lib.section.GatedLinearSection;
import dev.tangent.lib.section.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * A TransformerLens-layout transformer (no LayerNorm) cut at the node layers rib names:
 * ln1.k (the residual stream before block k's attention), ln2.k (before its MLP), unembed (the
 * final residual stream) and output (the logits). Between consecutive points the steps are the
 * attention plus residual, the MLP plus residual and the unembedding, with rib's folded biases.
 * With lastPosition, only the last position is kept from block 0's attention on (rib's
 * last_pos_module_type: add_resid1).
 */
public final class TransformerChain {
  private TransformerChain() {}

  /** Every node-layer name in model order. */
  public static List<String> points(TransformerWeights w) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < w.layers; k++) {
      out.add("ln1." + k);
      out.add("ln2." + k);
    }
    out.add("unembed");
    out.add("output");
    return out;
  }

  public static LibModel build(TransformerWeights w, List<String> nodeLayers, int positions, boolean lastPosition) {
    List<String> points = points(w);
    int[] idx = new int[nodeLayers.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = points.indexOf(nodeLayers.get(i));
      if (idx[i] < 0) throw TangentError.runtime("unknown node layer '" + nodeLayers.get(i) + "' (this transformer has " + points + ")");
      if (i > 0 && idx[i] <= idx[i - 1]) {
        throw TangentError.runtime("node layers must follow the model's order " + points + ", got " + nodeLayers);
      }
    }
    if (idx.length < 2) throw TangentError.runtime("LIB needs at least two node layers, got " + nodeLayers);
    if (positions < 1 || positions > w.ctx) throw TangentError.runtime("sequences of " + positions + " tokens do not fit the context of " + w.ctx);
    // steps[p] goes from point p to point p + 1.
    List<Section> steps = new ArrayList<>();
    int pos = positions;
    Act act = Act.of(w.act.equals("gelu_new") ? "gelu_tanh" : w.act);
    for (int k = 0; k < w.layers; k++) {
      boolean last = lastPosition && k == 0;
      steps.add(attention(w, k, pos, last));
      if (last) pos = 1;
      steps.add(mlp(w, k, pos, act));
    }
    steps.add(GatedLinearSection.linear(pos, Folding.last(w.matrix("unembed.W_U"), w.has("unembed.b_U") ? w.vector("unembed.b_U") : null), "unembedding"));
    Prefix prefix = new TokenEmbedding(w.matrix("embed.W_E"), w.matrix("pos_embed.W_pos"), positions, steps.subList(0, idx[0]));
    List<Section> sections = new ArrayList<>();
    for (int i = 0; i + 1 < idx.length; i++) sections.add(ComposedSection.of(new ArrayList<>(steps.subList(idx[i], idx[i + 1]))));
    int lastIdx = idx[idx.length - 1];
    List<Section> suffix = new ArrayList<>(steps.subList(lastIdx, steps.size()));
    boolean lastIsOutput = lastIdx == points.size() - 1;
    return new LibModel("transformer", nodeLayers, sections, prefix, suffix, lastIsOutput);
  }

  static AttentionSection attention(TransformerWeights w, int k, int positions, boolean lastOnly) {
    String p = "blocks." + k + ".attn.";
    int h = w.heads;
    Mat[] q = new Mat[h];
    Mat[] kk = new Mat[h];
    Mat[] v = new Mat[h];
    Mat[] o = new Mat[h];
    double[] bO = w.has(p + "b_O") ? w.vector(p + "b_O") : new double[w.dModel];
    for (int i = 0; i < h; i++) {
      q[i] = Folding.last(w.head(p + "W_Q", i), w.has(p + "b_Q") ? w.headBias(p + "b_Q", i) : null);
      kk[i] = Folding.last(w.head(p + "W_K", i), w.has(p + "b_K") ? w.headBias(p + "b_K", i) : null);
      v[i] = Folding.value(w.head(p + "W_V", i), w.has(p + "b_V") ? w.headBias(p + "b_V", i) : null);
      o[i] = Folding.output(w.head(p + "W_O", i), bO, h);
    }
    return new AttentionSection(positions, q, kk, v, o, true, lastOnly,
        "block " + k + " attention (" + h + " heads) + residual" + (lastOnly ? ", last position" : ""));
  }

  static GatedLinearSection mlp(TransformerWeights w, int k, int positions, Act act) {
    String p = "blocks." + k + ".mlp.";
    Mat win = Folding.hidden(w.matrix(p + "W_in"), w.vector(p + "b_in"), act, 0);
    Mat wout = Folding.intoResidual(w.matrix(p + "W_out"), w.vector(p + "b_out"));
    return GatedLinearSection.residualMlp(positions, win, act, wout, "block " + k + " MLP (" + w.dMlp + ", " + w.act + ") + residual");
  }
}
