package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.core.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** train() fits small problems to a stated accuracy and reports its progress. */
class TrainingTest {
  /** Two interleaved spirals, a classic problem a linear model cannot solve. */
  static Tensor[] spirals(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n * 2];
    long[] y = new long[n];
    for (int i = 0; i < n; i++) {
      int cls = i % 2;
      double t = r.nextDouble(0.25, 1) * 3 * Math.PI;
      double rad = t / (3 * Math.PI) * 2;
      double a = t + cls * Math.PI;
      x[2 * i] = rad * Math.cos(a) + r.nextGaussian() * 0.03;
      x[2 * i + 1] = rad * Math.sin(a) + r.nextGaussian() * 0.03;
      y[i] = cls;
    }
    return new Tensor[] {Tensor.ofDoubles(new int[] {n, 2}, x), Tensor.ofLongs(new int[] {n}, y)};
  }

  @Test void fitsTwoSpiralsToNinetyFivePercentOnHeldOutPoints() {
    NnTesting n = new NnTesting();
    Tensor[] train = spirals(1000, 1);
    Tensor[] test = spirals(400, 2);
    n.t.set("x", train[0]);
    n.t.set("y", train[1]);
    n.t.set("xt", test[0]);
    n.t.set("yt", test[1]);
    n.eval("nn.seed(3)\nlet model = nn.sequential(nn.linear(2, 64), nn.relu(), nn.linear(64, 64), nn.relu(), nn.linear(64, 2))\n"
        + "let before = nn.accuracy(model(xt), yt)\n"
        + "let r = nn.train(model, (x, y), \"cross_entropy\", nn.adam(model, lr: 0.01), epochs: 80, batch_size: 50, progress: \"none\")\n"
        + "let after = nn.accuracy(model.eval()(xt), yt)");
    double after = n.num("after");
    assertTrue(n.num("before") < 0.7, "an untrained net should not already solve it");
    assertTrue(after >= 0.95, "held-out accuracy " + after);
    assertEquals(1600.0, n.num("r.steps"));
    assertTrue(n.num("r.history[79]") < n.num("r.history[0]") / 5, "the loss falls");
  }

  @Test void regressesASineWithMseAndAScriptLoss() {
    NnTesting n = new NnTesting();
    n.eval("nn.seed(1)\nlet x = linspace(-3, 3, 256).reshape(256, 1)\nlet y = sin(x)\n"
        + "let model = nn.sequential(nn.linear(1, 32), nn.gelu(), nn.linear(32, 1))\n"
        + "let r = nn.train(model, (x, y), (p, t) => nn.mse(p, t) + 0 * nn.l1(p, t), nn.adamw(model, lr: 0.01), "
        + "epochs: 150, batch_size: 32, progress: \"lines\")\n"
        + "let err = nn.mse(model(x), y).item()");
    assertTrue(n.num("err") < 2e-3, "mse " + n.num("err"));
    String out = n.err.toString();
    assertTrue(out.matches("(?s).*train: 1200/1200 \\(100%\\), done in [0-9.:s]+, epoch 150/150  loss \\d\\.\\d{4}.*"), out);
  }
}
