package dev.tangent.lib.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fourier labels of modular-addition features (as rib's run_generate_labels_mod_add): a feature
 * over all p² inputs (a, b) is a p × p grid; its 2-D DFT splits the variance into a constant,
 * terms in x = a or y = b alone ("cos(kx) + cos(ky)" when both halves match within 1 %), and cross
 * terms, written cos(ix ± jy) or cos(ix)cos(jy), sin(ix)sin(jy), whichever convention
 * concentrates them more. The dominant frequency is the k whose terms hold the largest share
 * (0 for a constant feature; a cross term of two frequencies counts half to each).
 */
public final class FourierLabels {
  private FourierLabels() {}

  public record Label(int feature, int frequency, double share, double constant, Map<String, Double> terms) {
    /**
     * rib's label text: terms from the largest, stopping after the one that brings the total past
     * 99.5 % or that is itself below 0.5 %, at most 7.
     */
    public String text() {
      StringBuilder sb = new StringBuilder();
      double acc = 0;
      int n = 0;
      for (Map.Entry<String, Double> e : terms.entrySet()) {
        if (n >= 7) break;
        if (sb.length() > 0) sb.append('|');
        sb.append(Math.round(e.getValue() * 100)).append("% ").append(e.getKey());
        acc += e.getValue();
        n++;
        if (acc > 0.995 || e.getValue() < 0.005) break;
      }
      return sb.toString();
    }
  }

  /** Labels of a feature grid g[a · p + b]. */
  public static Label label(int feature, double[] g, int p) {
    double[] re = new double[p * p];
    double[] im = new double[p * p];
    dft2(g, p, re, im);
    double total = 0;
    for (int i = 0; i < p * p; i++) total += re[i] * re[i] + im[i] * im[i];
    Map<String, Double> terms = new LinkedHashMap<>();
    double[] byFreq = new double[p / 2 + 1];
    if (total == 0) return new Label(feature, 0, 0, 0, terms);
    double c = pow(re, im, 0, 0, p) / total;
    terms.put("const", c);
    byFreq[0] = c;
    for (int k = 1; k <= p / 2; k++) {
      double cx = (pow(re, im, k, 0, p) + pow(re, im, p - k, 0, p)) / total;
      double cy = (pow(re, im, 0, k, p) + pow(re, im, 0, p - k, p)) / total;
      if (Math.abs(cx - cy) < 0.01) {
        terms.put("cos(" + k + "x) + cos(" + k + "y)", cx + cy);
      } else {
        terms.put("cos(" + k + "x)", cx);
        terms.put("cos(" + k + "y)", cy);
      }
      byFreq[k] += cx + cy;
    }
    int h = p / 2;
    double plus = 0;
    double minus = 0;
    double coscos = 0;
    double sinsin = 0;
    double[][] app = new double[h][h];
    double[][] apm = new double[h][h];
    for (int i = 0; i < h; i++) for (int j = 0; j < h; j++) {
      app[i][j] = Math.sqrt(pow(re, im, i + 1, j + 1, p));
      apm[i][j] = Math.sqrt(pow(re, im, i + 1, p - j - 1, p));
      plus += 2 * app[i][j] * app[i][j];
      minus += 2 * apm[i][j] * apm[i][j];
      coscos += (app[i][j] + apm[i][j]) * (app[i][j] + apm[i][j]);
      sinsin += (app[i][j] - apm[i][j]) * (app[i][j] - apm[i][j]);
    }
    boolean sums = plus / minus > coscos / sinsin;
    for (int i = 0; i < h; i++) for (int j = 0; j < h; j++) {
      double a;
      double b;
      String la;
      String lb;
      if (sums) {
        a = 2 * app[i][j] * app[i][j];
        b = 2 * apm[i][j] * apm[i][j];
        la = "cos(" + (i + 1) + "x + " + (j + 1) + "y)";
        lb = "cos(" + (i + 1) + "x - " + (j + 1) + "y)";
      } else {
        a = (app[i][j] + apm[i][j]) * (app[i][j] + apm[i][j]);
        b = (app[i][j] - apm[i][j]) * (app[i][j] - apm[i][j]);
        la = "cos(" + (i + 1) + "x) * cos(" + (j + 1) + "y)";
        lb = "sin(" + (i + 1) + "x) * sin(" + (j + 1) + "y)";
      }
      terms.put(la, a / total);
      terms.put(lb, b / total);
      byFreq[i + 1] += (a + b) / total / (i == j ? 1 : 2);
      if (i != j) byFreq[j + 1] += (a + b) / total / 2;
    }
    List<Map.Entry<String, Double>> sorted = new ArrayList<>(terms.entrySet());
    sorted.sort((x, y) -> Double.compare(y.getValue(), x.getValue()));
    Map<String, Double> ordered = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : sorted) ordered.put(e.getKey(), e.getValue());
    int best = 0;     // frequency 0: the constant
    for (int k = 1; k < byFreq.length; k++) if (byFreq[k] > byFreq[best]) best = k;
    return new Label(feature, best, byFreq[best], c, ordered);
  }

  private static double pow(double[] re, double[] im, int u, int v, int p) {
    int i = u * p + v;
    return re[i] * re[i] + im[i] * im[i];
  }

  /** The 2-D DFT A[u, v] = Σ_ab g[a, b] e^{-2πi(ua + vb)/p}, as two passes of 1-D DFTs. */
  static void dft2(double[] g, int p, double[] re, double[] im) {
    double[] cos = new double[p];
    double[] sin = new double[p];
    for (int k = 0; k < p; k++) {
      cos[k] = Math.cos(2 * Math.PI * k / p);
      sin[k] = Math.sin(2 * Math.PI * k / p);
    }
    // along b
    double[] tr = new double[p * p];
    double[] ti = new double[p * p];
    for (int a = 0; a < p; a++) for (int v = 0; v < p; v++) {
      double sr = 0;
      double si = 0;
      for (int b = 0; b < p; b++) {
        int k = (v * b) % p;
        sr += g[a * p + b] * cos[k];
        si -= g[a * p + b] * sin[k];
      }
      tr[a * p + v] = sr;
      ti[a * p + v] = si;
    }
    // along a
    for (int u = 0; u < p; u++) for (int v = 0; v < p; v++) {
      double sr = 0;
      double si = 0;
      for (int a = 0; a < p; a++) {
        int k = (u * a) % p;
        double c = cos[k];
        double s = -sin[k];
        double xr = tr[a * p + v];
        double xi = ti[a * p + v];
        sr += xr * c - xi * s;
        si += xr * s + xi * c;
      }
      re[u * p + v] = sr;
      im[u * p + v] = si;
    }
  }
}
