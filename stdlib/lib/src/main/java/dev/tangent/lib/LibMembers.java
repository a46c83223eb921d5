package dev.tangent.lib;

import dev.tangent.spi.Builtin;
import dev.tangent.spi.ModuleBuilder;

/** The methods and properties of LibResult and LibComparison (declarations; bodies in {@link ResultFunctions}). */
final class LibMembers {
  private LibMembers() {}

  static Builtin fn(String sig, String doc, Builtin.Impl impl) { return LibExports.fn(sig, doc, impl); }

  static void define(ModuleBuilder m) {
    m.type(dev.tangent.lib.result.LibResult.class, LibTypes.RESULT)
        .property(fn("layers(self)", "The node layers' names, in model order.", a -> ResultFunctions.layers(a)))
        .property(fn("basis(self)", "\"jacobian\" (LIB), \"pca\" or \"neuron\".", a -> ResultFunctions.basisName(a)))
        .property(fn("complete(self)", "Whether every stage is done (false for a partial lib.merge result).", a -> ResultFunctions.complete(a)))
        .property(fn("samples(self)", "The number of samples the build read.", a -> ResultFunctions.samples(a)))
        .property(fn("timings(self)", "Seconds per step of the build: data passes (\"pass ...\") and solving (\"solve ...\": "
            + "eigendecompositions and bases).", a -> ResultFunctions.timings(a)))
        .property(fn("options(self)", "The build's settings as a map.", a -> ResultFunctions.optionsMap(a)))
        .method(fn("C(self, layer)", "C of a node layer (name or index): d x r, features f = x C (x with its trailing 1).",
            a -> ResultFunctions.matrix(a, "C")))
        .method(fn("Cinv(self, layer)", "C⁺: r x d, back to neurons x ≈ f C⁺.", a -> ResultFunctions.matrix(a, "Cinv")))
        .method(fn("W(self, layer)", "The PCA basis W = Y U the layer's LIB basis starts from (nil for identity layers).",
            a -> ResultFunctions.matrix(a, "W")))
        .method(fn("lambdas(self, layer)", "The importance of each feature in C's order: Λ for LIB, the Gram eigenvalue for PCA; "
            + "nil for an identity layer.", a -> ResultFunctions.lambdas(a)))
        .method(fn("gram_values(self, layer)", "The layer's (centred) Gram eigenvalues kept by truncation 1, the constant first.",
            a -> ResultFunctions.gramValues(a)))
        .method(fn("mean(self, layer)", "The layer's mean activation (with the trailing 1).", a -> ResultFunctions.mean(a)))
        .method(fn("dims(self)", "{layer: number of features}.", a -> ResultFunctions.dims(a)))
        .method(fn("features(self, layer, x)", "Features x C at a node layer: x holds that layer's activations [n, (P,) d] "
            + "(with or without the trailing 1), or, for a result built here, the model's inputs.", a -> ResultFunctions.features(a)))
        .method(fn("edges(self, layer)", "The squared-attribution edges from a node layer to the next: [r(next), r(layer)].",
            a -> ResultFunctions.edges(a)))
        .method(fn("spectrum_counts(self, rel=[0.01, 0.0001, 0.000001])",
            "{layer: counts}: how many non-constant directions have importance above each fraction of the largest.",
            a -> ResultFunctions.spectrumCounts(a)))
        .method(fn("edge_concentration(self, shares=[0.5, 0.9, 0.99])",
            "{\"A->B\": counts}: the fewest edges holding each share of the total edge weight (constant input dropped).",
            a -> ResultFunctions.edgeConcentration(a)))
        .method(fn("save(self, path)", "Writes the result as .npz (atomically); returns the path.", a -> BuildFunctions.save(a)));
    m.type(dev.tangent.lib.analysis.Comparison.class, LibTypes.COMPARISON)
        .property(fn("lib(self)", "The LIB result.", a -> ResultFunctions.comparison(a).lib()))
        .property(fn("pca(self)", "The PCA result.", a -> ResultFunctions.comparison(a).pca()))
        .property(fn("rows(self)", "The table as a list of {metric, lib, pca}.", a -> ResultFunctions.comparison(a).rowList()))
        .property(fn("table(self)", "The table as text.", a -> ResultFunctions.comparison(a).table()));
  }
}
