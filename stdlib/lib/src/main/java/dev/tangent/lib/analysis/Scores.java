package dev.tangent.lib.analysis;

/**
 * Accuracy and cross-entropy of logits [n][positions][classes] at the last position against
 * integer labels, summed so that batches add up.
 */
public final class Scores {
  public double correct;
  public double loss;
  public long count;

  public void add(double[] logits, int n, int positions, int classes, long[] labels, int from) {
    for (int b = 0; b < n; b++) {
      int o = (b * positions + positions - 1) * classes;
      int best = 0;
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        if (logits[o + c] > max) {
          max = logits[o + c];
          best = c;
        }
      }
      double z = 0;
      for (int c = 0; c < classes; c++) z += Math.exp(logits[o + c] - max);
      long y = labels[from + b];
      correct += best == y ? 1 : 0;
      loss += Math.log(z) + max - logits[o + (int) y];
      count++;
    }
  }

  public double accuracy() { return correct / count; }

  public double meanLoss() { return loss / count; }
}
