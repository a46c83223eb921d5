package dev.tangent.lib.section;

/**
 * The part of a network between two node layers, F: x → y, on batches of n samples stored
 * row-major as [n][positions][width] in f64. Node-layer vectors carry the bias coordinate last
 * (always 1 on data) except the model output.
 *
 * <p>The Jacobians LIB needs come as vector-Jacobian products: for cotangent rows u_k over the
 * output, g[b][k] = u_k ∂F(x_b)/∂x_b. Implementations are analytic (batched GEMMs) or autograd.
 */
public interface Section {
  int inWidth();

  int inPositions();

  int outWidth();

  int outPositions();

  default int inSize() { return inWidth() * inPositions(); }

  default int outSize() { return outWidth() * outPositions(); }

  /** y = F(x) for n samples: x [n][inSize] into y [n][outSize]. */
  void forward(double[] x, int n, double[] y);

  /**
   * Vector-Jacobian products at x (n samples) for k cotangent rows: u is [k][outSize] for all
   * samples when shared, else [n][k][outSize]; g receives [n][k][inSize].
   */
  void vjp(double[] x, int n, double[] u, int k, boolean shared, double[] g);

  /** Whether F(αx) = α F(x) for α > 0 (then every integration rule equals the plain gradient). */
  boolean homogeneous();

  /** A short description: "attention (4 heads) + residual, last position". */
  String describe();
}
