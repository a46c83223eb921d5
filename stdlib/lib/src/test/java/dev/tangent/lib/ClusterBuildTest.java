package dev.tangent.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.lib.basis.LayerBasis;
import dev.tangent.lib.linalg.Mat;
import dev.tangent.lib.result.LibResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * lib.build(..., session: s) on a local[2] Spark session: the mod-add transformer's build with
 * every pass (moments, the attention layer's M′, the edges) run as a tree aggregation over several
 * partitions equals the one-machine build to 1e-10 relative in the means, Gram spectra, C (up to
 * each column's sign), Λ and the edges. 2000 of the 12769 pairs keep it short on two cores.
 */
class ClusterBuildTest {
  static LibTesting n;

  @BeforeAll static void setUp() {
    n = new LibTesting();
    n.t.set("path", LibTesting.testdata("modadd-p113-seed0.npz"));
    n.eval("""
        import spark
        let s = spark.session(master: "local[2]", app: "lib-tests")
        let model = nn.load_transformer(path, n_heads: 4)
        let (tokens, labels) = lib.modadd_pairs(113)
        let data = tokens[lib.random_split(12769, [2000, 10769], seed: 1)[0]]
        let layers = ["ln1.0", "ln2.0", "unembed", "output"]
        let one = lib.build(model, data, layers, last_pos: true, threshold: 1e-6, batch: 256, threads: 1, progress: false)
        let dist = lib.build(model, data, layers, last_pos: true, threshold: 1e-6, batch: 256, session: s, partitions: 5)
        """);
  }

  @AfterAll static void stop() {
    n.eval("s.stop()");
  }

  static double rel(double[] a, double[] b) {
    assertEquals(b.length, a.length, "sizes");
    double d = 0;
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      d = Math.max(d, Math.abs(a[i] - b[i]));
      m = Math.max(m, Math.abs(b[i]));
    }
    return d / m;
  }

  /** C of a with each column's sign matched to b's (eigenvectors are defined up to sign). */
  static double[] signAligned(Mat a, Mat b) {
    double[] out = a.a.clone();
    for (int j = 0; j < a.cols; j++) {
      double dot = 0;
      for (int i = 0; i < a.rows; i++) dot += a.a[i * a.cols + j] * b.a[i * b.cols + j];
      if (dot < 0) for (int i = 0; i < a.rows; i++) out[i * a.cols + j] = -out[i * a.cols + j];
    }
    return out;
  }

  @Test void theDistributedBuildEqualsTheOneMachineBuild() {
    LibResult one = (LibResult) n.raw("one");
    LibResult dist = (LibResult) n.raw("dist");
    assertTrue(dist.complete());
    assertEquals(2000, dist.samples);
    for (int l = 0; l < 3; l++) {
      String name = one.layers.get(l);
      LayerBasis a = dist.bases[l];
      LayerBasis b = one.bases[l];
      assertEquals(b.width(), a.width(), name + " kept directions");
      assertTrue(rel(a.mean(), b.mean()) < 1e-12, name + " mean " + rel(a.mean(), b.mean()));
      assertTrue(rel(a.gramValues(), b.gramValues()) < 1e-10, name + " Gram spectrum " + rel(a.gramValues(), b.gramValues()));
      double rc = rel(signAligned(a.c(), b.c()), b.c().a);
      assertTrue(rc < 1e-10, name + " C " + rc);
      double rl = rel(a.lambdas(), b.lambdas());
      assertTrue(rl < 1e-10, name + " Λ " + rl);
      double re = rel(dist.edges[l].a, one.edges[l].a);
      System.out.printf("ClusterBuildTest %s: C %.2e, Λ %.2e, edges %.2e%n", name, rc, rl, re);
      assertTrue(re < 1e-10, name + " edges " + re);
    }
    assertTrue(n.num("dist.timings.keys().len()") > 0);
  }

  @Test void mistakesGetClearMessages() {
    String e = n.error("lib.build(model, data, layers, last_pos: true, session: 3)");
    assertTrue(e.contains("session: must be a spark Session, got"), e);
    e = n.error("lib.build(nn.sequential(nn.linear(3, 4), nn.relu(), nn.linear(4, 2)), tensor([[1.0, 2.0, 3.0]]), session: s)");
    assertTrue(e.contains("only transformers from nn.load_transformer can be built on a cluster"), e);
    e = n.error("lib.build(model, data, layers, last_pos: true, session: s, partitions: -1)");
    assertTrue(e.contains("partitions must be a whole number >= 0"), e);
  }
}
