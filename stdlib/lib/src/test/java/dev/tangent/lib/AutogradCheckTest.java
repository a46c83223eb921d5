package dev.tangent.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.lib.model.LibModel;
import dev.tangent.lib.model.TransformerChain;
import dev.tangent.lib.section.Section;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analytic Jacobians of the mod-add sections against libtorch's autograd on nn's
 * HookedTransformer in f64: a leaf planted at one hook point, the gradient of u · (a later hook
 * point) read back, compared with our vector-Jacobian product (on the 128 residual coordinates;
 * the folded constant coordinate has no counterpart in the unfolded model). Also the forward
 * passes: the sections reproduce the model's logits and its published accuracy.
 */
class AutogradCheckTest {
  static LibTesting n;
  static LibModel model;

  @BeforeAll static void setUp() {
    n = new LibTesting();
    n.t.set("path", LibTesting.testdata("modadd-p113-seed0.npz"));
    n.eval("let model = nn.load_transformer(path, n_heads: 4, dtype: \"f64\")");
    model = TransformerChain.build(ModAddFixture.weights(), List.of("ln1.0", "ln2.0", "unembed", "output"), 3, true);
  }

  /** d(u · at[0, pos]) / d(from) by autograd, [3][128]. */
  static double[] autograd(long[] tokens, String from, String at, int pos, double[] u) {
    n.t.set("tok", Tensor.ofLongs(new int[] {1, 3}, tokens));
    n.t.set("u", Tensor.ofDoubles(new int[] {128}, u));
    n.eval("var leaf = nil\nvar got = nil\nfn plant(x, name) {\n  leaf = x.detach().requires_grad_()\n  leaf\n}\n"
        + "fn grab(x, name) {\n  got = x\n  nil\n}\n"
        + "model.run_with_hooks(tok, {\"" + from + "\": plant, \"" + at + "\": grab})\n"
        + "(got[0, " + pos + ", :] * nn.dtensor(u, \"f64\")).sum().backward()");
    return n.values("leaf.grad[0]");
  }

  static double maxRelDiff(double[] ours, int oursPositions, double[] theirs, int positionsCompared, int firstPos) {
    double err = 0;
    double scale = 0;
    for (int p = 0; p < positionsCompared; p++) for (int j = 0; j < 128; j++) {
      double a = ours[(firstPos + p) * 129 + j];
      double b = theirs[p * 128 + j];
      err = Math.max(err, Math.abs(a - b));
      scale = Math.max(scale, Math.abs(b));
    }
    return err / scale;
  }

  @Test void attentionJacobianMatchesAutograd() {
    SplittableRandom r = new SplittableRandom(5);
    Section attn = model.sections.get(0);
    for (long[] tok : new long[][] {{3, 9, 113}, {100, 50, 113}, {112, 0, 113}}) {
      double[] u = Nets.randv(r, 128, 1);
      double[] uf = java.util.Arrays.copyOf(u, 129);
      double[] x = model.prefix.apply(new double[] {tok[0], tok[1], tok[2]}, 1);
      double[] g = new double[3 * 129];
      attn.vjp(x, 1, uf, 1, true, g);
      double[] ref = autograd(tok, "blocks.0.hook_resid_pre", "blocks.0.hook_resid_mid", 2, u);
      double err = maxRelDiff(g, 3, ref, 3, 0);
      assertTrue(err < 1e-12, "attention VJP vs autograd: " + err);
    }
  }

  @Test void mlpJacobianMatchesAutograd() {
    SplittableRandom r = new SplittableRandom(6);
    Section mlp = model.sections.get(1);
    for (long[] tok : new long[][] {{3, 9, 113}, {77, 31, 113}}) {
      double[] u = Nets.randv(r, 128, 1);
      double[] uf = java.util.Arrays.copyOf(u, 129);
      double[] x0 = model.prefix.apply(new double[] {tok[0], tok[1], tok[2]}, 1);
      double[] x1 = new double[129];
      model.sections.get(0).forward(x0, 1, x1);
      double[] g = new double[129];
      mlp.vjp(x1, 1, uf, 1, true, g);
      // autograd sees all three positions; the MLP acts on the last one only.
      double[] ref = autograd(tok, "blocks.0.hook_resid_mid", "blocks.0.hook_resid_post", 2, u);
      double err = 0;
      double scale = 0;
      for (int j = 0; j < 128; j++) {
        err = Math.max(err, Math.abs(g[j] - ref[2 * 128 + j]));
        scale = Math.max(scale, Math.abs(ref[2 * 128 + j]));
      }
      assertTrue(err / scale < 1e-12, "MLP VJP vs autograd: " + err / scale);
      for (int j = 0; j < 256; j++) assertEquals(0.0, ref[j], "earlier positions do not reach the last after attention");
    }
  }

  @Test void sectionsReproduceTheModelAndItsAccuracy() {
    int p = ModAddFixture.P;
    long[] tok = dev.tangent.lib.data.ModAdd.tokens(p);
    double[] in = new double[tok.length];
    for (int i = 0; i < in.length; i++) in[i] = tok[i];
    double[] logits = model.logitsFrom(0, model.prefix.apply(in, p * p), p * p);
    dev.tangent.lib.analysis.Scores s = new dev.tangent.lib.analysis.Scores();
    s.add(logits, p * p, 1, 114, dev.tangent.lib.data.ModAdd.labels(p), 0);
    assertEquals(12765, Math.round(s.correct));
    n.t.set("all", Tensor.ofLongs(new int[] {p * p, 3}, tok));
    double[] ref = n.values("nn.no_grad(() => model(all))[:, 2, :]");
    double err = 0;
    for (int i = 0; i < ref.length; i++) err = Math.max(err, Math.abs(ref[i] - logits[i]));
    assertTrue(err < 1e-10, "logits differ by " + err);
  }
}
