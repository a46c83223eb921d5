package dev.tangent.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.io.array.MiniJson;
import dev.tangent.lib.analysis.EdgeAblation;
import dev.tangent.lib.analysis.FourierLabels;
import dev.tangent.lib.analysis.NodeAblation;
import dev.tangent.lib.analysis.Spectra;
import dev.tangent.lib.build.LibBuild;
import dev.tangent.lib.linalg.Blas;
import dev.tangent.lib.model.Inputs;
import dev.tangent.lib.model.LibModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The paper's claims on the seed-0 mod-add model (LIB built on rib's train split, ablations on its
 * test split): LIB's spectrum is sparser than PCA's, fewer LIB edges hold 90 % of the weight, the
 * leading ln2.0 features are single key frequencies, and where rib's released ablations are
 * reproducible from what we share with rib they match exactly.
 */
class ModAddAcceptanceTest {
  static LibBuild lib;
  static LibBuild pca;
  static LibModel model;
  static Map<?, ?> rib;

  @BeforeAll static void setUp() throws Exception {
    lib = ModAddFixture.lib();
    pca = ModAddFixture.pca();
    model = ModAddFixture.model();
    rib = (Map<?, ?>) MiniJson.parse(Files.readString(Path.of("src/test/resources/rib/modadd-seed0-reference.json")));
  }

  @Test void libSpectrumIsSparserThanPcaAtEveryResidualLayer() {
    double[] rel = {1e-2, 1e-4, 1e-6};
    for (int l = 0; l < 3; l++) {
      int[] cl = Spectra.counts(Spectra.importances(lib.bases[l]), rel);
      int[] cp = Spectra.counts(Spectra.importances(pca.bases[l]), rel);
      for (int k = 0; k < rel.length; k++) {
        assertTrue(cl[k] < cp[k], ModAddFixture.LAYERS.get(l) + " at " + rel[k] + ": LIB " + cl[k] + " vs PCA " + cp[k]);
      }
    }
    // ln1.0 most of all: a quarter of PCA's directions above 1e-6 of the largest.
    assertTrue(Spectra.counts(Spectra.importances(lib.bases[0]), rel)[2] * 4 < Spectra.counts(Spectra.importances(pca.bases[0]), rel)[2]);
  }

  @Test void fewerLibEdgesHoldNinetyPercentOfTheWeight() {
    double[] shares = {0.9};
    for (int l = 0; l < 2; l++) {
      int el = Spectra.concentration(lib.edges[l], true, shares)[0];
      int ep = Spectra.concentration(pca.edges[l], true, shares)[0];
      assertTrue(el * 2 < ep, ModAddFixture.LAYERS.get(l) + ": LIB " + el + " vs PCA " + ep);
    }
  }

  /** Sums of the ln2.0 features over all p² inputs (a-major) for the first k features. */
  static double[][] grids(int layer, int k) {
    int p = ModAddFixture.P;
    long[] tok = dev.tangent.lib.data.ModAdd.tokens(p);
    double[] in = new double[tok.length];
    for (int i = 0; i < in.length; i++) in[i] = tok[i];
    double[] x = model.prefix.apply(in, p * p);
    for (int i = 0; i < layer; i++) {
      double[] y = new double[p * p * model.size(i + 1)];
      model.sections.get(i).forward(x, p * p, y);
      x = y;
    }
    var b = lib.bases[layer];
    double[] f = new double[p * p * b.width()];
    Blas.gemm(false, false, p * p, b.width(), b.dim(), 1, Blas.Ref.of(x), b.dim(), Blas.Ref.of(b.c().a), b.width(), 0, Blas.Ref.of(f), b.width());
    double[][] g = new double[k][p * p];
    for (int s = 0; s < p * p; s++) for (int j = 0; j < k; j++) g[j][s] = f[s * b.width() + j];
    return g;
  }

  @Test void leadingLn2FeaturesAreTheKeyFrequenciesRibFound() {
    double[][] g = grids(1, 13);
    List<?> ribLabels = (List<?>) ((Map<?, ?>) ((Map<?, ?>) rib.get("rib")).get("labels")).get("ln2.0");
    Set<Integer> keys = Set.of(1, 8, 15, 18, 36, 56);
    assertEquals(0, FourierLabels.label(0, g[0], ModAddFixture.P).frequency(), "feature 0 is the constant");
    for (int j = 1; j < 13; j++) {
      FourierLabels.Label lb = FourierLabels.label(j, g[j], ModAddFixture.P);
      assertTrue(keys.contains(lb.frequency()), "feature " + j + ": " + lb.text());
      // rib's label text (its labels of its own ln2.0 basis): the same terms with the same rounded shares.
      assertEquals(String.valueOf(ribLabels.get(j)), lb.text(), "feature " + j);
    }
    assertTrue(FourierLabels.label(1, g[1], ModAddFixture.P).share() > 0.95, "the first feature is a single frequency");
  }

  @Test void nodeAblationAtLn2ReproducesRibsCurve() {
    Inputs test = ModAddFixture.test();
    long[] labels = ModAddFixture.testLabels();
    int[] ks = {129, 17, 15, 13, 11, 10, 9, 8, 7, 5, 3};
    List<NodeAblation.Point> pts = NodeAblation.run(model, lib.bases[1], 1, test, labels, ks, 2000, null);
    Map<?, ?> curve = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) rib.get("rib")).get("node_ablation")).get("ln2.0");
    for (NodeAblation.Point pt : pts) {
      double want = ((Number) curve.get(Integer.toString(pt.kept()))).doubleValue();
      // rib evaluates in float32; one test sample is 1/8939.
      assertEquals(want, pt.accuracy(), 1.5 / 8939, "kept " + pt.kept());
    }
  }

  @Test void edgeAblationOfTheUnembeddingNeedsRibsEdgeCount() {
    // unembed -> output is linear and its bases agree with rib's to rounding: the bisection lands where rib's did.
    Inputs test = ModAddFixture.test();
    long[] labels = ModAddFixture.testLabels();
    double base = EdgeAblation.base(model, test, labels, 2000);
    assertEquals(0.9995525226535407, base, 1e-12);
    EdgeAblation.Result r = EdgeAblation.bisect(model, 2, lib.bases[2], lib.bases[3], lib.edges[2], test, labels, 0.001, base, 2000, null);
    Map<?, ?> req = (Map<?, ?>) ((Map<?, ?>) rib.get("rib")).get("edges_required");
    assertEquals(((Number) req.get("unembed")).intValue(), r.edges());
  }
}
