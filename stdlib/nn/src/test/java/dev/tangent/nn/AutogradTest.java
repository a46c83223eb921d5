package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** backward() and grad() as scripts use them, against hand-derived derivatives. */
class AutogradTest {
  @Test void backwardAccumulatesUntilZeroed() {
    NnTesting n = new NnTesting();
    n.eval("let w = nn.param(tensor([1.0, 2.0, 3.0]), \"f64\")\nlet loss = (w * w).sum()\nloss.backward()");
    assertArrayEquals(new double[] {2, 4, 6}, n.values("w.grad"));
    n.eval("(w * 3).sum().backward()");
    assertArrayEquals(new double[] {5, 7, 9}, n.values("w.grad"), "gradients accumulate as in PyTorch");
    n.eval("w.zero_grad()");
    assertArrayEquals(new double[] {0, 0, 0}, n.values("w.grad"));
    assertTrue((Boolean) n.eval("(w * 2).requires_grad"));
    assertTrue(!(Boolean) n.eval("nn.no_grad(() => w * 2).requires_grad"));
    n.eval("let lin = nn.linear(3, 1)");
    assertTrue(!(Boolean) n.eval("nn.no_grad(() => lin(tensor([[1, 2, 3]]))).requires_grad"), "blocks called inside no_grad record nothing");
    assertTrue((Boolean) n.eval("lin(tensor([[1, 2, 3]])).requires_grad"), "and recording is back on afterwards");
  }

  @Test void gradMirrorsTheStructureOfItsArgument() {
    NnTesting n = new NnTesting();
    // f(a, b) = sum(a² b) + 3 b0: df/da = 2ab, df/db = a² + (3, 0).
    n.eval("fn f(p) = (p.a * p.a * p.b).sum() + p.b[0] * 3\n"
        + "let g = nn.grad(f)({a: tensor([1.0, 2.0]), b: tensor([3.0, -1.0])})");
    assertArrayEquals(new double[] {6, -4}, n.values("g.a"), 1e-12);
    assertArrayEquals(new double[] {4, 4}, n.values("g.b"), 1e-12);
    assertEquals("Tensor", n.eval("type(g.a)").toString(), "Tensor in, Tensor out");
    n.eval("let (v, gl) = nn.value_and_grad(xs => (xs[0] * xs[1]).sum())([nn.dtensor(tensor([2.0]), \"f64\"), tensor([5.0])])");
    assertEquals(10.0, n.num("v.item()"), 1e-12);
    assertEquals(List.of(5.0), n.eval("gl[0].tensor().tolist()"));
    assertEquals(List.of(2.0), n.eval("gl[1].tolist()"));
    // Extra arguments pass through undifferentiated.
    assertArrayEquals(new double[] {4.0}, n.values("nn.grad((x, k) => (x * k).sum())(tensor([1.0]), 4)"), 1e-12);
  }

  @Test void customBlocksTrainTheirParameters() {
    NnTesting n = new NnTesting();
    n.eval("nn.seed(0)\nlet affine = nn.block((p, x) => x * p.scale + p.shift, {scale: tensor([1.0]), shift: tensor([0.0])})\n"
        + "let x = linspace(-1, 1, 64).reshape(64, 1)\nlet y = x * 3 - 0.5\n"
        + "nn.train(affine, (x, y), \"mse\", nn.sgd(affine, lr: 0.2), epochs: 60, batch_size: 16, progress: \"none\")");
    assertEquals(3.0, n.values("affine.scale")[0], 1e-3);
    assertEquals(-0.5, n.values("affine.shift")[0], 1e-3);
    assertEquals(List.of("scale", "shift"), n.eval("affine.named_parameters().keys()"));
    // A sub-block inside a custom block is trained too, and named with a prefix.
    n.eval("let head = nn.block((p, x) => p.inner(x) * p.g, {inner: nn.linear(1, 1), g: tensor([2.0])})");
    assertEquals(List.of("g", "inner.weight", "inner.bias"), n.eval("head.named_parameters().keys()"));
  }
}
