package dev.tangent.lib.section;

import java.util.List;

/**
 * Several sections run one after the other, for node layers that skip intermediate ones. The
 * Jacobian is the chain rule: the last section's VJP, then each earlier one with per-sample
 * cotangents.
 */
public final class ComposedSection implements Section {
  private final List<Section> parts;

  public ComposedSection(List<Section> parts) {
    if (parts.isEmpty()) throw new IllegalArgumentException("no sections");
    for (int i = 1; i < parts.size(); i++) {
      if (parts.get(i).inSize() != parts.get(i - 1).outSize()) throw new IllegalArgumentException("section sizes do not chain");
    }
    this.parts = List.copyOf(parts);
  }

  public static Section of(List<Section> parts) {
    return parts.size() == 1 ? parts.get(0) : new ComposedSection(parts);
  }

  public List<Section> parts() { return parts; }

  @Override public int inWidth() { return parts.get(0).inWidth(); }
  @Override public int inPositions() { return parts.get(0).inPositions(); }
  @Override public int outWidth() { return parts.get(parts.size() - 1).outWidth(); }
  @Override public int outPositions() { return parts.get(parts.size() - 1).outPositions(); }

  @Override public boolean homogeneous() {
    for (Section s : parts) if (!s.homogeneous()) return false;
    return true;
  }

  @Override public String describe() {
    StringBuilder sb = new StringBuilder();
    for (Section s : parts) sb.append(sb.length() == 0 ? "" : ", then ").append(s.describe());
    return sb.toString();
  }

  @Override public void forward(double[] x, int n, double[] y) {
    double[] cur = x;
    for (int i = 0; i < parts.size(); i++) {
      Section s = parts.get(i);
      double[] next = i == parts.size() - 1 ? y : new double[n * s.outSize()];
      s.forward(cur, n, next);
      cur = next;
    }
  }

  @Override public void vjp(double[] x, int n, double[] u, int k, boolean shared, double[] g) {
    double[][] inputs = new double[parts.size()][];
    inputs[0] = x;
    for (int i = 1; i < parts.size(); i++) {
      Section prev = parts.get(i - 1);
      inputs[i] = new double[n * prev.outSize()];
      prev.forward(inputs[i - 1], n, inputs[i]);
    }
    double[] cot = u;
    boolean sh = shared;
    for (int i = parts.size() - 1; i >= 0; i--) {
      Section s = parts.get(i);
      double[] out = i == 0 ? g : new double[n * k * s.inSize()];
      s.vjp(inputs[i], n, cot, k, sh, out);
      cot = out;
      sh = false;
    }
  }
}
