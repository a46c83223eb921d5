package dev.tangent.lib;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every user mistake is a positioned Tangent error with a message that says what to fix, never a Java trace. */
class BadInputTest {
  static LibTesting n;

  @BeforeAll static void setUp() {
    n = new LibTesting();
    n.t.set("path", LibTesting.testdata("modadd-p113-seed0.npz"));
    n.eval("""
        let model = nn.load_transformer(path, n_heads: 4)
        let (tokens, labels) = lib.modadd_pairs(113)
        let data = tokens[0:200]
        let mlp = nn.sequential(nn.linear(6, 4), nn.relu(), nn.linear(4, 2))
        """);
  }

  static void check(String code, String... fragments) {
    String e = n.error(code);
    assertTrue(e.startsWith("<eval>:"), "positioned: " + e);
    for (String f : fragments) assertTrue(e.contains(f), "'" + f + "' in:\n" + e);
    assertFalse(e.contains("Exception") || e.contains("\tat ") || e.contains("java."), "no Java trace:\n" + e);
  }

  @Test void unknownOrMisorderedNodeLayers() {
    check("lib.build(model, data, [\"ln1.0\", \"ln3.0\", \"output\"])", "unknown node layer 'ln3.0'", "ln2.0", "unembed");
    check("lib.build(model, data, [\"unembed\", \"ln1.0\"])", "node layers must follow the model's order");
    check("lib.build(model, data, [\"unembed\"])", "at least two node layers");
    check("lib.build(mlp, randn(10, 6), [\"layers.0\", \"hidden\"])", "unknown node layer 'hidden'", "layers.1");
    check("lib.build(model, data, \"ln1.0\")", "node_layers must be a list of names");
  }

  @Test void dataOfTheWrongShape() {
    check("lib.build(model, tokens[0:10, 0:2].reshape(10, 2, 1))", "token sequences [samples, positions]");
    check("lib.build(model, zeros(10, 5))", "5 tokens do not fit the context of 3");
    check("lib.build(model, full([10, 3], 200))", "token 200 is not in the vocabulary 0..113");
    check("lib.build(model, full([10, 3], 1.5))", "token 1.5 is not in the vocabulary");
    check("lib.build(mlp, randn(10, 5))", "does not fit the MLP's input of 6");
    check("lib.build(mlp, \"data\")", "data must be a tensor of samples");
    check("lib.build(mlp, zeros(0, 6))", "samples along the first axis");
  }

  @Test void modelsThatAreNotChainsOfSections() {
    check("lib.build(42, data)", "model must be a chain of sections", "got Number");
    check("lib.build(nn.sequential(nn.conv2d(1, 2, 3), nn.relu()), randn(4, 9))", "stage 0 is Conv2d", "where a linear layer was expected");
    check("lib.build(nn.sequential(nn.linear(6, 4), nn.softmax(), nn.linear(4, 2)), randn(4, 6))", "Softmax", "cannot fold a bias");
    check("lib.build([mlp, 3], randn(4, 6))", "item 1 of the list is Number, not a block");
    check("lib.build([], randn(4, 6))", "the list of blocks is empty");
    check("lib.build(mlp, randn(4, 6), last_pos: true)", "last_pos applies to transformers only");
  }

  @Test void badOptions() {
    check("lib.build(mlp, randn(10, 6), basis: \"ica\")", "basis must be \"jacobian\", \"pca\" or \"neuron\"");
    check("lib.build(mlp, randn(10, 6), integration: \"simpson\")", "integration must be");
    check("lib.build(mlp, randn(10, 6), n_intervals: 3)", "integration \"gradient\" takes n_intervals: 0");
    check("lib.build(mlp, randn(10, 6), dtype: \"f32\")", "dtype must be \"f64\"");
    check("lib.build(mlp, randn(10, 6), threshold: -1)", "threshold must be");
    check("lib.build(mlp, randn(10, 6), batch: 0)", "batch must be a whole number >= 1");
    check("lib.build(mlp, randn(10, 6), batch: 2.5)", "batch must be a whole number");
    check("lib.build(mlp, randn(10, 6), basis: \"neuron\", center: true)", "takes center: false");
    check("lib.build(model, data, last_pos: \"add_resid2\")", "last_pos must be true, false or \"add_resid1\"");
  }

  @Test void resultsAndFiles(@TempDir Path dir) throws Exception {
    n.t.set("dir", dir.toString());
    n.eval("let r = lib.build(mlp, randn(50, 6, seed: 1), progress: false)");
    check("r.C(\"layers.7\")", "unknown node layer 'layers.7'");
    check("r.C(9)", "layer index 9 is out of range");
    check("r.edges(\"output\")", "'output' is the last node layer");
    check("r.features(\"layers.1\", randn(3, 7))", "activations of 'layers.1' ([n, 5]", "or the model's inputs (6 values per sample");
    check("lib.ablate_nodes(mlp, r, randn(20, 6), layer: \"layers.1\")", "test data must be (inputs, labels)");
    check("lib.ablate_nodes(mlp, r, (randn(20, 6), zeros(19)), layer: \"layers.1\")", "20 inputs but 19 labels");
    check("lib.ablate_nodes(mlp, r, (randn(20, 6), zeros(20)), layer: \"output\")", "identity basis");
    check("lib.ablate_edges(mlp, r, (randn(20, 6), zeros(20)), tolerance: -1)", "tolerance must be >= 0");
    check("lib.ablate_nodes(model, r, (data, labels[0:200]), layer: \"ln1.0\")", "unknown node layer 'layers.0'");
    Files.writeString(dir.resolve("junk.npz"), "not a zip");
    check("lib.load(\"${dir}/junk.npz\")", "junk.npz");
    n.eval("save_npz(\"${dir}/other.npz\", {x: zeros(3)})");
    check("lib.load(\"${dir}/other.npz\")", "is not a tangent-lib file");
    check("lib.load(\"${dir}/missing.npz\")", "missing.npz");
    n.eval("let shard = lib.accumulate(mlp, randn(30, 6), \"${dir}/s.npz\", basis: \"pca\")");
    n.eval("let other = lib.accumulate(mlp, randn(30, 6), \"${dir}/t.npz\")");
    check("lib.merge([shard, other], mlp)", "accumulated with other options");
    check("lib.merge([], mlp)", "no shard files");
    check("lib.merge([\"${dir}/other.npz\"], mlp)", "is not a tangent-lib-accumulator file");
  }
}
