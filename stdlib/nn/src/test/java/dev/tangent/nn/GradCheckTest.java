package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Reverse-mode gradients (nn.grad, backward) against central finite differences, in float64.
 * The objective is sum(layer(p) * w) with w = cos(layer(p0)) fixed, so every output matters.
 */
class GradCheckTest {
  static final double H = 1e-6;
  final SplittableRandom rng = new SplittableRandom(7);

  Tensor rand(int... shape) {
    return Tensor.ofDoubles(shape, Naive.random(rng, Naive.size(shape)));
  }

  /** Checks up to 8 coordinates of every parameter; setup defines the script function layer(p). */
  void check(String setup, Map<String, Tensor> p) {
    NnTesting n = new NnTesting();
    n.t.set("p0", p);
    n.eval(setup + "\nlet rw = nn.dtensor(layer(p0), \"f64\").cos()\nfn obj(p) = (layer(p) * rw).sum()");
    TMap grads = (TMap) n.t.evalRaw("nn.grad(obj)(p0)");
    int checked = 0;
    for (Map.Entry<String, Tensor> e : p.entrySet()) {
      Tensor g = (Tensor) grads.get(e.getKey());
      double[] base = e.getValue().toDoubleArray();
      int step = Math.max(1, base.length / 8);
      for (int i = 0; i < base.length; i += step) {
        double fd = (objective(n, p, e.getKey(), base, i, H) - objective(n, p, e.getKey(), base, i, -H)) / (2 * H);
        double ad = g.toDoubleArray()[i];
        assertEquals(fd, ad, 1e-6 * Math.max(1, Math.abs(fd)), e.getKey() + "[" + i + "]");
        checked++;
      }
    }
    assertTrue(checked > 0);
  }

  static double objective(NnTesting n, Map<String, Tensor> p, String key, double[] base, int i, double h) {
    double[] v = base.clone();
    v[i] += h;
    Map<String, Object> q = new LinkedHashMap<>(p);
    q.put(key, Tensor.ofDoubles(p.get(key).shape(), v));
    n.t.set("q", q);
    return n.num("obj(q).item()");
  }

  @Test void denseLayerWithTanh() {
    check("fn layer(p) = tanh(p.x @ p.w + p.b)", Map.of("x", rand(3, 4), "w", rand(4, 5), "b", rand(5)));
  }

  @Test void transposedConvolution2d() {
    check("fn layer(p) = nn.conv_transpose(p.x, p.w, p.b, stride: [2, 1], padding: 1, output_padding: [1, 0], dilation: [1, 2])",
        Map.of("x", rand(2, 3, 4, 3), "w", rand(3, 2, 3, 2), "b", rand(2)));
  }

  @Test void transposedConvolution3dWithGroups() {
    check("fn layer(p) = nn.conv_transpose(p.x, p.w, nil, stride: 2, padding: [0, 1, 0], groups: 2)",
        Map.of("x", rand(1, 4, 2, 3, 2), "w", rand(4, 1, 2, 3, 2)));
  }

  @Test void convolution2d() {
    check("fn layer(p) = nn.conv(p.x, p.w, p.b, stride: 2, padding: 1)",
        Map.of("x", rand(2, 2, 5, 5), "w", rand(3, 2, 3, 3), "b", rand(3)));
  }

  @Test void instanceNormWithAffineWeights() {
    check("let inorm = nn.instance_norm(3, affine: true, dtype: \"f64\")\n"
        + "inorm.weight.assign(tensor([0.5, 2, -1]))\ninorm.bias.assign(tensor([0.1, 0.2, 0.3]))\n"
        + "fn layer(p) = inorm(p.x)", Map.of("x", rand(2, 3, 3, 4)));
  }

  @Test void layerAndBatchNorm() {
    check("let ln = nn.layer_norm(4, dtype: \"f64\")\nlet bn = nn.batch_norm(3, dtype: \"f64\")\n"
        + "fn layer(p) = bn(ln(p.x))", Map.of("x", rand(5, 3, 4)));
  }

  @Test void causalAttention() {
    check("let att = nn.attention(6, 2, causal: true, dtype: \"f64\")\nfn layer(p) = att(p.x)", Map.of("x", rand(2, 4, 6)));
  }

  @Test void activationsAndSoftmax() {
    check("fn layer(p) = nn.softmax(nn.gelu(p.x) + nn.leaky_relu(p.x, slope: 0.1) + exp(p.x) * 0.1, axis: 0)",
        Map.of("x", rand(4, 3)));
  }

  @Test void lossesAndEmbedding() {
    check("let emb = nn.embedding(5, 3, dtype: \"f64\")\n"
        + "fn layer(p) = nn.cross_entropy(p.x, tensor([0, 2, 1, 2])) + nn.mse(p.x, p.t) + nn.l1(p.x * 2, p.t)"
        + " + (emb(tensor([1, 4])) * p.x[0:2, :]).sum()",
        Map.of("x", rand(4, 3), "t", rand(4, 3)));
  }

  @Test void blockParametersThroughGradOfABlock() {
    NnTesting n = new NnTesting();
    n.t.set("x", rand(6, 3));
    n.eval("let model = nn.sequential(nn.linear(3, 4, dtype: \"f64\"), nn.gelu(), nn.linear(4, 2, dtype: \"f64\"))\n"
        + "fn obj(m) = (m(x) ^ 2).sum()\nlet g = nn.grad(obj)(model)");
    for (String name : new String[] {"0.weight", "0.bias", "2.weight"}) {
      double[] ad = n.values("g[\"" + name + "\"]");
      double[] w = n.values("model.named_parameters()[\"" + name + "\"]");
      for (int i = 0; i < w.length; i += 3) {
        double[] plus = w.clone();
        plus[i] += H;
        double[] minus = w.clone();
        minus[i] -= H;
        double fp = objectiveWith(n, name, plus, w);
        double fm = objectiveWith(n, name, minus, w);
        assertEquals((fp - fm) / (2 * H), ad[i], 1e-6, name + "[" + i + "]");
      }
    }
    // backward() from a script accumulates the same numbers into .grad.
    n.eval("model.zero_grad()\nobj(model).backward()");
    double[] viaBackward = n.values("model[0].weight.grad");
    double[] viaGrad = n.values("g[\"0.weight\"]");
    for (int i = 0; i < viaGrad.length; i++) assertEquals(viaGrad[i], viaBackward[i], 1e-12);
  }

  static double objectiveWith(NnTesting n, String name, double[] values, double[] restore) {
    Tensor t = Tensor.ofDoubles(new int[] {values.length}, values);
    n.t.set("v", t);
    n.t.set("r", Tensor.ofDoubles(new int[] {restore.length}, restore));
    String p = "model.named_parameters()[\"" + name + "\"]";
    double f = n.num(p + ".assign(v.reshape(" + p + ".shape))\nobj(model).item()");
    n.eval(p + ".assign(r.reshape(" + p + ".shape))");
    return f;
  }
}
