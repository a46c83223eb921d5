package dev.tangent.lib.model;

import dev.tangent.lib.section.Section;
import java.util.List;

/**
 * The raw input as the first node layer (rib's layers.0): each position gets the constant
 * coordinate 1 appended, then any sections before the first node layer run.
 */
public final class ConstPrefix implements Prefix {
  private final int positions;
  private final int width;
  private final List<Section> before;

  public ConstPrefix(int positions, int width, List<Section> before) {
    this.positions = positions;
    this.width = width;
    this.before = List.copyOf(before);
  }

  @Override public int inputSize() { return positions * width; }

  @Override public double[] apply(double[] inputs, int n) {
    int w1 = width + 1;
    double[] x = new double[n * positions * w1];
    for (int r = 0; r < n * positions; r++) {
      System.arraycopy(inputs, r * width, x, r * w1, width);
      x[r * w1 + width] = 1;
    }
    for (Section s : before) {
      double[] y = new double[n * s.outSize()];
      s.forward(x, n, y);
      x = y;
    }
    return x;
  }

  @Override public String describe() {
    return "input (" + positions + " x " + width + ") with a constant 1" + (before.isEmpty() ? "" : ", then " + before.size() + " sections");
  }
}
