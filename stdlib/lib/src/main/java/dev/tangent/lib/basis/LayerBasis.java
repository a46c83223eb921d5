package dev.tangent.lib.basis;

import dev.tangent.lib.linalg.Mat;

/**
 * The basis of one node layer: features f = x C (C is d x r), back to neurons x ≈ f C⁺. For LIB
 * also the PCA basis W it starts from, the rotation V and the importances Λ; for every kind the
 * Gram spectrum of the layer (for the PCA baseline's spectrum).
 *
 * @param lambdas importance of each kept feature in C's column order (LIB: Λ; PCA: the Gram
 *     eigenvalue; neuron or identity: null)
 * @param lambdaRaw Λ before sorting and truncation, in V's column order (LIB only), as rib stores it
 * @param gramValues eigenvalues of the (centred) Gram kept by truncation 1, the constant direction first
 * @param constFirst whether feature 0 is the constant direction (centred builds)
 */
public record LayerBasis(String name, int dim, BasisKind kind, boolean identity, boolean constFirst,
    Mat c, Mat cInv, Mat w, Mat wInv, Mat v, double[] lambdaRaw, double[] lambdas, double[] gramValues,
    double[] mean, Mat gram) {

  /** The number of features r. */
  public int width() { return c.cols; }

  public static LayerBasis identity(String name, int dim, double[] mean, Mat gram, double[] gramValues) {
    Mat i = Mat.identity(dim);
    return new LayerBasis(name, dim, BasisKind.NEURON, true, false, i, i, null, null, null, null, null, gramValues, mean, gram);
  }
}
