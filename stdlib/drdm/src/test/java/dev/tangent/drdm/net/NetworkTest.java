package dev.tangent.drdm.net;

import dev.tangent.drdm.DrdmTesting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.tangent.drdm.net.layers.TimeEmbedding;
import dev.tangent.io.array.NdArray;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RecResACNet: the parameter counts and time embedding of the spec (§6 cases 11, 12), and the real
 * test: loaded with the authors' CMR weights, it reproduces the reference PyTorch outputs for
 * vector-a (t = 30, one and two recursive passes).
 */
class NetworkTest {
  static final DrdmTesting T = new DrdmTesting();
  static final JsonObject V = DrdmTesting.vectorsJson();
  static final String WEIGHTS = DrdmTesting.testdata("drdm/drdm-cmr-recresacnet-2d.npz").toString();
  static final String VECTOR = DrdmTesting.testdata("drdm/drdm-recresacnet-vector-a.npz").toString();

  @Test void parameterCounts() {
    T.eval("let n2 = drdm.network(2)\nlet n3 = drdm.network(3)");
    assertEquals(V.get("params_2d_trainable").getAsDouble(), T.num("n2.n_params"));
    assertEquals(V.get("params_2d_total").getAsDouble(), T.num("n2.n_params_total"));
    assertEquals(V.get("params_3d_trainable").getAsDouble(), T.num("n3.n_params"));
    assertEquals(V.get("params_3d_total").getAsDouble(), T.num("n3.n_params_total"));
  }

  @Test void stateDictNamesAreThoseOfTheWeightsFile() {
    Map<String, NdArray> file = DrdmTesting.npz("drdm/drdm-cmr-recresacnet-2d.npz");
    T.eval("let fresh = drdm.network(2)");
    @SuppressWarnings("unchecked")
    java.util.List<Object> names = (java.util.List<Object>) T.t.eval("fresh.state_dict().keys()");
    assertEquals(new java.util.ArrayList<>(file.keySet()), names, "the same keys in PyTorch's order");
  }

  @Test void timeEmbeddingValues() {
    float[] e = TimeEmbedding.table(80, 100);
    double[] t1 = DrdmTesting.flat(V.get("time_emb_t1_first6"));
    double[] t79 = DrdmTesting.flat(V.get("time_emb_t79_first6"));
    double[] t79last = DrdmTesting.flat(V.get("time_emb_t79_last4"));
    for (int j = 0; j < 6; j++) {
      assertEquals(t1[j], e[100 + j], 1e-7);
      assertEquals(t79[j], e[79 * 100 + j], 1e-7);
    }
    for (int j = 0; j < 4; j++) assertEquals(t79last[j], e[79 * 100 + 96 + j], 1e-7);
    // The table in the authors' checkpoint is the same (to float32 round-off of sin/cos).
    float[] shipped = DrdmTesting.npz("drdm/drdm-cmr-recresacnet-2d.npz").get("time_embed.weight").toFloats();
    double worst = 0;
    for (int i = 0; i < e.length; i++) worst = Math.max(worst, Math.abs(e[i] - shipped[i]));
    assertTrue(worst < 1e-6, "worst " + worst);
  }

  @Test void reproducesTheReferenceOutputsWithTheShippedWeights() {
    T.eval("let net = drdm.load_network(\"" + WEIGHTS + "\")\nlet va = nn.load_weights(\"" + VECTOR + "\")");
    Map<String, NdArray> v = DrdmTesting.npz("drdm/drdm-recresacnet-vector-a.npz");
    assertEquals(30, v.get("t").toLongs()[0]);
    double[] rec1 = toDoubles(v.get("ddf_rec1").toFloats());
    double[] rec2 = toDoubles(v.get("ddf_rec2").toFloats());
    double[] got1 = T.values("net(va[\"image\"].tensor(), 30, passes: 1).tensor(units: \"fraction\")");
    double[] got2 = T.values("net(va[\"image\"].tensor(), 30).tensor(units: \"fraction\")");
    double e1 = DrdmTesting.maxAbsDiff(rec1, got1);
    double e2 = DrdmTesting.maxAbsDiff(rec2, got2);
    System.out.println("vector-a: max |error| pass 1 " + e1 + ", pass 2 " + e2 + " (max |ddf| " + DrdmTesting.maxAbs(rec2) + ")");
    assertTrue(e1 <= 1e-4, "one pass: " + e1);
    assertTrue(e2 <= 1e-4, "two passes: " + e2);
    assertTrue(DrdmTesting.maxAbs(rec2) > 0.01, "the outputs are not trivially small");
    assertTrue(DrdmTesting.maxAbsDiff(rec1, rec2) > 1e-3, "the second pass changes the field");
    // The same through forward() (differentiable), batched [1, 1, 64, 64], and a batch of two with per-sample t.
    double[] fw = T.values("net.forward(va[\"image\"].reshape(1, 1, 64, 64), [30])");
    assertTrue(DrdmTesting.maxAbsDiff(rec2, fw) <= 1e-4);
    double[] two = T.values("let im = va[\"image\"].tensor()\nnet(stack([im, im]).reshape(2, 1, 64, 64), [30, 30]).tensor(units: \"fraction\")");
    assertTrue(DrdmTesting.maxAbsDiff(rec2, java.util.Arrays.copyOfRange(two, 0, rec2.length)) <= 1e-4);
    assertTrue(DrdmTesting.maxAbsDiff(rec2, java.util.Arrays.copyOfRange(two, rec2.length, 2 * rec2.length)) <= 1e-4);
  }

  /**
   * 3-D: every parameter set by the formula of make_net3d_reference.py (k-th state-dict entry,
   * flat index i: s·sin(1.3 i + 0.7 k)), the reference's outputs for a 16x16x24 volume at t = 41.
   */
  @Test void reproducesTheReference3dNetwork() throws Exception {
    T.eval("let net3 = drdm.network(3)");
    RecResACNet net = (RecResACNet) T.eval("net3");
    int k = 0;
    for (Map.Entry<String, dev.tangent.nn.value.DTensor> e : net.stateDict().entrySet()) {
      if (e.getKey().equals("time_embed.weight")) continue;
      long[] shape = e.getValue().shape().getShape();
      double[] v = new double[(int) e.getValue().shape().size()];
      long fanIn = 1;
      for (int d = 1; d < shape.length; d++) fanIn *= shape[d];
      for (int i = 0; i < v.length; i++) {
        double wave = Math.sin(1.3 * i + 0.7 * k);
        v[i] = e.getKey().endsWith("ln.weight") ? 1 + 0.1 * wave : shape.length >= 2 ? wave / Math.sqrt(fanIn) : 0.1 * wave;
      }
      dev.tangent.nn.weights.Weights.copyInto(e.getValue().nd(), T.f64(v, shape));
      k++;
    }
    Map<String, NdArray> ref = dev.tangent.io.array.Npz.read(Path.of("src/test/resources/net3d-reference.npz"));
    T.t.set("vol", toDoubles(ref.get("image").toFloats()));
    T.eval("let v3 = tensor(vol).reshape(16, 16, 24)");
    double e1 = DrdmTesting.maxAbsDiff(toDoubles(ref.get("ddf_rec1").toFloats()), T.values("net3(v3, 41, passes: 1).tensor(units: \"fraction\")"));
    double e2 = DrdmTesting.maxAbsDiff(toDoubles(ref.get("ddf_rec2").toFloats()), T.values("net3(v3, 41).tensor(units: \"fraction\")"));
    System.out.println("3-D reference: max |error| pass 1 " + e1 + ", pass 2 " + e2);
    assertTrue(e1 <= 1e-4 && e2 <= 1e-4, e1 + " " + e2);
  }

  @Test void outputShapesAndUnits() {
    T.eval("let small = drdm.network(2, seed: 1)");
    assertEquals("(2, 256, 256)", T.eval("str(small(zeros(256, 256), 5).tensor(units: \"fraction\").shape)"));
    assertEquals("(1, 2, 256, 256)", T.eval("str(small(zeros(1, 1, 256, 256), 5).tensor(units: \"fraction\").shape)"));
    T.eval("let vol = drdm.network(3, seed: 1)");
    assertEquals("(3, 16, 16, 24)", T.eval("str(vol(zeros(16, 16, 24), 79).tensor(units: \"fraction\").shape)"));
    // The clamp bounds each component by (S - 1)/S.
    double[] f = T.values("small(ones(64, 64) * 1000, 3).tensor(units: \"fraction\")");
    assertTrue(DrdmTesting.maxAbs(f) <= 63.0 / 64 + 1e-6);
  }

  @Test void savedWeightsLoadBackBitForBit(@TempDir Path dir) {
    String p = dir.resolve("net.safetensors").toString();
    T.eval("let a = drdm.network(2, seed: 7)\na.save(\"" + p + "\")\nlet b = drdm.load_network(\"" + p + "\")");
    double[] x = DrdmTesting.uniform(9, 32 * 32, 0, 1);
    T.t.set("xs", x);
    T.eval("let img = tensor(xs).reshape(32, 32)");
    assertEquals(0, DrdmTesting.maxAbsDiff(T.values("a(img, 12)"), T.values("b(img, 12)")));
    String npz = dir.resolve("net.npz").toString();
    T.eval("nn.save_weights(\"" + npz + "\", a)\nlet c = drdm.load_network(\"" + npz + "\")");
    assertEquals(0, DrdmTesting.maxAbsDiff(T.values("a(img, 12)"), T.values("c(img, 12)")));
  }

  /** nn's train() with Adam and checkpoints drives the network through an nn.block wrapper (t fixed here). */
  @Test void trainsWithNnTrainAndCheckpoints(@TempDir Path dir) {
    String ck = dir.resolve("ck.safetensors").toString();
    T.eval("let tn = drdm.network(2, seed: 0)\n"
        + "let w0 = tn.state_dict()[\"conv_out.weight\"].tensor()\n"
        + "let model = nn.block((p, x) => p.net.forward(x, 5), {net: tn})\n"
        + "let xs = nn.dtensor(randn(4, 1, 16, 16, seed: 1))\n"
        + "let ys = nn.dtensor(zeros(4, 2, 16, 16) + 0.001)\n"
        + "let r = nn.train(model, (xs, ys), (p, t) => drdm.loss(p, t), nn.adam(model, lr: 1e-3), epochs: 2, batch_size: 2, "
        + "checkpoint: \"" + ck + "\", checkpoint_every: 1, progress: \"none\")");
    assertEquals(4, T.num("r.steps"));
    assertTrue(T.num("(tn.state_dict()[\"conv_out.weight\"].tensor() - w0).abs().max()") > 0, "Adam moved the weights");
    assertTrue(java.nio.file.Files.exists(Path.of(ck)));
    assertEquals(4, T.num("nn.train(model, (xs, ys), (p, t) => drdm.loss(p, t), nn.adam(model, lr: 1e-3), epochs: 2, batch_size: 2, "
        + "checkpoint: \"" + ck + "\", progress: \"none\").resumed_from"), "a second call resumes from the last checkpoint");
  }

  private static double[] toDoubles(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) d[i] = f[i];
    return d;
  }
}
