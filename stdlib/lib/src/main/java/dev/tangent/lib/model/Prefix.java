package dev.tangent.lib.model;

/**
 * From the model's input to the first node layer's activations (bias coordinate appended): the
 * token and position embeddings of a transformer, or the raw input of an MLP plus a constant 1,
 * possibly followed by sections before the first node layer.
 */
public interface Prefix {
  /** Values per sample the model takes (tokens per sequence, pixels per image). */
  int inputSize();

  /** Activations [n][positions][width] of the first node layer. */
  double[] apply(double[] inputs, int n);

  String describe();
}
