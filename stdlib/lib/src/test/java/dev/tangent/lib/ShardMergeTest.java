package dev.tangent.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mergeable accumulators: shards accumulated separately (lib.accumulate), merged stage by stage
 * (lib.merge), saved and reloaded in between, give the build of all samples in one pass; so do
 * two worker threads. On the mod-add transformer, whose three stages (moments, attention
 * Jacobians, edges) all appear. The threshold is 1e-6: kept Gram directions with eigenvalues near
 * 1e-10 are whitened by 1e5, which turns summation-order rounding into 1e-9 changes of Λ
 * downstream; that is LIB's conditioning, not the accumulators'.
 */
class ShardMergeTest {
  static LibTesting n;

  @BeforeAll static void setUp() {
    n = new LibTesting();
    n.t.set("path", LibTesting.testdata("modadd-p113-seed0.npz"));
    n.eval("""
        let model = nn.load_transformer(path, n_heads: 4)
        let (tokens, labels) = lib.modadd_pairs(113)
        let data = tokens[lib.random_split(12769, [1500, 11269], seed: 1)[0]]
        let layers = ["ln1.0", "ln2.0", "unembed", "output"]
        let one = lib.build(model, data, layers, last_pos: true, threshold: 1e-6, batch: 256, threads: 1, progress: false)
        """);
  }

  static double rel(String a, String b) {
    return n.num("((" + a + ") - (" + b + ")).abs().max() / (" + b + ").abs().max()");
  }

  static void assertSame(String other) {
    for (String l : new String[] {"ln1.0", "ln2.0", "unembed"}) {
      n.t.set("l", l);
      assertEquals(n.eval("one.dims()[l]"), n.eval(other + ".dims()[l]"), l);
      assertTrue(rel(other + ".mean(l)", "one.mean(l)") < 1e-13, l + " mean");
      assertTrue(rel(other + ".gram_values(l)", "one.gram_values(l)") < 1e-12, l + " Gram spectrum");
      assertTrue(rel(other + ".lambdas(l)", "one.lambdas(l)") < 1e-10, l + " Λ " + rel(other + ".lambdas(l)", "one.lambdas(l)"));
      assertTrue(rel(other + ".edges(l)", "one.edges(l)") < 1e-9, l + " edges");
      // Directions up to sign: |features · features| per column on the data.
      n.eval("let fa = one.features(l, data).reshape(-1, one.dims()[l])\nlet fb = " + other + ".features(l, data).reshape(-1, one.dims()[l])");
      assertTrue(n.num("((fa * fb).sum(axis: 0).abs() / sqrt((fa * fa).sum(axis: 0) * (fb * fb).sum(axis: 0)) - 1).abs()[0:20].max()") < 1e-8, l + " C");
    }
  }

  @Test void threeShardsMergedStageByStageEqualOnePass(@TempDir Path dir) {
    n.t.set("dir", dir.toString());
    n.eval("""
        let shards = [data[0:500], data[500:900], data[900:1500]]
        var state = nil
        var rounds = 0
        while state == nil or not state.complete {
          var paths = []
          for (i, s) in enumerate(shards) {
            paths.push(lib.accumulate(model, s, "${dir}/shard${i}.npz", state: state, node_layers: layers, last_pos: true, threshold: 1e-6, batch: 128))
          }
          state = lib.merge(paths, model, state: state)
          state.save("${dir}/state.npz")
          state = lib.load("${dir}/state.npz", model)
          rounds += 1
        }
        """);
    assertEquals(3.0, n.num("rounds"), "moments, attention Jacobians, edges");
    assertEquals(1500.0, n.num("state.samples"));
    assertSame("state");
  }

  @Test void twoThreadsEqualOne() {
    n.eval("let two = lib.build(model, data, layers, last_pos: true, threshold: 1e-6, batch: 100, threads: 2, progress: false)");
    assertSame("two");
  }

  @Test void aPartialResultSaysWhatIsMissing(@TempDir Path dir) {
    n.t.set("dir", dir.toString());
    n.eval("let p = lib.merge([lib.accumulate(model, data[0:300], \"${dir}/a.npz\", node_layers: layers, last_pos: true)], model)");
    assertFalse((Boolean) n.eval("p.complete"));
    assertTrue(n.eval("str(p)").toString().contains("next stage mdash:0"), n.eval("str(p)").toString());
    assertTrue(n.error("p.C(\"ln1.0\")").contains("not computed yet"));
    assertTrue(n.error("p.edges(\"ln2.0\")").contains("not computed"));
    // A shard of a later stage cannot start a build.
    n.eval("lib.accumulate(model, data[0:300], \"${dir}/b.npz\", state: p)");
    assertTrue(n.error("lib.merge([\"${dir}/b.npz\"], model)").contains("holds stage 'mdash:0' but the build's next stage is 'moments'"));
  }
}
