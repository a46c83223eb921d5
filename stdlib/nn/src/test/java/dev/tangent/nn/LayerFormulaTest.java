package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.core.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Layer outputs against textbook formulas computed by plain Java loops (class Naive). */
class LayerFormulaTest {
  final SplittableRandom rng = new SplittableRandom(42);
  final NnTesting n = new NnTesting();

  Tensor input(String name, int... shape) {
    Tensor t = Tensor.ofDoubles(shape, Naive.random(rng, Naive.size(shape)));
    n.t.set(name, t);
    return t;
  }

  static void close(double[] want, double[] got, double tol) {
    assertEquals(want.length, got.length, "length");
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got[i], tol * Math.max(1, Math.abs(want[i])), "element " + i);
    }
  }

  int[] shape(String expr) {
    Object s = n.t.evalRaw(expr + ".shape");
    java.util.List<Object> l = ((dev.tangent.spi.Tuple) s).list();
    int[] out = new int[l.size()];
    for (int i = 0; i < out.length; i++) out[i] = ((Double) l.get(i)).intValue();
    return out;
  }

  @Test void linearIsXWTransposePlusB() {
    Tensor x = input("x", 5, 3);
    n.eval("let lin = nn.linear(3, 4, dtype: \"f64\")");
    double[] w = n.values("lin.weight");
    double[] b = n.values("lin.bias");
    double[] y = n.values("lin(x)");
    for (int i = 0; i < 5; i++) {
      for (int o = 0; o < 4; o++) {
        double acc = b[o];
        for (int k = 0; k < 3; k++) acc += x.getAt(i, k) * w[o * 3 + k];
        assertEquals(acc, y[i * 4 + o], 1e-12);
      }
    }
    // PyTorch's default initialisation: U(-1/sqrt(in), 1/sqrt(in)).
    for (double v : w) assertTrue(Math.abs(v) <= 1 / Math.sqrt(3));
  }

  @Test void conv2dMatchesTheDefinition() {
    Tensor x = input("x", 2, 4, 7, 6);
    n.eval("let c = nn.conv2d(4, 6, [3, 2], stride: [2, 1], padding: [1, 2], dilation: [1, 2], groups: 2, dtype: \"f64\")");
    Naive.Result r = Naive.conv(x.toDoubleArray(), x.shape(), n.values("c.weight"), shape("c.weight"), n.values("c.bias"),
        new int[] {2, 1}, new int[] {1, 2}, new int[] {1, 2}, 2);
    assertArrayEquals(r.shape(), shape("c(x)"));
    close(r.values(), n.values("c(x)"), 1e-12);
  }

  @Test void convTranspose2dMatchesTheScatterDefinition() {
    Tensor x = input("x", 2, 4, 5, 3);
    n.eval("let ct = nn.conv_transpose2d(4, 6, [3, 2], stride: [2, 3], padding: [1, 0], output_padding: [1, 2], "
        + "dilation: [2, 1], groups: 2, dtype: \"f64\")");
    assertArrayEquals(new int[] {4, 3, 3, 2}, shape("ct.weight"));
    Naive.Result r = Naive.convTranspose(x.toDoubleArray(), x.shape(), n.values("ct.weight"), shape("ct.weight"),
        n.values("ct.bias"), new int[] {2, 3}, new int[] {1, 0}, new int[] {1, 2}, new int[] {2, 1}, 2);
    assertArrayEquals(r.shape(), shape("ct(x)"));
    close(r.values(), n.values("ct(x)"), 1e-12);
  }

  @Test void convTranspose3dMatchesTheScatterDefinitionEvenWhenPaddingCrops() {
    Tensor x = input("x", 1, 2, 4, 3, 5);
    // padding 2 > dilation*(k-1) = 1: the equivalent convolution crops instead of padding.
    n.eval("let ct = nn.conv_transpose3d(2, 3, 2, stride: 2, padding: [2, 0, 1], dtype: \"f64\")");
    Naive.Result r = Naive.convTranspose(x.toDoubleArray(), x.shape(), n.values("ct.weight"), shape("ct.weight"),
        n.values("ct.bias"), new int[] {2, 2, 2}, new int[] {2, 0, 1}, new int[] {0, 0, 0}, new int[] {1, 1, 1}, 1);
    assertArrayEquals(r.shape(), shape("ct(x)"));
    close(r.values(), n.values("ct(x)"), 1e-12);
  }

  @Test void conv3dMatchesTheDefinition() {
    Tensor x = input("x", 1, 2, 5, 4, 4);
    n.eval("let c = nn.conv3d(2, 3, 3, padding: 1, dtype: \"f64\")");
    Naive.Result r = Naive.conv(x.toDoubleArray(), x.shape(), n.values("c.weight"), shape("c.weight"), n.values("c.bias"),
        new int[] {1, 1, 1}, new int[] {1, 1, 1}, new int[] {1, 1, 1}, 1);
    close(r.values(), n.values("c(x)"), 1e-12);
  }

  @Test void instanceNormUsesPerSampleChannelMoments() {
    Tensor x = input("x", 2, 3, 4, 5);
    n.eval("let inorm = nn.instance_norm(3, affine: true, dtype: \"f64\")\n"
        + "inorm.weight.assign(tensor([0.5, 2, -1]))\ninorm.bias.assign(tensor([0.1, 0.2, 0.3]))");
    double[] y = n.values("inorm(x)");
    double[] g = {0.5, 2, -1};
    double[] b = {0.1, 0.2, 0.3};
    double[] xv = x.toDoubleArray();
    for (int s = 0; s < 2; s++) {
      for (int c = 0; c < 3; c++) {
        int base = (s * 3 + c) * 20;
        double mean = 0;
        for (int i = 0; i < 20; i++) mean += xv[base + i] / 20;
        double var = 0;
        for (int i = 0; i < 20; i++) var += (xv[base + i] - mean) * (xv[base + i] - mean) / 20;
        for (int i = 0; i < 20; i++) {
          assertEquals((xv[base + i] - mean) / Math.sqrt(var + 1e-5) * g[c] + b[c], y[base + i], 1e-12);
        }
      }
    }
  }

  @Test void batchNormNormalisesWithBatchMomentsAndUpdatesRunningOnes() {
    Tensor x = input("x", 6, 2, 3);
    n.eval("let bn = nn.batch_norm(2, dtype: \"f64\")");
    double[] y = n.values("bn(x)");
    double[] xv = x.toDoubleArray();
    double[] rm = n.values("bn.running_mean");
    double[] rv = n.values("bn.running_var");
    for (int c = 0; c < 2; c++) {
      double mean = 0;
      int cnt = 18;
      for (int s = 0; s < 6; s++) for (int i = 0; i < 3; i++) mean += xv[(s * 2 + c) * 3 + i] / cnt;
      double var = 0;
      for (int s = 0; s < 6; s++) for (int i = 0; i < 3; i++) var += Math.pow(xv[(s * 2 + c) * 3 + i] - mean, 2);
      for (int s = 0; s < 6; s++) {
        for (int i = 0; i < 3; i++) {
          int k = (s * 2 + c) * 3 + i;
          assertEquals((xv[k] - mean) / Math.sqrt(var / cnt + 1e-5), y[k], 1e-12);
        }
      }
      assertEquals(0.1 * mean, rm[c], 1e-12);
      assertEquals(0.9 + 0.1 * var / (cnt - 1), rv[c], 1e-12);
    }
    // Eval mode normalises with the running statistics instead.
    double[] ye = n.values("bn.eval()(x)");
    assertEquals((xv[0] - rm[0]) / Math.sqrt(rv[0] + 1e-5), ye[0], 1e-12);
  }

  @Test void layerNormNormalisesTheLastAxis() {
    Tensor x = input("x", 3, 5);
    n.eval("let ln = nn.layer_norm(5, dtype: \"f64\")");
    double[] y = n.values("ln(x)");
    double[] xv = x.toDoubleArray();
    for (int r = 0; r < 3; r++) {
      double mean = 0;
      for (int i = 0; i < 5; i++) mean += xv[r * 5 + i] / 5;
      double var = 0;
      for (int i = 0; i < 5; i++) var += Math.pow(xv[r * 5 + i] - mean, 2) / 5;
      for (int i = 0; i < 5; i++) assertEquals((xv[r * 5 + i] - mean) / Math.sqrt(var + 1e-5), y[r * 5 + i], 1e-12);
    }
  }

  @Test void embeddingLooksUpRows() {
    n.eval("let emb = nn.embedding(10, 4, dtype: \"f64\")");
    double[] w = n.values("emb.weight");
    double[] y = n.values("emb(tensor([[3, 7], [0, 3]]))");
    int[] tok = {3, 7, 0, 3};
    for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) assertEquals(w[tok[i] * 4 + j], y[i * 4 + j], 0);
  }

  @Test void attentionIsSoftmaxOfScaledScoresTimesValues() {
    int b = 2;
    int p = 4;
    int d = 6;
    int h = 2;
    int e = 3;
    Tensor x = input("x", b, p, d);
    n.eval("let att = nn.attention(6, 2, causal: true, dtype: \"f64\")\n"
        + "for name in [\"b_Q\", \"b_K\", \"b_V\", \"b_O\"] { let p = att.named_parameters()[name]\n p.assign(randn(p.shape, seed: 3)) }");
    double[] wq = n.values("att.W_Q");
    double[] wk = n.values("att.W_K");
    double[] wv = n.values("att.W_V");
    double[] wo = n.values("att.W_O");
    double[] bq = n.values("att.b_Q");
    double[] bk = n.values("att.b_K");
    double[] bv = n.values("att.b_V");
    double[] bo = n.values("att.b_O");
    double[] y = n.values("att(x)");
    double[] xv = x.toDoubleArray();
    for (int s = 0; s < b; s++) {
      double[][][] q = new double[h][p][e];
      double[][][] k = new double[h][p][e];
      double[][][] v = new double[h][p][e];
      for (int hh = 0; hh < h; hh++) {
        for (int i = 0; i < p; i++) {
          for (int c = 0; c < e; c++) {
            q[hh][i][c] = bq[hh * e + c];
            k[hh][i][c] = bk[hh * e + c];
            v[hh][i][c] = bv[hh * e + c];
            for (int m = 0; m < d; m++) {
              double xm = xv[(s * p + i) * d + m];
              q[hh][i][c] += xm * wq[(hh * d + m) * e + c];
              k[hh][i][c] += xm * wk[(hh * d + m) * e + c];
              v[hh][i][c] += xm * wv[(hh * d + m) * e + c];
            }
          }
        }
      }
      for (int i = 0; i < p; i++) {
        double[] out = bo.clone();
        for (int hh = 0; hh < h; hh++) {
          double[] sc = new double[i + 1];
          double max = Double.NEGATIVE_INFINITY;
          for (int j = 0; j <= i; j++) {
            double dot = 0;
            for (int c = 0; c < e; c++) dot += q[hh][i][c] * k[hh][j][c];
            sc[j] = dot / Math.sqrt(e);
            max = Math.max(max, sc[j]);
          }
          double z = 0;
          for (int j = 0; j <= i; j++) z += Math.exp(sc[j] - max);
          double[] zv = new double[e];
          for (int j = 0; j <= i; j++) for (int c = 0; c < e; c++) zv[c] += Math.exp(sc[j] - max) / z * v[hh][j][c];
          for (int c = 0; c < e; c++) for (int m = 0; m < d; m++) out[m] += zv[c] * wo[(hh * e + c) * d + m];
        }
        for (int m = 0; m < d; m++) assertEquals(out[m], y[(s * p + i) * d + m], 1e-12);
      }
    }
  }

  @Test void activationsFollowTheirFormulas() {
    Tensor x = input("x", 2, 5);
    double[] xv = x.toDoubleArray();
    double[] relu = n.values("nn.relu(nn.dtensor(x, \"f64\"))");
    double[] leaky = n.values("nn.leaky_relu(nn.dtensor(x, \"f64\"), slope: 0.2)");
    double[] gelu = n.values("nn.gelu(nn.dtensor(x, \"f64\"))");
    double[] geluT = n.values("nn.gelu(nn.dtensor(x, \"f64\"), approximate: \"tanh\")");
    double[] soft = n.values("nn.softmax(nn.dtensor(x, \"f64\"))");
    for (int i = 0; i < xv.length; i++) {
      double v = xv[i];
      assertEquals(Math.max(v, 0), relu[i], 0);
      assertEquals(v > 0 ? v : 0.2 * v, leaky[i], 1e-15);
      assertEquals(0.5 * v * (1 + Naive.erf(v / Math.sqrt(2))), gelu[i], 1e-12);
      assertEquals(0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v))), geluT[i], 1e-12);
    }
    for (int r = 0; r < 2; r++) {
      double z = 0;
      for (int i = 0; i < 5; i++) z += Math.exp(xv[r * 5 + i]);
      for (int i = 0; i < 5; i++) assertEquals(Math.exp(xv[r * 5 + i]) / z, soft[r * 5 + i], 1e-12);
    }
  }

  @Test void dropoutZeroesAboutPAndRescalesTheRest() {
    n.eval("let x = nn.dtensor(ones(200, 100))\nlet d = nn.dropout(0.3)");
    double[] y = n.values("d(x)");
    int zeros = 0;
    for (double v : y) {
      if (v == 0) zeros++;
      else assertEquals(1 / 0.7, v, 1e-6);
    }
    double frac = zeros / (double) y.length;
    assertTrue(Math.abs(frac - 0.3) < 0.02, "zeroed fraction " + frac);
    // Evaluation mode is the identity; the same seed gives the same mask.
    for (double v : n.values("d.eval()(x)")) assertEquals(1, v, 0);
    n.eval("d.train()");
    n.eval("nn.seed(5)");
    double[] a = n.values("d(x)");
    n.eval("nn.seed(5)");
    assertArrayEquals(a, n.values("d(x)"));
  }
}
