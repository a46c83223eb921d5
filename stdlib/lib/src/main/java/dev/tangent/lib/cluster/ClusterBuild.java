package dev.tangent.lib.cluster;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.lib.build.LibBuild;
import dev.tangent.lib.build.Stage;
import dev.tangent.lib.build.StageAccumulator;
import dev.tangent.lib.model.Inputs;
import dev.tangent.nn.transformer.HookedTransformer;
import dev.tangent.nn.value.DTensor;
import dev.tangent.spark.driver.Distribute;
import dev.tangent.spi.Context;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver of lib.build(..., session: s): the data as a collection of batches (batch: samples
 * each), then every stage as one tree aggregation over it, solved on the driver between stages
 * (the same LibBuild.finish as one machine's), so the result equals the one-machine build up to
 * the order of summation.
 */
public final class ClusterBuild {
  private ClusterBuild() {}

  /** Tree depth of the merges (Spark's default). */
  static final int DEPTH = 2;

  /**
   * Runs every remaining stage of b on the session's executors. model: the script's model value
   * (its weights travel); partitions: the collection's partitions (0: one per batch of samples).
   */
  public static void complete(Context ctx, Object session, Object model, LibBuild b, Inputs data, int partitions) {
    ModelWeights w = weights(model, b, data.sampleShape());
    // With partitions given, one item per partition: a task then derives each section's matrices
    // (Runner.pass's caches) once, and still steps through its item in batches of batch samples.
    int item = partitions > 0 ? Math.max(b.opt.batch(), (data.count + partitions - 1) / partitions) : b.opt.batch();
    List<Object> batches = batches(ctx, data, item);
    int parts = partitions > 0 ? partitions : batches.size();
    Object distributed = Distribute.parallelize(ctx, session, batches, parts);
    // Tasks call single-threaded BLAS (StagePass); in local mode they run in this JVM, whose setting comes back after.
    int blasBefore = org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads();
    try {
      stages(ctx, distributed, w, b, data);
    } finally {
      org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(blasBefore);
    }
  }

  private static void stages(Context ctx, Object distributed, ModelWeights w, LibBuild b, Inputs data) {
    Stage st;
    while ((st = b.next()) != null) {
      long t0 = System.nanoTime();
      Partial p = Distribute.treeAggregate(ctx, distributed, new StagePass(w, b, st), DEPTH);
      long t1 = System.nanoTime();
      StageAccumulator a = p.value;
      if (a == null || a.samples != data.count) {
        throw TangentError.runtime("lib.build(session:): stage " + st.key() + " saw " + (a == null ? 0 : a.samples) + " of " + data.count + " samples");
      }
      b.finish(a);
      long t2 = System.nanoTime();
      b.timings.merge("pass " + st.key() + " (spark)", (t1 - t0) / 1e9, Double::sum);
      b.timings.merge("solve " + st.key(), (t2 - t1) / 1e9, Double::sum);
    }
  }

  /** The data in items of up to batch samples, each a tensor [n, sample shape] in f64 (tokens stay exact). */
  static List<Object> batches(Context ctx, Inputs data, int batch) {
    int[] shape = data.sampleShape();
    List<Object> out = new ArrayList<>();
    for (int from = 0; from < data.count; from += batch) {
      ctx.checkInterrupt();
      int n = Math.min(batch, data.count - from);
      int[] s = new int[shape.length + 1];
      s[0] = n;
      System.arraycopy(shape, 0, s, 1, shape.length);
      out.add(Tensor.ofDoubles(s, data.rows(from, n)));
    }
    return out;
  }

  /** The model's weights as plain arrays; transformers only so far. */
  static ModelWeights weights(Object model, LibBuild b, int[] sampleShape) {
    if (!(model instanceof HookedTransformer ht)) {
      throw TangentError.runtime("lib.build(session:): only transformers from nn.load_transformer can be built on a cluster so far, got "
          + Types.typeName(model) + " (build it without session:, or shard it with lib.accumulate and lib.merge)");
    }
    Map<String, double[]> values = new LinkedHashMap<>();
    Map<String, int[]> shapes = new LinkedHashMap<>();
    for (Map.Entry<String, DTensor> e : ht.stateDict().entrySet()) {
      values.put(e.getKey(), e.getValue().toTensor().toDoubleArray());
      long[] s = e.getValue().shape().getShape();
      int[] is = new int[s.length];
      for (int i = 0; i < s.length; i++) is[i] = Math.toIntExact(s[i]);
      shapes.put(e.getKey(), is);
    }
    String act = String.valueOf(ht.config().get("act_fn"));
    return new ModelWeights(values, shapes, act, b.model.layers, sampleShape, b.opt.lastPos());
  }
}
