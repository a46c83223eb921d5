package dev.tangent.lib.cluster;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.lib.basis.BasisKind;
import dev.tangent.lib.basis.Integration;
import dev.tangent.lib.basis.LayerBasis;
import dev.tangent.lib.build.LibBuild;
import dev.tangent.lib.build.Options;
import dev.tangent.lib.build.Runner;
import dev.tangent.lib.build.Stage;
import dev.tangent.lib.build.StageAccumulator;
import dev.tangent.lib.linalg.Mat;
import dev.tangent.lib.model.Inputs;
import dev.tangent.spark.extend.Accumulation;
import java.io.Serializable;

/**
 * One stage of a build as a Spark accumulation: what an executor needs to run the stage on its
 * batches (the model's weights, the options, the bases already solved: C and C⁺ of each layer),
 * with the LibBuild made from them once per task (Spark deserialises this object once per task,
 * and the build is a transient field). Each batch goes through {@link Runner#pass} exactly as on
 * one machine; partial sums merge as lib's shards do.
 */
final class StagePass implements Accumulation<Partial> {
  private static final long serialVersionUID = 1L;

  /** A matrix as it travels. */
  record MatData(int rows, int cols, double[] a) implements Serializable {
    static MatData of(Mat m) { return m == null ? null : new MatData(m.rows, m.cols, m.a); }

    Mat mat() { return new Mat(rows, cols, a); }
  }

  private final ModelWeights weights;
  private final String stage;
  private final BasisKind kind;
  private final boolean center;
  private final String rule;
  private final int intervals;
  private final double[] alphas;
  private final double[] alphaWeights;
  private final double threshold;
  private final boolean rotateFinal;
  private final int batch;
  private final boolean edges;
  private final boolean lastPos;
  /** C and C⁺ of every layer whose basis is solved (null elsewhere). */
  private final MatData[] c;
  private final MatData[] cInv;

  private transient LibBuild build;

  StagePass(ModelWeights weights, LibBuild driver, Stage st) {
    this.weights = weights;
    this.stage = st.key();
    Options o = driver.opt;
    kind = o.kind();
    center = o.center();
    rule = o.integration().rule();
    intervals = o.integration().intervals();
    alphas = o.integration().alphas();
    alphaWeights = o.integration().weights();
    threshold = o.threshold();
    rotateFinal = o.rotateFinal();
    batch = o.batch();
    edges = o.edges();
    lastPos = o.lastPos();
    int n = driver.bases.length;
    c = new MatData[n];
    cInv = new MatData[n];
    for (int l = 0; l < n; l++) {
      LayerBasis b = driver.bases[l];
      if (b == null) continue;
      c[l] = MatData.of(b.c());
      cInv[l] = MatData.of(b.cInv());
    }
  }

  /** The executor's build: the same model, options (one thread: Spark runs a task per core) and bases. */
  private LibBuild build() {
    if (build == null) {
      // Spark runs a task per core: OpenBLAS's own threads would fight the other tasks for them.
      org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
      Options o = new Options(kind, center, new Integration(rule, intervals, alphas, alphaWeights), threshold, rotateFinal,
          batch, 1, edges, lastPos);
      LibBuild b = new LibBuild(weights.rebuild(), o);
      for (int l = 0; l < c.length; l++) {
        if (c[l] == null) continue;
        Mat cl = c[l].mat();
        b.bases[l] = new LayerBasis(b.model.layers.get(l), cl.cols, kind, false, false, cl, cInv[l].mat(),
            null, null, null, null, null, null, null, null);
      }
      build = b;
    }
    return build;
  }

  @Override public Partial zero() { return new Partial(); }

  @Override public Partial add(Partial acc, Object item) {
    LibBuild b = build();
    StageAccumulator a = Runner.pass(b, Stage.parse(stage), new Inputs((Tensor) item, "lib.build", "data"), null);
    Partial p = new Partial();
    p.value = a;
    return acc.merge(p);
  }

  @Override public Partial merge(Partial left, Partial right) { return left.merge(right); }
}
