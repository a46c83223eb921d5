package dev.tangent.nn;

import dev.tangent.io.array.NdArray;
import java.util.Map;

/** The modadd transformer's forward pass as its data README states it, in float64 Java loops. */
final class Reference {
  private Reference() {}

  static double[] logits(Map<String, NdArray> w, int[] tok) {
    double[] we = w.get("embed.W_E").toDoubles();
    double[] wp = w.get("pos_embed.W_pos").toDoubles();
    int d = 128;
    int h = 4;
    int e = 32;
    int p = tok.length;
    double[][] x = new double[p][d];
    for (int i = 0; i < p; i++) for (int m = 0; m < d; m++) x[i][m] = we[tok[i] * d + m] + wp[i * d + m];
    double[] wq = w.get("blocks.0.attn.W_Q").toDoubles();
    double[] wk = w.get("blocks.0.attn.W_K").toDoubles();
    double[] wv = w.get("blocks.0.attn.W_V").toDoubles();
    double[] wo = w.get("blocks.0.attn.W_O").toDoubles();
    double[] bq = w.get("blocks.0.attn.b_Q").toDoubles();
    double[] bk = w.get("blocks.0.attn.b_K").toDoubles();
    double[] bv = w.get("blocks.0.attn.b_V").toDoubles();
    double[] bo = w.get("blocks.0.attn.b_O").toDoubles();
    double[][] attn = new double[p][d];
    for (int i = 0; i < p; i++) attn[i] = bo.clone();
    for (int hh = 0; hh < h; hh++) {
      double[][] q = new double[p][e];
      double[][] k = new double[p][e];
      double[][] v = new double[p][e];
      for (int i = 0; i < p; i++) {
        for (int c = 0; c < e; c++) {
          q[i][c] = bq[hh * e + c];
          k[i][c] = bk[hh * e + c];
          v[i][c] = bv[hh * e + c];
          for (int m = 0; m < d; m++) {
            q[i][c] += x[i][m] * wq[(hh * d + m) * e + c];
            k[i][c] += x[i][m] * wk[(hh * d + m) * e + c];
            v[i][c] += x[i][m] * wv[(hh * d + m) * e + c];
          }
        }
      }
      for (int i = 0; i < p; i++) {
        double[] s = new double[i + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j <= i; j++) {
          for (int c = 0; c < e; c++) s[j] += q[i][c] * k[j][c];
          s[j] /= Math.sqrt(e);
          max = Math.max(max, s[j]);
        }
        double z = 0;
        for (int j = 0; j <= i; j++) z += Math.exp(s[j] - max);
        for (int c = 0; c < e; c++) {
          double zc = 0;
          for (int j = 0; j <= i; j++) zc += Math.exp(s[j] - max) / z * v[j][c];
          for (int m = 0; m < d; m++) attn[i][m] += zc * wo[(hh * e + c) * d + m];
        }
      }
    }
    for (int i = 0; i < p; i++) for (int m = 0; m < d; m++) x[i][m] += attn[i][m];
    double[] win = w.get("blocks.0.mlp.W_in").toDoubles();
    double[] bin = w.get("blocks.0.mlp.b_in").toDoubles();
    double[] wout = w.get("blocks.0.mlp.W_out").toDoubles();
    double[] bout = w.get("blocks.0.mlp.b_out").toDoubles();
    int last = p - 1;
    double[] resid = x[last].clone();
    double[] mlp = bout.clone();
    for (int u = 0; u < 512; u++) {
      double pre = bin[u];
      for (int m = 0; m < d; m++) pre += x[last][m] * win[m * 512 + u];
      double post = Math.max(pre, 0);
      for (int m = 0; m < d; m++) mlp[m] += post * wout[u * d + m];
    }
    for (int m = 0; m < d; m++) resid[m] += mlp[m];
    double[] wu = w.get("unembed.W_U").toDoubles();
    double[] bu = w.get("unembed.b_U").toDoubles();
    double[] out = bu.clone();
    for (int v = 0; v < out.length; v++) for (int m = 0; m < d; m++) out[v] += resid[m] * wu[m * out.length + v];
    return out;
  }
}
