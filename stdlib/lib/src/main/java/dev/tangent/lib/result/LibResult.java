package dev.tangent.lib.result;

import dev.tangent.spi.TangentError;
import dev.tangent.lib.accum.GateStats;
import dev.tangent.lib.basis.LayerBasis;
import dev.tangent.lib.basis.LayerMoments;
import dev.tangent.lib.build.LibBuild;
import dev.tangent.lib.build.Options;
import dev.tangent.lib.build.Stage;
import dev.tangent.lib.linalg.Mat;
import dev.tangent.lib.model.LibModel;
import java.util.List;

/**
 * What lib.build returns: per node layer the basis C, C⁺ and importances, the edge matrices, and
 * (for builds done in stages) the moments and gate statistics still needed. A result built here
 * keeps its model, so features(l, inputs) can run the network; a loaded one reads activations.
 */
public final class LibResult {
  public final List<String> layers;
  public final int[] widths;
  public final int[] positions;
  public final boolean[] hasConst;
  public final String modelKind;
  public final Options options;
  public final LayerMoments[] moments;
  public final GateStats[] gates;
  public final LayerBasis[] bases;
  public final Mat[] edges;
  public final boolean edgesDone;
  public final long samples;
  /** The next stage's key when the result is partial, else null. */
  public final String nextStage;
  /** The shape of one model input sample. */
  public final int[] inputShape;
  private final LibModel model;
  /** Seconds per step of the build that made this result (empty for loaded results). */
  public final java.util.Map<String, Double> timings = new java.util.LinkedHashMap<>();

  public LibResult(List<String> layers, int[] widths, int[] positions, boolean[] hasConst, String modelKind, Options options,
      LayerMoments[] moments, GateStats[] gates, LayerBasis[] bases, Mat[] edges, boolean edgesDone, long samples,
      String nextStage, int[] inputShape, LibModel model) {
    this.layers = List.copyOf(layers);
    this.widths = widths;
    this.positions = positions;
    this.hasConst = hasConst;
    this.modelKind = modelKind;
    this.options = options;
    this.moments = moments;
    this.gates = gates;
    this.bases = bases;
    this.edges = edges;
    this.edgesDone = edgesDone;
    this.samples = samples;
    this.nextStage = nextStage;
    this.inputShape = inputShape;
    this.model = model;
  }

  public static LibResult of(LibBuild b) {
    LibModel m = b.model;
    int n = m.count();
    int[] widths = new int[n];
    int[] pos = new int[n];
    boolean[] hc = new boolean[n];
    for (int l = 0; l < n; l++) {
      widths[l] = m.width(l);
      pos[l] = m.positions(l);
      hc[l] = m.hasConst(l);
    }
    Stage next = b.next();
    LibResult r = new LibResult(m.layers, widths, pos, hc, m.kind, b.opt, b.moments.clone(), b.gates.clone(), b.bases.clone(), b.edges.clone(),
        b.edgesDone(), b.samples, next == null ? null : next.key(), m.inputShape(), m);
    r.timings.putAll(b.timings);
    return r;
  }

  public boolean complete() { return nextStage == null; }

  public LibModel model() { return model; }

  /** The same result with the model attached (for features of model inputs). */
  public LibResult withModel(LibModel m) {
    checkModel(m);
    return new LibResult(layers, widths, positions, hasConst, modelKind, options, moments, gates, bases, edges, edgesDone, samples, nextStage, inputShape, m);
  }

  void checkModel(LibModel m) {
    if (!m.layers.equals(layers)) throw TangentError.runtime("the model's node layers " + m.layers + " differ from the result's " + layers);
    for (int l = 0; l < widths.length; l++) {
      if (m.width(l) != widths[l] || m.positions(l) != positions[l]) {
        throw TangentError.runtime("node layer '" + layers.get(l) + "' has width " + m.width(l) + " at " + m.positions(l)
            + " positions in the model but " + widths[l] + " at " + positions[l] + " in the result (same node layers, data and last_pos?)");
      }
    }
  }

  /** A build in this state for model m (to run the remaining stages, or merge shards). */
  public LibBuild restore(LibModel m) {
    checkModel(m);
    LibBuild b = new LibBuild(m, options);
    for (int l = 0; l < layers.size(); l++) {
      b.moments[l] = moments[l];
      b.gates[l] = gates[l];
      b.bases[l] = bases[l];
      b.edges[l] = edges[l];
    }
    b.samples = samples;
    if (edgesDone) b.edgesLoaded();
    return b;
  }

  /** Index of a node layer given by name or position. */
  public int index(Object layer, String fn) {
    if (layer instanceof String s) {
      int i = layers.indexOf(s);
      if (i < 0) throw TangentError.runtime(fn + "(): unknown node layer '" + s + "' (the result has " + layers + ")");
      return i;
    }
    if (layer instanceof Double d && d == Math.rint(d)) {
      int i = (int) (double) d;
      if (i < 0) i += layers.size();
      if (i < 0 || i >= layers.size()) throw TangentError.runtime(fn + "(): layer index " + d.intValue() + " is out of range for " + layers.size() + " node layers");
      return i;
    }
    throw TangentError.runtime(fn + "(): a node layer is a name or an index, got " + dev.tangent.spi.Types.typeName(layer));
  }

  public LayerBasis basis(int l, String fn) {
    if (bases[l] == null) {
      throw TangentError.runtime(fn + "(): the basis of '" + layers.get(l) + "' is not computed yet (this result is partial; next stage: " + nextStage + ")");
    }
    return bases[l];
  }

  /** The edge matrix of section l (node layer l to l + 1). */
  public Mat edges(int l, String fn) {
    if (l >= layers.size() - 1) throw TangentError.runtime(fn + "(): '" + layers.get(l) + "' is the last node layer; edges go from a layer to the next");
    if (edges[l] == null) {
      throw TangentError.runtime(fn + "(): the edges are not computed" + (options.edges() ? " yet (next stage: " + nextStage + ")" : " (edges: false)"));
    }
    return edges[l];
  }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder("<LibResult ").append(options.kind().text).append(": ");
    for (int l = 0; l < layers.size(); l++) {
      if (l > 0) sb.append(", ");
      sb.append(layers.get(l)).append(' ');
      if (bases[l] == null) sb.append('?');
      else sb.append(bases[l].width());
      sb.append('/').append(widths[l]);
    }
    if (!complete()) sb.append("; partial, next stage ").append(nextStage);
    return sb.append('>').toString();
  }
}
