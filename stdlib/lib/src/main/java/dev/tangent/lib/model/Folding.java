package dev.tangent.lib.model;

import dev.tangent.lib.linalg.Mat;
import dev.tangent.lib.section.Act;

/**
 * Bias folding (rib's fold_bias, spec §1.1) in the row-vector convention y = x W + b, W [in, out]:
 * a hidden layer becomes [[W, 0], [b, root_one]] so that act keeps the constant coordinate at 1;
 * the last layer drops that column; attention folds b_Q, b_K into W_Q, W_K, gives W_V a ones
 * column and splits b_O over the heads.
 */
public final class Folding {
  private Folding() {}

  /** [[W, 0], [b, root]]: (in + 1) x (out + 1). */
  public static Mat hidden(Mat w, double[] b, Act act, double slope) {
    int in = w.rows;
    int out = w.cols;
    Mat f = Mat.zeros(in + 1, out + 1);
    for (int i = 0; i < in; i++) System.arraycopy(w.a, i * out, f.a, i * (out + 1), out);
    for (int j = 0; j < out; j++) f.set(in, j, b == null ? 0 : b[j]);
    f.set(in, out, act.rootOne(slope));
    return f;
  }

  /** [[W], [b]]: (in + 1) x out, for the layer that produces the model output. */
  public static Mat last(Mat w, double[] b) {
    int in = w.rows;
    int out = w.cols;
    Mat f = Mat.zeros(in + 1, out);
    System.arraycopy(w.a, 0, f.a, 0, in * out);
    for (int j = 0; j < out; j++) f.set(in, j, b == null ? 0 : b[j]);
    return f;
  }

  /** [[W, 0], [b, 0]]: (in + 1) x (out + 1), an output added to a residual stream that already carries the 1. */
  public static Mat intoResidual(Mat w, double[] b) {
    int in = w.rows;
    int out = w.cols;
    Mat f = Mat.zeros(in + 1, out + 1);
    for (int i = 0; i < in; i++) System.arraycopy(w.a, i * out, f.a, i * (out + 1), out);
    for (int j = 0; j < out; j++) f.set(in, j, b == null ? 0 : b[j]);
    return f;
  }

  /** W_V folded: [[W_V, 0], [b_V, 1]], (d + 1) x (d_head + 1). */
  public static Mat value(Mat w, double[] b) {
    return hidden(w, b, Act.IDENTITY, 0);
  }

  /** W_O folded for one of n heads: [[W_O, 0], [b_O / n, 0]], (d_head + 1) x (d + 1). */
  public static Mat output(Mat w, double[] bO, int heads) {
    double[] split = new double[bO.length];
    for (int i = 0; i < split.length; i++) split[i] = bO[i] / heads;
    return intoResidual(w, split);
  }
}
