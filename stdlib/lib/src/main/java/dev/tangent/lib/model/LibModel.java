package dev.tangent.lib.model;

import dev.tangent.lib.section.Section;
import java.util.List;

/**
 * A network as LIB sees it: named node layers, the sections between consecutive ones, how the
 * input reaches the first node layer, and what follows the last (when it is not the output).
 * Every node layer except the model output carries the constant coordinate last.
 */
public final class LibModel {
  public final List<String> layers;
  public final List<Section> sections;
  public final Prefix prefix;
  /** From the last node layer to the logits; empty when the last node layer is the output. */
  public final List<Section> suffix;
  /** The kind of model, for messages and files: "transformer", "mlp", "blocks". */
  public final String kind;
  private final boolean lastIsOutput;
  /** The shape of one input sample ([positions] of tokens, [width] of an MLP input). */
  private int[] inputShape;

  public LibModel(String kind, List<String> layers, List<Section> sections, Prefix prefix, List<Section> suffix, boolean lastIsOutput) {
    if (sections.size() != layers.size() - 1) throw new IllegalArgumentException(layers.size() + " node layers need " + (layers.size() - 1) + " sections");
    this.kind = kind;
    this.layers = List.copyOf(layers);
    this.sections = List.copyOf(sections);
    this.prefix = prefix;
    this.suffix = List.copyOf(suffix);
    this.lastIsOutput = lastIsOutput;
  }

  public int count() { return layers.size(); }

  public int[] inputShape() { return inputShape == null ? new int[] {prefix.inputSize()} : inputShape.clone(); }

  public LibModel withInputShape(int[] shape) {
    this.inputShape = shape.clone();
    return this;
  }

  public int width(int l) { return l < sections.size() ? sections.get(l).inWidth() : sections.get(l - 1).outWidth(); }

  public int positions(int l) { return l < sections.size() ? sections.get(l).inPositions() : sections.get(l - 1).outPositions(); }

  public int size(int l) { return width(l) * positions(l); }

  /** Whether node layer l carries the constant coordinate (all but the model output). */
  public boolean hasConst(int l) { return !(l == layers.size() - 1 && lastIsOutput); }

  public int index(String name) { return layers.indexOf(name); }

  /** Activations of every node layer for n samples of input. */
  public double[][] activations(double[] inputs, int n) {
    double[][] acts = new double[layers.size()][];
    acts[0] = prefix.apply(inputs, n);
    for (int l = 0; l < sections.size(); l++) {
      acts[l + 1] = new double[n * size(l + 1)];
      sections.get(l).forward(acts[l], n, acts[l + 1]);
    }
    return acts;
  }

  /** Runs the network from node layer l to the model output (logits). */
  public double[] logitsFrom(int l, double[] x, int n) {
    double[] cur = x;
    for (int i = l; i < sections.size(); i++) {
      double[] next = new double[n * sections.get(i).outSize()];
      sections.get(i).forward(cur, n, next);
      cur = next;
    }
    for (Section s : suffix) {
      double[] next = new double[n * s.outSize()];
      s.forward(cur, n, next);
      cur = next;
    }
    return cur;
  }

  /** Width and positions of the logits. */
  public int outputWidth() {
    return suffix.isEmpty() ? width(layers.size() - 1) : suffix.get(suffix.size() - 1).outWidth();
  }

  public int outputPositions() {
    return suffix.isEmpty() ? positions(layers.size() - 1) : suffix.get(suffix.size() - 1).outPositions();
  }
}
