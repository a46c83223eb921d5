package dev.tangent.lib.build;

import dev.tangent.lib.accum.GateStats;
import dev.tangent.lib.accum.Moments;
import dev.tangent.lib.accum.SumMatrix;

/**
 * The sums one stage collects: per-layer moments and per-section gate statistics, one M′, or
 * per-section edge sums. Threads and shards each fill one; merging adds them.
 */
public final class StageAccumulator {
  public final Stage stage;
  public final Moments[] moments;
  public final GateStats[] gates;
  public SumMatrix mDash;
  public final SumMatrix[] edges;
  /** Samples seen (for checks and messages). */
  public long samples;

  public StageAccumulator(Stage stage, int layers) {
    this.stage = stage;
    this.moments = new Moments[layers];
    this.gates = new GateStats[layers];
    this.edges = new SumMatrix[layers];
  }

  public void merge(StageAccumulator o) {
    if (!o.stage.equals(stage)) throw new IllegalArgumentException("cannot merge " + o.stage.key() + " into " + stage.key());
    for (int i = 0; i < moments.length; i++) {
      if (moments[i] != null) moments[i].merge(o.moments[i]);
      if (gates[i] != null) gates[i].merge(o.gates[i]);
      if (edges[i] != null) edges[i].merge(o.edges[i]);
    }
    if (mDash != null) mDash.merge(o.mDash);
    samples += o.samples;
  }
}
