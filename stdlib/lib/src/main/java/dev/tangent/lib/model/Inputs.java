package dev.tangent.lib.model;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;

/**
 * The samples a build or an ablation reads, batch by batch: a tensor [N, ...] whose first axis
 * counts samples; each sample is read flattened to inputSize values (tokens as numbers).
 */
public final class Inputs {
  private final Tensor t;
  public final int count;
  public final int sampleSize;

  public Inputs(Tensor t, String fn, String what) {
    if (t.ndim() < 1 || t.shape()[0] == 0) {
      throw TangentError.runtime(fn + "(): " + what + " must be a tensor with samples along the first axis, got shape " + Tensor.shapeText(t.shape()));
    }
    this.t = t;
    this.count = t.shape()[0];
    this.sampleSize = t.size() / count;
  }

  private Inputs(Tensor t, int count, int sampleSize) {
    this.t = t;
    this.count = count;
    this.sampleSize = sampleSize;
  }

  public int[] sampleShape() {
    int[] s = t.shape();
    return java.util.Arrays.copyOfRange(s, 1, s.length);
  }

  public Tensor tensor() { return t; }

  /** Samples from until from + n, flattened, as f64. */
  public double[] rows(int from, int n) {
    double[] out = new double[Math.multiplyExact(n, sampleSize)];
    t.storage().read(from * sampleSize, out, 0, out.length);
    return out;
  }

  /** The first n samples only. */
  public Inputs head(int n) { return new Inputs(t, Math.min(n, count), sampleSize); }
}
