package dev.tangent.lib.model;

import dev.tangent.spi.TangentError;
import dev.tangent.lib.linalg.Mat;
import dev.tangent.lib.section.Section;
import java.util.List;

/**
 * Tokens to the residual stream: W_E[token] + W_pos[position], then the constant coordinate 1
 * (the embedding's folded bias), then any sections before the first node layer.
 */
public final class TokenEmbedding implements Prefix {
  private final Mat we;
  private final Mat wpos;
  private final int positions;
  private final List<Section> before;

  public TokenEmbedding(Mat we, Mat wpos, int positions, List<Section> before) {
    if (positions > wpos.rows) throw TangentError.runtime("lib: sequences of " + positions + " tokens exceed the context of " + wpos.rows);
    this.we = we;
    this.wpos = wpos;
    this.positions = positions;
    this.before = List.copyOf(before);
  }

  @Override public int inputSize() { return positions; }

  @Override public double[] apply(double[] tokens, int n) {
    int d = we.cols;
    int w1 = d + 1;
    double[] x = new double[n * positions * w1];
    for (int b = 0; b < n; b++) {
      for (int p = 0; p < positions; p++) {
        double tv = tokens[b * positions + p];
        int t = (int) tv;
        if (t != tv || t < 0 || t >= we.rows) {
          throw TangentError.runtime("lib: token " + (Double.isNaN(tv) ? "nan" : dev.tangent.spi.Display.str(tv))
              + " is not in the vocabulary 0.." + (we.rows - 1));
        }
        int o = (b * positions + p) * w1;
        for (int j = 0; j < d; j++) x[o + j] = we.a[t * d + j] + wpos.a[p * d + j];
        x[o + d] = 1;
      }
    }
    for (Section s : before) {
      double[] y = new double[n * s.outSize()];
      s.forward(x, n, y);
      x = y;
    }
    return x;
  }

  @Override public String describe() { return "token and position embeddings (" + positions + " positions)"; }
}
