package dev.tangent.lib.section;

import dev.tangent.lib.linalg.Blas;
import dev.tangent.lib.linalg.Blas.Ref;
import dev.tangent.lib.linalg.Mat;

/**
 * F(x) = x A + act(x W1) W2 at every position, with biases already folded into the matrices: an
 * MLP layer (A absent, W2 absent: y = act(x W)), a linear map (W1 absent: y = x A), or a
 * residual MLP block (A = I). Its Jacobian is A + W1 diag(act'(x W1)) W2, so M′ and the edges
 * reduce to GEMMs, and M′ even to statistics of the gates (see {@link GateStats}).
 */
public final class GatedLinearSection implements Section {
  final int dIn;
  final int dOut;
  final int positions;
  /** x A: null when absent; {@link #residual} for the identity. */
  final Mat a;
  final boolean residual;
  final Mat w1;
  final Act act;
  final double slope;
  /** null: the gate output is the section output (dh == dOut). */
  final Mat w2;
  final String label;

  public GatedLinearSection(int positions, Mat a, boolean residual, Mat w1, Act act, double slope, Mat w2, String label) {
    this.positions = positions;
    this.a = a;
    this.residual = residual;
    this.w1 = w1;
    this.act = act;
    this.slope = slope;
    this.w2 = w2;
    this.label = label;
    if (w1 != null) {
      dIn = w1.rows;
      dOut = w2 != null ? w2.cols : w1.cols;
      if (w2 != null && w2.rows != w1.cols) throw new IllegalArgumentException("W1 " + w1 + " and W2 " + w2);
    } else {
      dIn = a.rows;
      dOut = a.cols;
    }
    if (a != null && (a.rows != dIn || a.cols != dOut)) throw new IllegalArgumentException("A " + a + " for " + dIn + " -> " + dOut);
    if (residual && dIn != dOut) throw new IllegalArgumentException("a residual needs equal widths");
  }

  public static GatedLinearSection linear(int positions, Mat a, String label) {
    return new GatedLinearSection(positions, a, false, null, Act.IDENTITY, 0, null, label);
  }

  public static GatedLinearSection layer(int positions, Mat w, Act act, double slope, String label) {
    return new GatedLinearSection(positions, null, false, w, act, slope, null, label);
  }

  public static GatedLinearSection residualMlp(int positions, Mat win, Act act, Mat wout, String label) {
    return new GatedLinearSection(positions, null, true, win, act, 0, wout, label);
  }

  @Override public int inWidth() { return dIn; }
  @Override public int inPositions() { return positions; }
  @Override public int outWidth() { return dOut; }
  @Override public int outPositions() { return positions; }
  @Override public boolean homogeneous() { return w1 == null || act.homogeneous(); }
  @Override public String describe() { return label; }

  public int hidden() { return w1 == null ? 0 : w1.cols; }

  public boolean gated() { return w1 != null; }

  /** The gate pre-activations h = x W1 for rows vectors. */
  double[] preact(double[] x, int rows) {
    int dh = w1.cols;
    double[] h = new double[rows * dh];
    Blas.gemm(false, false, rows, dh, dIn, 1, Ref.of(x), dIn, Ref.of(w1.a), dh, 0, Ref.of(h), dh);
    return h;
  }

  /** act'(α h) summed over the integration rule, for the gate statistics and the Jacobians. */
  double[] gates(double[] h, double[] alphas, double[] weights) {
    double[] m = new double[h.length];
    for (int q = 0; q < alphas.length; q++) {
      double al = alphas[q];
      double w = weights[q];
      for (int i = 0; i < h.length; i++) m[i] += w * act.derivative(al * h[i], slope);
    }
    return m;
  }

  @Override public void forward(double[] x, int n, double[] y) {
    int rows = n * positions;
    if (w1 == null) {
      Blas.gemm(false, false, rows, dOut, dIn, 1, Ref.of(x), dIn, Ref.of(a.a), dOut, 0, Ref.of(y), dOut);
      return;
    }
    double[] h = preact(x, rows);
    for (int i = 0; i < h.length; i++) h[i] = act.apply(h[i], slope);
    if (w2 == null) {
      System.arraycopy(h, 0, y, 0, rows * dOut);
    } else {
      Blas.gemm(false, false, rows, dOut, w2.rows, 1, Ref.of(h), w2.rows, Ref.of(w2.a), dOut, 0, Ref.of(y), dOut);
    }
    if (residual) for (int i = 0; i < rows * dOut; i++) y[i] += x[i];
    if (a != null) Blas.gemm(false, false, rows, dOut, dIn, 1, Ref.of(x), dIn, Ref.of(a.a), dOut, 1, Ref.of(y), dOut);
  }

  @Override public void vjp(double[] x, int n, double[] u, int k, boolean shared, double[] g) {
    int inSize = inSize();
    int outSize = outSize();
    int dh = w1 == null ? 0 : w1.cols;
    double[] m = w1 == null ? null : gates(preact(x, n * positions), new double[] {1}, new double[] {1});
    for (int s = 0; s < positions; s++) {
      int uOff = s * dOut;
      // Rows (b, k): g[b][k][s] is at row b*k + kk with stride inSize.
      if (shared) {
        double[] direct = new double[k * dIn];
        directTerm(u, uOff, outSize, k, direct);
        if (w1 != null) {
          double[] uw = new double[k * dh];
          gateInput(u, uOff, outSize, k, uw);
          double[] t = new double[n * k * dh];
          for (int b = 0; b < n; b++) {
            int mo = (b * positions + s) * dh;
            for (int kk = 0; kk < k; kk++) {
              int to = (b * k + kk) * dh;
              int uo = kk * dh;
              for (int j = 0; j < dh; j++) t[to + j] = uw[uo + j] * m[mo + j];
            }
          }
          Blas.gemm(false, true, n * k, dIn, dh, 1, Ref.of(t), dh, Ref.of(w1.a), dh, 0, Ref.of(g, s * dIn), inSize);
        } else {
          for (int r = 0; r < n * k; r++) java.util.Arrays.fill(g, r * inSize + s * dIn, r * inSize + (s + 1) * dIn, 0);
        }
        for (int b = 0; b < n; b++) {
          for (int kk = 0; kk < k; kk++) {
            int go = (b * k + kk) * inSize + s * dIn;
            int dOff = kk * dIn;
            for (int j = 0; j < dIn; j++) g[go + j] += direct[dOff + j];
          }
        }
      } else {
        int rows = n * k;
        double[] direct = new double[rows * dIn];
        directTerm(u, uOff, outSize, rows, direct);
        if (w1 != null) {
          double[] uw = new double[rows * dh];
          gateInput(u, uOff, outSize, rows, uw);
          for (int b = 0; b < n; b++) {
            int mo = (b * positions + s) * dh;
            for (int kk = 0; kk < k; kk++) {
              int to = (b * k + kk) * dh;
              for (int j = 0; j < dh; j++) uw[to + j] *= m[mo + j];
            }
          }
          Blas.gemm(false, true, rows, dIn, dh, 1, Ref.of(uw), dh, Ref.of(w1.a), dh, 0, Ref.of(g, s * dIn), inSize);
        } else {
          for (int r = 0; r < rows; r++) java.util.Arrays.fill(g, r * inSize + s * dIn, r * inSize + (s + 1) * dIn, 0);
        }
        for (int r = 0; r < rows; r++) {
          int go = r * inSize + s * dIn;
          for (int j = 0; j < dIn; j++) g[go + j] += direct[r * dIn + j];
        }
      }
    }
  }

  /** rows x dIn: u_s Aᵀ (+ u_s for the residual). */
  private void directTerm(double[] u, int uOff, int ldu, int rows, double[] out) {
    if (a != null) Blas.gemm(false, true, rows, dIn, dOut, 1, Ref.of(u, uOff), ldu, Ref.of(a.a), dOut, 0, Ref.of(out), dIn);
    if (residual) for (int r = 0; r < rows; r++) for (int j = 0; j < dIn; j++) out[r * dIn + j] += u[uOff + r * ldu + j];
  }

  /** rows x dh: u_s W2ᵀ (u_s itself without W2). */
  private void gateInput(double[] u, int uOff, int ldu, int rows, double[] out) {
    int dh = w1.cols;
    if (w2 != null) {
      Blas.gemm(false, true, rows, dh, dOut, 1, Ref.of(u, uOff), ldu, Ref.of(w2.a), dOut, 0, Ref.of(out), dh);
    } else {
      for (int r = 0; r < rows; r++) System.arraycopy(u, uOff + r * ldu, out, r * dh, dh);
    }
  }

  public Mat a() { return a; }
  public boolean residual() { return residual; }
  public Mat w1() { return w1; }
  public Mat w2() { return w2; }
  public Act act() { return act; }
  public double slope() { return slope; }
}
