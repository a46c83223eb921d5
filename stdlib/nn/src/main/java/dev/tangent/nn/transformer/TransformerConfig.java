package dev.tangent.nn.transformer;

import dev.tangent.spi.TMap;

/** The sizes of a HookedTransformer, inferred from its weights' shapes. */
final class TransformerConfig {
  int nLayers;
  long dModel;
  long dVocab;
  long dVocabOut;
  long nCtx;
  long nHeads;
  long dHead;
  long dMlp;
  boolean layerNorm;
  double lnEps = 1e-5;
  boolean causal = true;
  String act;
  String actFn;

  TMap toMap() {
    TMap m = new TMap();
    m.put("n_layers", (double) nLayers);
    m.put("d_model", (double) dModel);
    m.put("d_vocab", (double) dVocab);
    m.put("d_vocab_out", (double) dVocabOut);
    m.put("n_ctx", (double) nCtx);
    m.put("n_heads", (double) nHeads);
    m.put("d_head", (double) dHead);
    m.put("d_mlp", (double) dMlp);
    m.put("act_fn", act);
    m.put("normalization", layerNorm ? "LN" : dev.tangent.spi.Nil.NIL);
    m.put("causal", causal);
    return m;
  }

  @Override public String toString() {
    return "n_layers " + nLayers + ", d_model " + dModel + ", n_heads " + nHeads + ", d_head " + dHead
        + ", d_mlp " + dMlp + ", d_vocab " + dVocab + ", n_ctx " + nCtx + ", act " + act + (layerNorm ? ", LayerNorm" : "");
  }
}
