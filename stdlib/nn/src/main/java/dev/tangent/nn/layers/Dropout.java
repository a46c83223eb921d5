package dev.tangent.nn.layers;

import ai.djl.ndarray.NDArray;
import dev.tangent.spi.TangentError;

/** Zeroes each element with probability p in training mode and scales the rest by 1/(1-p). */
public final class Dropout extends Block {
  private final double p;

  public Dropout(double p) {
    if (!(p >= 0 && p <= 1)) throw TangentError.runtime("dropout probability must be in [0, 1], got " + p);
    this.p = p;
  }

  @Override public NDArray forward(Forward f, NDArray x) {
    return Functional.dropout(f.session, x, p, training);
  }

  @Override public String kind() { return "Dropout"; }

  @Override public String describe() { return "Dropout(p " + p + ")"; }
}
