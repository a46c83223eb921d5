package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.TangentException;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.io.array.NdArray;
import dev.tangent.io.array.Npz;
import dev.tangent.io.array.SafeTensors;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LIB paper's modular-addition transformer (testdata/modadd-p113-seed0.npz): its published
 * accuracy over all 113² inputs, and the hook activations TransformerLens defines.
 */
class TransformerTest {
  static final int P = 113;
  static NnTesting n;

  @BeforeAll static void load() {
    n = new NnTesting();
    n.t.set("path", NnTesting.testdata("modadd-p113-seed0.npz").toString());
    long[] tokens = new long[P * P * 3];
    for (int a = 0; a < P; a++) {
      for (int b = 0; b < P; b++) {
        int r = (a * P + b) * 3;
        tokens[r] = a;
        tokens[r + 1] = b;
        tokens[r + 2] = P;
      }
    }
    n.t.set("all_pairs", Tensor.ofLongs(new int[] {P * P, 3}, tokens));
    n.eval("let model = nn.load_transformer(path, n_heads: 4, act: \"relu\")");
  }

  @Test void inferredConfigMatchesTheArchitecture() {
    assertEquals(128.0, n.num("model.cfg.d_model"));
    assertEquals(4.0, n.num("model.cfg.n_heads"));
    assertEquals(32.0, n.num("model.cfg.d_head"));
    assertEquals(512.0, n.num("model.cfg.d_mlp"));
    assertEquals(114.0, n.num("model.cfg.d_vocab"));
    assertEquals(3.0, n.num("model.cfg.n_ctx"));
    assertEquals(1.0, n.num("model.cfg.n_layers"));
  }

  @Test void predictsModularAdditionWithThePublishedAccuracy() {
    double[] logits = n.values("nn.no_grad(() => model(all_pairs))[:, 2, :]");
    int correct = 0;
    for (int a = 0; a < P; a++) {
      for (int b = 0; b < P; b++) {
        int row = (a * P + b) * 114;
        int best = 0;
        for (int v = 1; v < 114; v++) if (logits[row + v] > logits[row + best]) best = v;
        if (best == (a + b) % P) correct++;
      }
    }
    assertEquals(12765, correct);
    assertEquals(0.99969, correct / (double) (P * P), 5e-6);
  }

  @Test void forwardPassEqualsAnIndependentComputationFromTheFile() throws Exception {
    // The README's forward pass, in plain Java float64 from the .npz, for a few inputs.
    Map<String, NdArray> w = Npz.read(NnTesting.testdata("modadd-p113-seed0.npz"));
    int[][] inputs = {{0, 0}, {5, 77}, {112, 112}, {40, 101}};
    for (int[] in : inputs) {
      double[] ref = Reference.logits(w, new int[] {in[0], in[1], P});
      n.t.set("tok", Tensor.ofLongs(new int[] {1, 3}, new long[] {in[0], in[1], P}));
      double[] got = n.values("model(tok)[0, 2, :]");
      for (int v = 0; v < ref.length; v++) assertEquals(ref[v], got[v], 2e-4 * Math.max(1, Math.abs(ref[v])), "logit " + v);
    }
  }

  @Test void runWithCacheExposesTransformerLensHooks() {
    n.eval("let tok = tensor([[3, 9, 113], [100, 50, 113]])\nlet (logits, cache) = model.run_with_cache(tok)");
    List<Object> names = List.of(((dev.tangent.spi.TList) n.t.evalRaw("model.hook_names")).items.toArray());
    for (String h : new String[] {"hook_embed", "hook_pos_embed", "blocks.0.hook_resid_pre", "blocks.0.attn.hook_q",
        "blocks.0.attn.hook_attn_scores", "blocks.0.attn.hook_pattern", "blocks.0.attn.hook_z", "blocks.0.hook_attn_out",
        "blocks.0.hook_resid_mid", "blocks.0.mlp.hook_pre", "blocks.0.mlp.hook_post", "blocks.0.hook_mlp_out",
        "blocks.0.hook_resid_post"}) {
      assertTrue(names.contains(h), h);
      assertTrue((Boolean) n.eval("cache.has(\"" + h + "\")"), h);
    }
    assertEquals(List.of(2.0, 3.0, 128.0), n.eval("cache[\"blocks.0.hook_resid_pre\"].shape"));
    assertEquals(List.of(2.0, 4.0, 3.0, 3.0), n.eval("cache[\"blocks.0.attn.hook_pattern\"].shape"));
    assertEquals(List.of(2.0, 3.0, 512.0), n.eval("cache[\"blocks.0.mlp.hook_post\"].shape"));
    // The residual stream adds up, the pattern is causal and its rows sum to one, relu(pre) = post.
    assertTrue(maxAbs("cache[\"blocks.0.hook_resid_post\"] - cache[\"blocks.0.hook_resid_mid\"] - cache[\"blocks.0.hook_mlp_out\"]") < 1e-5);
    assertTrue(maxAbs("cache[\"blocks.0.hook_resid_mid\"] - cache[\"blocks.0.hook_resid_pre\"] - cache[\"blocks.0.hook_attn_out\"]") < 1e-5);
    assertTrue(maxAbs("cache[\"blocks.0.mlp.hook_post\"] - nn.relu(cache[\"blocks.0.mlp.hook_pre\"])") == 0);
    assertTrue(maxAbs("cache[\"blocks.0.attn.hook_pattern\"].sum(axis: -1) - 1") < 1e-6);
    assertEquals(0.0, n.num("cache[\"blocks.0.attn.hook_pattern\"][:, :, 0, 1:].abs().sum().item()"));
    assertEquals(0.0, n.num("cache[\"blocks.0.attn.hook_pattern\"][:, :, 1, 2].abs().sum().item()"));
    // The logits are the unembedding of the final residual stream.
    assertTrue(maxAbs("logits - (cache[\"blocks.0.hook_resid_post\"] @ model.unembed.W_U + model.unembed.b_U)") < 1e-5);
    n.eval("let (_, only) = model.run_with_cache(tok, names: [\"blocks.0.hook_resid_post\"])");
    assertEquals(1.0, n.num("len(only)"));
  }

  @Test void hooksCanReplaceActivationsAndCarryGradients() {
    // Zeroing the attention output leaves logits that depend on the token and position embeddings only.
    n.eval("let tk = tensor([[1, 2, 113]])\nlet zeroed = model.run_with_hooks(tk, {\"blocks.0.hook_attn_out\": (x, name) => x * 0})");
    n.eval("let (_, c) = model.run_with_cache(tk)\nlet r = c[\"blocks.0.hook_resid_pre\"]\n"
        + "let mlp = model.blocks[0].mlp\nlet manual = (r + nn.relu(r @ mlp.W_in + mlp.b_in) @ mlp.W_out + mlp.b_out) @ model.unembed.W_U + model.unembed.b_U");
    assertTrue(maxAbs("zeroed - manual") < 1e-4);
    // A leaf planted at resid_mid gives the gradient of a logit with respect to that activation (LIB needs these).
    n.eval("var leaf = nil\nfn plant(x, name) { leaf = x.detach().requires_grad_()\n leaf }\n"
        + "let out = model.run_with_hooks(tk, {\"blocks.0.hook_resid_mid\": plant})\nout[0, 2, 3].backward()");
    assertEquals(List.of(1.0, 3.0, 128.0), n.eval("leaf.grad.shape"));
    assertTrue(n.num("leaf.grad.abs().sum().item()") > 0);
    assertEquals(0.0, n.num("leaf.grad[0, 0:2, :].abs().sum().item()"), "the last position's logit reads only the last position after the MLP");
  }

  @Test void loadsTheSameModelFromSafetensors(@TempDir Path dir) throws Exception {
    Path st = dir.resolve("modadd.safetensors");
    SafeTensors.write(st, Npz.read(NnTesting.testdata("modadd-p113-seed0.npz")), Map.of());
    n.t.set("st", st.toString());
    n.eval("let m2 = nn.load_transformer(st)\nlet tk3 = tensor([[7, 8, 113], [0, 112, 113]])");
    assertArrayEquals(n.values("model(tk3)"), n.values("m2(tk3)"));
  }

  @Test void wrongHeadCountIsReportedWithTheShape() {
    TangentException e = assertThrows(TangentException.class, () -> n.eval("nn.load_transformer(path, n_heads: 8)"));
    assertTrue(e.format().contains("n_heads is 8 but blocks.0.attn.W_Q has shape [4, 128, 32]"), e.format());
    e = assertThrows(TangentException.class, () -> n.eval("nn.load_transformer(path, act: \"swish\")"));
    assertTrue(e.format().contains("act must be"), e.format());
  }

  static double maxAbs(String expr) {
    return n.num("(" + expr + ").abs().max().item()");
  }
}
