package dev.tangent.lib.basis;

import dev.tangent.spi.TangentError;

/** Which basis a build computes (spec §1.3): LIB ("jacobian"), PCA ("pca", rib's centred "svd") or neurons. */
public enum BasisKind {
  JACOBIAN("jacobian"), PCA("pca"), NEURON("neuron");

  public final String text;

  BasisKind(String text) {
    this.text = text;
  }

  public static BasisKind of(String s) {
    switch (s) {
      case "jacobian": case "lib": return JACOBIAN;
      case "pca": case "svd": return PCA;
      case "neuron": return NEURON;
      default: throw TangentError.runtime("basis must be \"jacobian\", \"pca\" or \"neuron\", got \"" + s + "\"");
    }
  }
}
