package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * SGD, Adam and AdamW against PyTorch's update rules written out in Java (float64), on
 * loss(w) = sum(c w²)/2 + sum(d w), whose gradient c w + d changes every step.
 */
class OptimizerTest {
  static final double[] W0 = {0.5, -1.5, 2.0, 0.1};
  static final double[] C = {1.0, 3.0, 0.5, 2.0};
  static final double[] D = {0.2, -0.1, 0.3, 0.0};
  static final int STEPS = 7;

  double[] run(String optimizer) {
    NnTesting n = new NnTesting();
    n.eval("let w = nn.param(tensor([0.5, -1.5, 2.0, 0.1]), \"f64\")\nlet c = tensor([1.0, 3.0, 0.5, 2.0])\n"
        + "let d = tensor([0.2, -0.1, 0.3, 0.0])\nlet opt = " + optimizer + "\n"
        + "for i in 0.." + STEPS + " { opt.zero_grad()\n ((c * w * w).sum() / 2 + (d * w).sum()).backward()\n opt.step() }");
    return n.values("w");
  }

  static double grad(double[] w, int i) { return C[i] * w[i] + D[i]; }

  @Test void sgdWithMomentumWeightDecayAndNesterov() {
    double lr = 0.05;
    double mom = 0.9;
    double wd = 0.01;
    double[] w = W0.clone();
    double[] buf = new double[4];
    for (int t = 0; t < STEPS; t++) {
      double[] g = new double[4];
      for (int i = 0; i < 4; i++) g[i] = grad(w, i) + wd * w[i];
      for (int i = 0; i < 4; i++) {
        buf[i] = t == 0 ? g[i] : mom * buf[i] + g[i];
        w[i] -= lr * (g[i] + mom * buf[i]);
      }
    }
    double[] got = run("nn.sgd([w], lr: 0.05, momentum: 0.9, weight_decay: 0.01, nesterov: true)");
    for (int i = 0; i < 4; i++) assertEquals(w[i], got[i], 1e-12);
  }

  void adamReference(double lr, double b1, double b2, double eps, double wd, boolean decoupled, String call) {
    double[] w = W0.clone();
    double[] m = new double[4];
    double[] v = new double[4];
    for (int t = 1; t <= STEPS; t++) {
      double[] g = new double[4];
      for (int i = 0; i < 4; i++) g[i] = grad(w, i);
      for (int i = 0; i < 4; i++) {
        if (decoupled) w[i] *= 1 - lr * wd;
        else g[i] += wd * w[i];
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        double mHat = m[i] / (1 - Math.pow(b1, t));
        double vHat = v[i] / (1 - Math.pow(b2, t));
        w[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
      }
    }
    double[] got = run(call);
    for (int i = 0; i < 4; i++) assertEquals(w[i], got[i], 1e-12, call + " w[" + i + "]");
  }

  @Test void adamWithL2() {
    adamReference(0.1, 0.8, 0.95, 1e-3, 0.05, false, "nn.adam([w], lr: 0.1, betas: (0.8, 0.95), eps: 1e-3, weight_decay: 0.05)");
  }

  @Test void adamwWithDecoupledDecay() {
    adamReference(0.1, 0.9, 0.999, 1e-8, 0.1, true, "nn.adamw({w: w}, lr: 0.1, weight_decay: 0.1)");
  }
}
