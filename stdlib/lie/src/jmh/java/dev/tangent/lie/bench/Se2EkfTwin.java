package dev.tangent.lie.bench;

import dev.tangent.lie.kernel.SE2;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * examples/lie/se2_localization.lie written in Java against the module's Java API: the SE(2)
 * kernels on double[] storage (dev.tangent.lie.kernel) for the group operations and their
 * Jacobians, EJML for the small matrices, all work matrices allocated once. The same filter step
 * by step, with the same noise: it draws it up front as the script does, through the Java API's
 * Tensor.randn (the same seeds and numbers as the script's randn), so it prints the same lines as
 * the script.
 */
public final class Se2EkfTwin {
  static final SE2 G = SE2.G;
  static final double[][] LANDMARKS = {{2.0, 0.0}, {2.0, 1.0}, {2.0, -1.0}};

  private Se2EkfTwin() {}

  /** Runs the filter in this JVM as the script runs in its own: {@code Se2EkfTwin [STEPS=10]}. */
  public static void main(String[] args) {
    System.out.print(run(args.length > 0 ? Integer.parseInt(args[0]) : 10));
  }

  /** Runs the filter, noise included, and returns the printed lines. */
  public static String run(int steps) {
    double[] uNoise = randn(steps * 3, 1, 0.1, 0.1, 0.1);
    double[] yNoise = randn(steps * 3 * 2, 2, 0.01, 0.01);
    return run(steps, uNoise, yNoise);
  }

  /** n standard normal draws as randn(..., seed: seed) makes them, times sigmas along the last axis. */
  static double[] randn(int n, long seed, double... sigmas) {
    double[] d = dev.tangent.core.tensor.Tensor.randn(seed, n).toDoubleArray();
    for (int i = 0; i < n; i++) d[i] *= sigmas[i % sigmas.length];
    return d;
  }

  /**
   * Runs the filter. uNoise: steps x 3 (already scaled by the sigmas), yNoise: steps x 3 x 2.
   * Returns the printed lines.
   */
  public static String run(int steps, double[] uNoise, double[] yNoise) {
    StringBuilder out = new StringBuilder();
    int every = steps > 20 ? steps / 10 : 1;
    double[] xSim = new double[4];
    double[] x = new double[4];
    double[] xUnf = new double[4];
    G.identity(xSim, 0);
    G.identity(x, 0);
    G.identity(xUnf, 0);
    DMatrixRMaj P = new DMatrixRMaj(3, 3);
    double[] uNom = {0.1, 0.0, 0.05};
    double[] uSig = {0.1, 0.1, 0.1};
    DMatrixRMaj U = new DMatrixRMaj(3, 3);
    for (int i = 0; i < 3; i++) U.set(i, i, uSig[i] * uSig[i]);
    DMatrixRMaj R = new DMatrixRMaj(2, 2);
    R.set(0, 0, 0.01 * 0.01);
    R.set(1, 1, 0.01 * 0.01);
    int nL = LANDMARKS.length;

    // work space
    double[] uNoisy = new double[3];
    double[] xsInv = new double[4];
    double[][] y = new double[nL][2];
    DMatrixRMaj Jx = new DMatrixRMaj(3, 3);
    DMatrixRMaj Ju = new DMatrixRMaj(3, 3);
    DMatrixRMaj t33 = new DMatrixRMaj(3, 3);
    DMatrixRMaj P1 = new DMatrixRMaj(3, 3);
    DMatrixRMaj P2 = new DMatrixRMaj(3, 3);
    double[] xInv = new double[4];
    DMatrixRMaj Jxi = new DMatrixRMaj(3, 3);
    double[] e = new double[2];
    DMatrixRMaj Jexi = new DMatrixRMaj(2, 3);
    DMatrixRMaj Jeb = new DMatrixRMaj(2, 2);
    DMatrixRMaj H = new DMatrixRMaj(2, 3);
    DMatrixRMaj HP = new DMatrixRMaj(2, 3);
    DMatrixRMaj Z = new DMatrixRMaj(2, 2);
    DMatrixRMaj Zi = new DMatrixRMaj(2, 2);
    DMatrixRMaj PHt = new DMatrixRMaj(3, 2);
    DMatrixRMaj K = new DMatrixRMaj(3, 2);
    DMatrixRMaj KZ = new DMatrixRMaj(3, 2);
    DMatrixRMaj KZK = new DMatrixRMaj(3, 3);
    DMatrixRMaj z = new DMatrixRMaj(2, 1);
    DMatrixRMaj dx = new DMatrixRMaj(3, 1);
    double[] next = new double[4];

    out.append("X initial   : ").append(show(xSim)).append('\n');
    for (int t = 0; t < steps; t++) {
      // I. Simulation
      for (int c = 0; c < 3; c++) uNoisy[c] = uNom[c] + uNoise[t * 3 + c];
      G.rplus(xSim, 0, uNom, 0, xSim, 0, null, 0, null, 0);
      G.inverse(xSim, 0, xsInv, 0, null, 0);
      for (int i = 0; i < nL; i++) {
        G.act(xsInv, 0, LANDMARKS[i], 0, y[i], 0, null, 0, null, 0);
        y[i][0] += yNoise[(t * nL + i) * 2];
        y[i][1] += yNoise[(t * nL + i) * 2 + 1];
      }

      // II. Estimation: predict
      G.rplus(x, 0, uNoisy, 0, x, 0, Jx.data, 0, Ju.data, 0);
      CommonOps_DDRM.mult(Jx, P, t33);
      CommonOps_DDRM.multTransB(t33, Jx, P1);
      CommonOps_DDRM.mult(Ju, U, t33);
      CommonOps_DDRM.multTransB(t33, Ju, P2);
      CommonOps_DDRM.add(P1, P2, P);
      // correct with each beacon
      for (int i = 0; i < nL; i++) {
        G.inverse(x, 0, xInv, 0, Jxi.data, 0);
        G.act(xInv, 0, LANDMARKS[i], 0, e, 0, Jexi.data, 0, Jeb.data, 0);
        CommonOps_DDRM.mult(Jexi, Jxi, H);
        CommonOps_DDRM.mult(H, P, HP);
        CommonOps_DDRM.multTransB(HP, H, Z);
        CommonOps_DDRM.addEquals(Z, R);
        CommonOps_DDRM.multTransB(P, H, PHt);
        CommonOps_DDRM.invert(Z, Zi);
        CommonOps_DDRM.mult(PHt, Zi, K);
        z.data[0] = y[i][0] - e[0];
        z.data[1] = y[i][1] - e[1];
        CommonOps_DDRM.mult(K, z, dx);
        G.rplus(x, 0, dx.data, 0, next, 0, null, 0, null, 0);
        System.arraycopy(next, 0, x, 0, 4);
        CommonOps_DDRM.mult(K, Z, KZ);
        CommonOps_DDRM.multTransB(KZ, K, KZK);
        CommonOps_DDRM.subtractEquals(P, KZK);
      }

      // III. Unfiltered
      G.rplus(xUnf, 0, uNoisy, 0, xUnf, 0, null, 0, null, 0);

      // IV. Results
      if ((t + 1) % every == 0) {
        out.append("X simulated : ").append(show(xSim)).append('\n');
        out.append("X estimated : ").append(show(x)).append('\n');
        out.append("X unfilterd : ").append(show(xUnf)).append('\n');
      }
    }
    double err = distance(xSim, x);
    double errUnf = distance(xSim, xUnf);
    double trace = P.get(0, 0) + P.get(1, 1) + P.get(2, 2);
    out.append(String.format(Locale.ROOT, "final error |X_simulated (-) X|: estimated %.2e, unfiltered %.2e%n", err, errUnf));
    out.append(String.format(Locale.ROOT, "filter covariance trace: %.2e%n", trace));
    return out.toString();
  }

  static String show(double[] x) {
    double[] tau = new double[3];
    G.log(x, 0, tau, 0, null, 0);
    return String.format(Locale.ROOT, "%+.3f  %+.3f  %+.3f", tau[0], tau[1], tau[2]);
  }

  static double distance(double[] a, double[] b) {
    double[] d = new double[3];
    G.rminus(a, 0, b, 0, d, 0, null, 0, null, 0);
    return Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
  }
}
