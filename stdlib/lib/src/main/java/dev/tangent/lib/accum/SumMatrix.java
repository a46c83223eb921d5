package dev.tangent.lib.accum;

import dev.tangent.lib.linalg.Mat;

/**
 * A matrix sum and the number of terms behind it (M′ sums over N·P_in activation vectors, edge
 * sums likewise): batches, threads and shards add their sums and counts; the mean is taken once.
 */
public final class SumMatrix {
  public final Mat sum;
  private double count;

  public SumMatrix(int rows, int cols) {
    this.sum = Mat.zeros(rows, cols);
  }

  public SumMatrix(Mat sum, double count) {
    this.sum = sum;
    this.count = count;
  }

  public void addCount(double n) { count += n; }

  public double count() { return count; }

  public void merge(SumMatrix o) {
    sum.addScaled(o.sum, 1);
    count += o.count;
  }

  public Mat mean() {
    if (count == 0) throw new IllegalStateException("nothing was accumulated");
    return sum.scale(1 / count);
  }
}
