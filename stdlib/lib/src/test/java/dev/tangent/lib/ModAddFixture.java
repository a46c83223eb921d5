package dev.tangent.lib;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.io.array.NdArray;
import dev.tangent.io.array.Npz;
import dev.tangent.lib.data.ModAdd;
import dev.tangent.lib.model.TransformerWeights;
import java.nio.file.Path;
import java.util.Map;

/** The seed-0 mod-add transformer read straight from testdata (no DJL) and rib's data split. */
public final class ModAddFixture {
  private ModAddFixture() {}

  public static final int P = 113;

  public static Path testdata(String name) {
    return Path.of("../../testdata").resolve(name).toAbsolutePath().normalize();
  }

  public static TransformerWeights weights() {
    try {
      Map<String, NdArray> w = Npz.read(testdata("modadd-p113-seed0.npz"));
      return TransformerWeights.of(w, a -> ((NdArray) a).toDoubles(), a -> ((NdArray) a).shape, "relu");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Token rows [n, 3] of the given pair indices (a-major). */
  public static Tensor tokens(int[] idx) {
    long[] all = ModAdd.tokens(P);
    long[] t = new long[idx.length * 3];
    for (int i = 0; i < idx.length; i++) System.arraycopy(all, idx[i] * 3, t, i * 3, 3);
    return Tensor.ofLongs(new int[] {idx.length, 3}, t);
  }

  public static int[][] split() {
    return ModAdd.randomSplit(P * P, new int[] {3830, P * P - 3830}, 0);
  }

  public static final java.util.List<String> LAYERS = java.util.List.of("ln1.0", "ln2.0", "unembed", "output");
  private static dev.tangent.lib.model.LibModel model;
  private static dev.tangent.lib.build.LibBuild lib;
  private static dev.tangent.lib.build.LibBuild pca;

  /** The four-layer model with rib's last-position cut. */
  public static synchronized dev.tangent.lib.model.LibModel model() {
    if (model == null) model = dev.tangent.lib.model.TransformerChain.build(weights(), LAYERS, 3, true);
    return model;
  }

  public static dev.tangent.lib.model.Inputs train() {
    return new dev.tangent.lib.model.Inputs(tokens(split()[0]), "test", "data");
  }

  public static dev.tangent.lib.model.Inputs test() {
    return new dev.tangent.lib.model.Inputs(tokens(split()[1]), "test", "data");
  }

  public static long[] testLabels() {
    long[] all = ModAdd.labels(P);
    int[] idx = split()[1];
    long[] out = new long[idx.length];
    for (int i = 0; i < idx.length; i++) out[i] = all[idx[i]];
    return out;
  }

  /** LIB and PCA on rib's train split, built once per test JVM (several test classes read them). */
  public static synchronized dev.tangent.lib.build.LibBuild lib() {
    if (lib == null) lib = build(dev.tangent.lib.basis.BasisKind.JACOBIAN);
    return lib;
  }

  public static synchronized dev.tangent.lib.build.LibBuild pca() {
    if (pca == null) pca = build(dev.tangent.lib.basis.BasisKind.PCA);
    return pca;
  }

  private static dev.tangent.lib.build.LibBuild build(dev.tangent.lib.basis.BasisKind kind) {
    dev.tangent.lib.build.LibBuild b = new dev.tangent.lib.build.LibBuild(model(),
        dev.tangent.lib.build.Options.defaults(kind).withLastPos(true).withThreads(2));
    dev.tangent.lib.build.Runner.complete(b, train(), null);
    return b;
  }
}
