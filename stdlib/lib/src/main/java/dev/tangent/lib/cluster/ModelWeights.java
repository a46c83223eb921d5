package dev.tangent.lib.cluster;

import dev.tangent.lib.model.LibModel;
import dev.tangent.lib.model.TransformerChain;
import dev.tangent.lib.model.TransformerWeights;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transformer as it travels to the executors: its state dict in f64 (plain arrays, no DJL),
 * the node layers and the input shape; {@link #rebuild()} makes the same LibModel there as the
 * driver's (TransformerChain on the same weights).
 */
final class ModelWeights implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LinkedHashMap<String, double[]> values;
  private final LinkedHashMap<String, int[]> shapes;
  private final String act;
  private final String[] layers;
  private final int[] inputShape;
  private final boolean lastPos;

  ModelWeights(Map<String, double[]> values, Map<String, int[]> shapes, String act, List<String> layers, int[] inputShape, boolean lastPos) {
    this.values = new LinkedHashMap<>(values);
    this.shapes = new LinkedHashMap<>(shapes);
    this.act = act;
    this.layers = layers.toArray(new String[0]);
    this.inputShape = inputShape.clone();
    this.lastPos = lastPos;
  }

  /** Doubles carried (for messages about what a job ships). */
  long size() {
    long n = 0;
    for (double[] v : values.values()) n += v.length;
    return n;
  }

  LibModel rebuild() {
    TransformerWeights w = new TransformerWeights(values, shapes, act);
    return TransformerChain.build(w, List.of(layers), inputShape[0], lastPos).withInputShape(inputShape);
  }
}
