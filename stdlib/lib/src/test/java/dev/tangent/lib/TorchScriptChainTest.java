package dev.tangent.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A chain of TorchScript modules (src/test/resources/torchscript, made by make_chain.py) as LIB
 * sections through libtorch's autograd, against the same MLP built with nn.sequential and analysed
 * analytically: for ReLU layers c·F(x/c) is exactly rib's bias folding, so the two agree.
 */
class TorchScriptChainTest {
  static LibTesting n;

  @BeforeAll static void setUp() {
    n = new LibTesting();
    n.t.set("dir", LibTesting.resource("torchscript"));
    n.eval("""
        let io = load_npz(dir + "/chain.npz")
        let chain = [nn.load_torchscript(dir + "/chain0.pt"), nn.load_torchscript(dir + "/chain1.pt"), nn.load_torchscript(dir + "/chain2.pt")]
        let mlp = nn.sequential(nn.linear(6, 8, dtype: "f64"), nn.relu(), nn.linear(8, 5, dtype: "f64"), nn.relu(), nn.linear(5, 3, dtype: "f64"))
        mlp.load_state_dict({"0.weight": io.w0, "0.bias": io.b0, "2.weight": io.w1, "2.bias": io.b1, "4.weight": io.w2, "4.bias": io.b2})
        let x = io.x
        let ra = lib.build(chain, x)
        let rm = lib.build(mlp, x)
        """);
  }

  @Test void theChainIsTheMlp() {
    assertTrue(n.num("(mlp(io.x).tensor() - io.y).abs().max()") < 1e-12, "the reference MLP reproduces PyTorch's output");
    assertEquals(java.util.List.of("layers.0", "layers.1", "layers.2", "output"), n.eval("ra.layers"));
    assertEquals(n.eval("rm.dims()"), n.eval("ra.dims()"));
  }

  @Test void autogradAndAnalyticBasesAgree() {
    for (String l : new String[] {"layers.0", "layers.1", "layers.2"}) {
      double[] la = n.values("ra.lambdas(\"" + l + "\")");
      double[] lm = n.values("rm.lambdas(\"" + l + "\")");
      for (int j = 0; j < la.length; j++) assertEquals(lm[j], la[j], 1e-10 * lm[0], l + " Λ_" + j);
      // Features agree up to sign on the data.
      n.t.set("l", l);
      double[] fa = n.values("ra.features(l, x)");
      double[] fm = n.values("rm.features(l, x)");
      int r = la.length;
      for (int j = 0; j < r; j++) {
        if (la[j] < 1e-9 * la[0]) continue;
        double dot = 0;
        double na = 0;
        double nm = 0;
        for (int i = 0; i < 64; i++) {
          dot += fa[i * r + j] * fm[i * r + j];
          na += fa[i * r + j] * fa[i * r + j];
          nm += fm[i * r + j] * fm[i * r + j];
        }
        assertEquals(1.0, Math.abs(dot) / Math.sqrt(na * nm), 1e-9, l + " feature " + j);
      }
    }
    for (String l : new String[] {"layers.0", "layers.1", "layers.2"}) {
      n.t.set("l", l);
      assertTrue(n.num("(ra.edges(l) - rm.edges(l)).abs().max() / rm.edges(l).abs().max()") < 1e-9, l + " edges");
    }
  }

  @Test void blocksWrittenInTheLanguageAreSectionsToo() {
    // The same MLP as script blocks with f64 parameters: autograd through the interpreter's DTensor ops.
    n.eval("""
        fn layer(w, b) = nn.block((p, x) => nn.relu(x @ p.w.T + p.b), {w: nn.param(w, "f64"), b: nn.param(b, "f64")})
        let last = nn.block((p, x) => x @ p.w.T + p.b, {w: nn.param(io.w2, "f64"), b: nn.param(io.b2, "f64")})
        let blocks = [layer(io.w0, io.b0), layer(io.w1, io.b1), last]
        let rb = lib.build(blocks, x)
        """);
    for (String l : new String[] {"layers.0", "layers.1", "layers.2"}) {
      double[] lb = n.values("rb.lambdas(\"" + l + "\")");
      double[] lm = n.values("rm.lambdas(\"" + l + "\")");
      assertEquals(lm.length, lb.length, l);
      for (int j = 0; j < lb.length; j++) assertEquals(lm[j], lb[j], 1e-10 * lm[0], l + " Λ_" + j);
      n.t.set("l", l);
      assertTrue(n.num("(rb.edges(l) - rm.edges(l)).abs().max() / rm.edges(l).abs().max()") < 1e-9, l + " edges");
    }
  }

  @Test void float32ModulesAreAnalysedInTheirOwnPrecision() {
    n.eval("let c32 = [nn.load_torchscript(dir + \"/chain0_f32.pt\"), nn.load_torchscript(dir + \"/chain1_f32.pt\"), nn.load_torchscript(dir + \"/chain2_f32.pt\")]\n"
        + "let r32 = lib.build(c32, x)");
    double[] la = n.values("r32.lambdas(\"layers.1\")");
    double[] lm = n.values("rm.lambdas(\"layers.1\")");
    for (int j = 0; j < 4; j++) assertEquals(lm[j], la[j], 1e-5 * lm[0], "Λ_" + j);
  }
}
