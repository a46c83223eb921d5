package dev.tangent.lib;

import dev.tangent.spi.Builtin;
import dev.tangent.spi.ModuleBuilder;

/**
 * Every export of the lib module: signature, doc and a lambda into the *Functions classes. Nothing
 * here touches ND4J, DJL or OpenBLAS: a lambda's body resolves its classes only when it runs.
 */
final class LibExports {
  private LibExports() {}

  static Builtin fn(String sig, String doc, Builtin.Impl impl) {
    String name = sig.substring(0, sig.indexOf('('));
    return Builtin.of(sig, doc, a -> LibArgs.guard(name, () -> impl.apply(a)));
  }

  static final String OPTIONS = "basis='jacobian', center=nil, integration='gradient', n_intervals=0, threshold=1e-15, dtype='f64', "
      + "rotate_final=false, batch=1000, last_pos=false, threads=nil, edges=true";

  static void define(ModuleBuilder m) {
    m.value("LibResult", LibTypes.RESULT, LibTypes.RESULT.doc());
    m.value("LibComparison", LibTypes.COMPARISON, LibTypes.COMPARISON.doc());
    m.functions(
        fn("build(model, data, node_layers=nil, *, " + OPTIONS + ", progress=true, session=nil, partitions=0)",
            "The Local Interaction Basis of model on data (the method of Bushnaq and others, 2024). model: a transformer from nn.load_transformer "
                + "(node layers ln1.k, ln2.k, unembed, output), an MLP from nn.sequential (layers.k, output) or a list of blocks, "
                + "one per section (layers.k, output). data: inputs [N, ...] (or (inputs, labels)). basis: \"jacobian\" (LIB), "
                + "\"pca\" or \"neuron\"; integration: \"gradient\", \"trapezoidal\" or \"gauss-legendre\" with n_intervals; "
                + "threshold: absolute truncation of Gram eigenvalues and Λ; last_pos: keep only the last position after the "
                + "first attention (rib's add_resid1); batch: samples per pass step (memory stays bounded). session: a spark session: every pass runs "
                + "as a Spark job over the data in batches (partitions: of the collection, 0: one per batch; transformers only). Returns a LibResult.",
            a -> BuildFunctions.build(a)),
        fn("load(path, model=nil)", "A LibResult saved with r.save(path) (.npz); with model, features(layer, inputs) can run it.",
            a -> BuildFunctions.load(a)),
        fn("accumulate(model, data, path, *, state=nil, node_layers=nil, " + OPTIONS + ")",
            "Runs the next stage of a build over one shard of data and writes its sums to path (.npz); state: the partial "
                + "result of lib.merge for the stages after the first. Returns path.",
            a -> BuildFunctions.accumulate(a)),
        fn("merge(paths, model, *, state=nil)",
            "Adds the shard files of one stage (lib.accumulate) and solves what they allow: a LibResult, complete or partial "
                + "(r.complete; pass it as state: to the next lib.accumulate). Equal to lib.build on all shards at once.",
            a -> BuildFunctions.merge(a)),
        fn("ablate_nodes(model, r, test_data, *, layer, ks=nil, batch=1000)",
            "Accuracy and loss on test_data = (inputs, labels) when only the first k directions of r's basis are kept at one "
                + "node layer (x <- x C_k C⁺). ks: kept counts (default: every count up to 10, then geometric steps to the layer's "
                + "width). Returns {layer, basis, ks, accuracy, loss, base}.",
            a -> AblationFunctions.ablateNodes(a)),
        fn("ablate_edges(model, r, test_data, *, tolerance=0.001, layers=nil, batch=1000)",
            "For each pair of consecutive node layers (or those starting at layers), the fewest edges (largest first, the "
                + "constant input always kept) that keep accuracy within tolerance of the unablated model, by bisection. "
                + "Returns {\"A->B\": {edges, total, accuracy, base, tries}}.",
            a -> AblationFunctions.ablateEdges(a)),
        fn("compare(model, data, test, *, node_layers=nil, last_pos=false, ablate=true, rel=[0.01, 0.0001, 0.000001], "
                + "shares=[0.5, 0.9, 0.99], tolerance=0.001, batch=1000, threads=nil)",
            "Builds LIB and PCA on data and tabulates widths, spectrum counts, edge concentration and (ablate) node- and "
                + "edge-ablation counts on test = (inputs, labels). Returns a LibComparison (print it for the table).",
            a -> AblationFunctions.compare(a)),
        fn("fourier_labels(r, layer, p=113, *, model=nil, top=16)",
            "Labels the first top features of a modular-addition node layer by their 2-D Fourier terms over all p² inputs "
                + "(positions summed): a list of {feature, frequency, share, const, label}.",
            a -> ModAddFunctions.fourierLabels(a)),
        fn("modadd_pairs(p=113)", "(tokens [p², 3] as (a, b, p) in a-major order, labels (a + b) mod p), both i64.",
            a -> ModAddFunctions.modaddPairs(a)),
        fn("random_split(n, sizes, seed=0)",
            "Index tensors of torch.utils.data.random_split(range(n), sizes, torch.Generator().manual_seed(seed)), "
                + "reproduced exactly (sizes: counts, or fractions that torch rounds down).",
            a -> ModAddFunctions.randomSplit(a)),
        fn("plot_ablation(curves, labels=nil, *, metric='accuracy', title='', width=800, height=600)",
            "Ablation curves (results of lib.ablate_nodes) against the number of kept directions, one line each.",
            a -> LibPlots.ablation(a)),
        fn("plot_spectrum(results, layer, labels=nil, *, title='', width=800, height=600)",
            "The importance spectra (Λ for LIB, Gram eigenvalues for PCA, each over its largest) of one node layer, log scale.",
            a -> LibPlots.spectrum(a)),
        fn("plot_graph(r, top=60, *, nodes=12, title='', width=1000, height=700)",
            "The interaction graph: the first nodes features of each node layer and the top strongest edges between them.",
            a -> LibPlots.graph(a)));
    LibMembers.define(m);
  }
}
