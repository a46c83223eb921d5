package dev.tangent.lib.build;

import dev.tangent.lib.accum.GateStats;
import dev.tangent.lib.accum.Moments;
import dev.tangent.lib.accum.SumMatrix;
import dev.tangent.lib.basis.BasisKind;
import dev.tangent.lib.basis.BasisSolver;
import dev.tangent.lib.basis.LayerBasis;
import dev.tangent.lib.basis.LayerMoments;
import dev.tangent.lib.linalg.Blas;
import dev.tangent.lib.linalg.Blas.Ref;
import dev.tangent.lib.linalg.Mat;
import dev.tangent.lib.model.LibModel;
import dev.tangent.lib.section.GatedLinearSection;
import dev.tangent.lib.section.Section;

/**
 * The state of one LIB build as a sequence of data passes (stages). After the moments, bases are
 * solved from the last node layer backwards (spec §1.2); a section whose M′ follows from its
 * gate statistics (MLP layers, residual MLPs, linear maps) needs no pass of its own, any other
 * (attention, autograd sections) one pass once the next layer's basis is known; then one pass
 * collects every edge matrix. Each pass fills a mergeable {@link StageAccumulator}.
 */
public final class LibBuild {
  public final LibModel model;
  public final Options opt;
  public final LayerMoments[] moments;
  public final GateStats[] gates;
  public final LayerBasis[] bases;
  public final Mat[] edges;
  private boolean edgesDone;
  /** Samples behind each finished stage (from the moments pass). */
  public long samples;
  /** Seconds spent per step: "pass <stage>" (data passes) and "solve <stage>" (eigendecompositions and the rest). */
  public final java.util.Map<String, Double> timings = new java.util.LinkedHashMap<>();

  public LibBuild(LibModel model, Options opt) {
    this.model = model;
    this.opt = opt;
    int n = model.count();
    moments = new LayerMoments[n];
    gates = new GateStats[n];
    bases = new LayerBasis[n];
    edges = new Mat[n];
  }

  private int last() { return model.count() - 1; }

  boolean needsMoments(int l) { return l < last() || opt.rotateFinal(); }

  boolean needsGates(int l) {
    return opt.kind() == BasisKind.JACOBIAN && l < last() && model.sections.get(l) instanceof GatedLinearSection g && g.gated();
  }

  boolean closedForm(int l) {
    return opt.kind() != BasisKind.JACOBIAN || model.sections.get(l) instanceof GatedLinearSection;
  }

  /** The next pass to run, or null when the build is complete. */
  public Stage next() {
    if (moments[0] == null) return Stage.MOMENTS;
    for (int l = last(); l >= 0; l--) if (bases[l] == null) return Stage.mDash(l);
    if (opt.edges() && !edgesDone) return Stage.EDGES;
    return null;
  }

  public boolean complete() { return next() == null; }

  public int passesLeft() {
    Stage s = next();
    if (s == null) return 0;
    int p = s.kind() == Stage.Kind.EDGES ? 1 : (opt.edges() ? 1 : 0);
    if (s.kind() == Stage.Kind.MOMENTS) {
      p++;
      if (opt.kind() == BasisKind.JACOBIAN) for (int l = 0; l < last(); l++) if (!closedForm(l)) p++;
    } else if (s.kind() == Stage.Kind.MDASH) {
      for (int l = s.layer(); l >= 0; l--) if (bases[l] == null && !closedForm(l)) p++;
    }
    return p;
  }

  public StageAccumulator newAccumulator(Stage st) {
    StageAccumulator a = new StageAccumulator(st, model.count());
    switch (st.kind()) {
      case MOMENTS:
        for (int l = 0; l < model.count(); l++) {
          if (needsMoments(l)) a.moments[l] = new Moments(model.width(l));
          if (needsGates(l)) a.gates[l] = new GateStats(((GatedLinearSection) model.sections.get(l)).hidden());
        }
        break;
      case MDASH:
        a.mDash = new SumMatrix(model.width(st.layer()), model.width(st.layer()));
        break;
      default:
        for (int l = 0; l < last(); l++) a.edges[l] = new SumMatrix(bases[l + 1].width(), bases[l].width());
    }
    return a;
  }

  /**
   * Samples processed at once inside a batch: their arrays stay under a megabyte, which the JVM
   * allocates in ordinary heap regions instead of fresh "humongous" ones, so memory stays flat
   * whatever the batch size.
   */
  static final int SUB_BATCH = 192;

  /** Adds one batch of n samples (model inputs, flattened) to the stage's sums. */
  public void accumulate(StageAccumulator a, double[] inputs, int n, Cache[] caches) {
    int per = model.prefix.inputSize();
    for (int s0 = 0; s0 < n; s0 += SUB_BATCH) {
      int m = Math.min(SUB_BATCH, n - s0);
      double[] part = s0 == 0 && m == n ? inputs : java.util.Arrays.copyOfRange(inputs, s0 * per, (s0 + m) * per);
      accumulateChunk(a, part, m, caches);
    }
  }

  private void accumulateChunk(StageAccumulator a, double[] inputs, int n, Cache[] caches) {
    Stage st = a.stage;
    a.samples += n;
    switch (st.kind()) {
      case MOMENTS: {
        double[][] acts = model.activations(inputs, n);
        for (int l = 0; l < model.count(); l++) {
          int rows = n * model.positions(l);
          if (a.moments[l] != null) a.moments[l].addRows(acts[l], 0, rows);
          if (a.gates[l] != null) {
            GatedLinearSection s = (GatedLinearSection) model.sections.get(l);
            a.gates[l].add(GatedLinearMath.gates(s, acts[l], rows, opt.integration()), rows);
          }
        }
        break;
      }
      case MDASH: {
        int l = st.layer();
        double[] x = activationsAt(inputs, n, l);
        JacobianMath.mDash(model.sections.get(l), x, n, bases[l + 1].c(), opt.integration(), a.mDash, caches[l]);
        break;
      }
      default: {
        double[][] acts = model.activations(inputs, n);
        for (int l = 0; l < last(); l++) {
          Section s = model.sections.get(l);
          LayerBasis b = bases[l];
          Mat cNext = bases[l + 1].c();
          if (s instanceof GatedLinearSection g) {
            int rows = n * model.positions(l);
            double[] f = features(acts[l], rows, b.c());
            GatedLinearMath.edges(g, f, rows, b.cInv(), cNext, opt.integration(), a.edges[l], caches[l]);
          } else if (s instanceof dev.tangent.lib.section.AttentionSection at) {
            AttentionMath.edges(at, acts[l], n, b.c(), b.cInv(), cNext, opt.integration(), a.edges[l], caches[l]);
          } else {
            JacobianMath.edges(s, acts[l], n, b.c(), b.cInv(), cNext, opt.integration(), a.edges[l], caches[l]);
          }
        }
      }
    }
  }

  /** Activations of node layer l only (the prefix and the sections before it). */
  double[] activationsAt(double[] inputs, int n, int l) {
    double[] x = model.prefix.apply(inputs, n);
    for (int i = 0; i < l; i++) {
      double[] y = new double[n * model.size(i + 1)];
      model.sections.get(i).forward(x, n, y);
      x = y;
    }
    return x;
  }

  static double[] features(double[] x, int rows, Mat c) {
    double[] f = new double[rows * c.cols];
    Blas.gemm(false, false, rows, c.cols, c.rows, 1, Ref.of(x), c.rows, Ref.of(c.a), c.cols, 0, Ref.of(f), c.cols);
    return f;
  }

  /** Takes a finished stage's sums and solves whatever they allow. */
  public void finish(StageAccumulator a) {
    Stage st = a.stage;
    switch (st.kind()) {
      case MOMENTS:
        for (int l = 0; l < model.count(); l++) {
          if (a.moments[l] != null) {
            boolean hasConst = model.hasConst(l);
            moments[l] = a.moments[l].layerMoments(opt.center() && hasConst, hasConst);
          }
          gates[l] = a.gates[l];
        }
        samples = a.samples;
        break;
      case MDASH: {
        int l = st.layer();
        bases[l] = BasisSolver.lib(model.layers.get(l), moments[l], a.mDash.mean(), opt.threshold());
        break;
      }
      default:
        for (int l = 0; l < last(); l++) edges[l] = a.edges[l].mean();
        edgesDone = true;
    }
    advance();
  }

  /** Solves every basis that needs no further pass, from the last node layer backwards. */
  void advance() {
    if (moments[0] == null) return;
    int last = last();
    String name = model.layers.get(last);
    if (bases[last] == null) {
      if (opt.rotateFinal()) {
        LayerBasis p = BasisSolver.pca(name, moments[last], opt.threshold());
        bases[last] = new LayerBasis(name, p.dim(), BasisKind.PCA, false, p.constFirst(), p.c(), p.cInv(), p.w(), p.wInv(),
            null, null, null, p.gramValues(), p.mean(), p.gram());
      } else {
        bases[last] = LayerBasis.identity(name, model.width(last), null, null, null);
      }
    }
    for (int l = last - 1; l >= 0; l--) {
      if (bases[l] != null) continue;
      String nm = model.layers.get(l);
      switch (opt.kind()) {
        case PCA: bases[l] = BasisSolver.pca(nm, moments[l], opt.threshold()); break;
        case NEURON: bases[l] = BasisSolver.neuron(nm, moments[l], opt.threshold()); break;
        default:
          if (!(model.sections.get(l) instanceof GatedLinearSection g)) return;
          Mat mDash = GatedLinearMath.mDash(g, gates[l], bases[l + 1].c());
          bases[l] = BasisSolver.lib(nm, moments[l], mDash, opt.threshold());
      }
    }
  }

  /**
   * M′ of node layer l for a given basis of the next layer, over data (the moments pass must be
   * done): for checking one layer's computation from someone else's stored bases.
   */
  public Mat mDashWith(int l, Mat cNext, dev.tangent.lib.model.Inputs data) {
    Section s = model.sections.get(l);
    if (s instanceof GatedLinearSection g && (!g.gated() || gates[l] != null)) return GatedLinearMath.mDash(g, gates[l], cNext);
    SumMatrix m = new SumMatrix(model.width(l), model.width(l));
    Cache cache = new Cache();
    for (int from = 0; from < data.count; from += opt.batch()) {
      int n = Math.min(opt.batch(), data.count - from);
      JacobianMath.mDash(s, activationsAt(data.rows(from, n), n, l), n, cNext, opt.integration(), m, cache);
    }
    return m.mean();
  }

  /** The edges of section l for given bases, over data. */
  public Mat edgesWith(int l, Mat c, Mat cInv, Mat cNext, dev.tangent.lib.model.Inputs data) {
    Section s = model.sections.get(l);
    SumMatrix e = new SumMatrix(cNext.cols, c.cols);
    try (Cache cache = new Cache()) {
    for (int from = 0; from < data.count; from += opt.batch()) {
      int n = Math.min(opt.batch(), data.count - from);
      double[] x = activationsAt(data.rows(from, n), n, l);
      if (s instanceof GatedLinearSection g) {
        int rows = n * model.positions(l);
        GatedLinearMath.edges(g, features(x, rows, c), rows, cInv, cNext, opt.integration(), e, cache);
      } else if (s instanceof dev.tangent.lib.section.AttentionSection at) {
        AttentionMath.edges(at, x, n, c, cInv, cNext, opt.integration(), e, cache);
      } else {
        JacobianMath.edges(s, x, n, c, cInv, cNext, opt.integration(), e, cache);
      }
    }
    }
    return e.mean();
  }

  /** Marks edges as given (loading a saved result). */
  public void edgesLoaded() { edgesDone = true; }

  public boolean edgesDone() { return edgesDone; }
}
