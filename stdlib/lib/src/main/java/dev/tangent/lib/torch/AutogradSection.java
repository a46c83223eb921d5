package dev.tangent.lib.torch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tangent.spi.TangentError;
import dev.tangent.lib.section.Section;
import dev.tangent.nn.engine.Errors;
import dev.tangent.nn.engine.Grad;
import dev.tangent.nn.engine.Owned;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.layers.Block;
import dev.tangent.nn.layers.Forward;

/**
 * A section that is a network block LIB cannot see into (a TorchScript module, a block written in
 * the language): Jacobians come from libtorch's autograd. The block maps x [positions, width]
 * to y; the node layers around it carry the constant coordinate c, and the section is
 * F̃(x, c) = c·F(x / c) (with c kept as the output's constant): exactly rib's bias folding for ReLU
 * and linear layers, the homogeneous extension otherwise.
 *
 * <p>Vector-Jacobian products for k cotangent rows are one backward pass: the batch is repeated
 * k times, copy r weighted by row r, so libtorch computes every row at once (rows are chunked to
 * bound memory).
 */
public final class AutogradSection implements Section {
  private final Session session;
  private final Block block;
  private final String label;
  private final int pIn;
  private final int dIn;
  private final int pOut;
  private final int dOut;
  private final boolean outConst;
  private final DataType dtype;
  private final boolean flatInput;
  private final boolean flatOutput;
  /** For a TorchScript module: a copy loaded with trainable parameters, run in training mode for Jacobians. */
  private final ai.djl.pytorch.engine.PtSymbolBlock trainable;

  /**
   * @param inShape the block's input shape per sample ([width] or [positions, width])
   * @param outConst whether the next node layer carries the constant coordinate (not the output)
   */
  public AutogradSection(Session session, Block block, int[] inShape, boolean outConst, String label) {
    this.session = session;
    this.block = block;
    this.label = label;
    this.outConst = outConst;
    this.flatInput = inShape.length == 1;
    this.pIn = flatInput ? 1 : inShape[0];
    this.dIn = inShape[inShape.length - 1];
    this.dtype = block.floatType();
    NDManager m = session.manager();
    if (block instanceof dev.tangent.nn.layers.TorchScriptBlock ts) {
      // The module nn loaded runs under libtorch's InferenceMode, which records no graph and whose
      // parameters refuse gradients; a second copy with trainable parameters gives the Jacobians.
      try {
        trainable = ai.djl.pytorch.jni.JniUtils.loadModule((ai.djl.pytorch.engine.PtNDManager) m, ts.path(), true, new String[0], new String[0], true);
        ai.djl.pytorch.jni.JniUtils.enableTrainingMode(trainable);
      } catch (RuntimeException e) {
        throw Errors.translate("lib.build", e);
      }
    } else {
      trainable = null;
    }
    try (NDManager sub = m.newSubManager()) {
      NDArray probe = sub.zeros(flatInput ? new Shape(1, dIn) : new Shape(1, pIn, dIn), dtype);
      NDArray y = Grad.noGrad(() -> block.forward(new Forward(session, false), probe));
      long[] s = y.getShape().getShape();
      if (s.length == 2) {
        flatOutput = true;
        pOut = 1;
        dOut = (int) s[1];
      } else if (s.length == 3) {
        flatOutput = false;
        pOut = (int) s[1];
        dOut = (int) s[2];
      } else {
        throw TangentError.runtime(label + " returns shape " + y.getShape() + " for one sample; LIB needs [batch, width] or [batch, positions, width]");
      }
    } catch (RuntimeException e) {
      throw Errors.translate("lib.build", e);
    }
  }

  public int[] outShape() { return flatOutput ? new int[] {dOut} : new int[] {pOut, dOut}; }

  @Override public int inWidth() { return dIn + 1; }
  @Override public int inPositions() { return pIn; }
  @Override public int outWidth() { return dOut + (outConst ? 1 : 0); }
  @Override public int outPositions() { return pOut; }
  @Override public boolean homogeneous() { return true; }
  @Override public String describe() { return label + " (autograd, " + dtype + ")"; }

  private Shape inShape(int n) { return flatInput ? new Shape(n, dIn) : new Shape(n, pIn, dIn); }

  /** z = x / c for n samples, [n][pIn][dIn] (c from each sample's first position), and the c's. */
  private double[] scaled(double[] x, int n, double[] c) {
    int w = dIn + 1;
    double[] z = new double[n * pIn * dIn];
    for (int b = 0; b < n; b++) {
      c[b] = x[b * pIn * w + dIn];
      if (!(c[b] > 0)) throw TangentError.runtime(label + ": the constant coordinate must be positive, got " + c[b]);
      for (int s = 0; s < pIn; s++) for (int j = 0; j < dIn; j++) z[(b * pIn + s) * dIn + j] = x[(b * pIn + s) * w + j] / c[b];
    }
    return z;
  }

  private double[] values(NDArray a) {
    NDArray d = a.getDataType() == DataType.FLOAT64 ? a : a.toType(DataType.FLOAT64, false);
    return d.toDoubleArray();
  }

  @Override public void forward(double[] x, int n, double[] y) {
    double[] c = new double[n];
    double[] z = scaled(x, n, c);
    try (NDManager sub = session.manager().newSubManager()) {
      NDArray in = Owned.of(sub, z, inShape(n)).toType(dtype, false);
      double[] out = values(Grad.noGrad(() -> block.forward(new Forward(session, false), in)));
      int wo = outWidth();
      for (int b = 0; b < n; b++) for (int t = 0; t < pOut; t++) {
        int o = (b * pOut + t) * wo;
        for (int i = 0; i < dOut; i++) y[o + i] = c[b] * out[(b * pOut + t) * dOut + i];
        if (outConst) y[o + dOut] = c[b];
      }
    } catch (RuntimeException e) {
      throw Errors.translate("lib.build", e);
    }
  }

  @Override public void vjp(double[] x, int n, double[] u, int k, boolean shared, double[] g) {
    double[] c = new double[n];
    double[] z = scaled(x, n, c);
    int outSize = outSize();
    int wo = outWidth();
    int inSize = inSize();
    int per = pIn * dIn;
    // Rows per backward pass: about a million input values at once.
    int rowsPer = Math.max(1, Math.min(k, (1 << 20) / Math.max(1, n * per)));
    boolean before = Grad.enabled();
    Grad.set(true);
    try {
      for (int k0 = 0; k0 < k; k0 += rowsPer) {
        int kc = Math.min(rowsPer, k - k0);
        double[] rep = new double[kc * n * per];
        for (int r = 0; r < kc; r++) System.arraycopy(z, 0, rep, r * n * per, n * per);
        double[] w = new double[kc * n * pOut * dOut];
        for (int r = 0; r < kc; r++) for (int b = 0; b < n; b++) {
          int uo = shared ? (k0 + r) * outSize : (b * k + k0 + r) * outSize;
          for (int t = 0; t < pOut; t++) for (int i = 0; i < dOut; i++) w[((r * n + b) * pOut + t) * dOut + i] = u[uo + t * wo + i];
        }
        double[] grad;
        double[] yv;
        try (NDManager sub = session.manager().newSubManager()) {
          NDArray made = Owned.of(sub, rep, flatInput ? new Shape((long) kc * n, dIn) : new Shape((long) kc * n, pIn, dIn)).toType(dtype, false);
          // A fresh leaf made outside any inference mode (as nn.grad's leaves).
          NDArray in = Grad.noGrad(() -> made.duplicate());
          in.setRequiresGradient(true);
          NDArray y = trainable != null
              ? trainable.forward(new ai.djl.training.ParameterStore(sub, false), new ai.djl.ndarray.NDList(in), true).get(0)
              : block.forward(new Forward(session, true), in);
          NDArray wt = Owned.of(sub, w, y.getShape()).toType(y.getDataType(), false);
          NDArray loss = y.mul(wt).sum();
          Grad.backward(loss);
          grad = values(in.getGradient());
          yv = values(y.stopGradient());
        }
        for (int r = 0; r < kc; r++) for (int b = 0; b < n; b++) {
          int go = (b * k + k0 + r) * inSize;
          int uo = shared ? (k0 + r) * outSize : (b * k + k0 + r) * outSize;
          double uy = 0;
          double gz = 0;
          for (int t = 0; t < pOut; t++) for (int i = 0; i < dOut; i++) {
            uy += u[uo + t * wo + i] * yv[((r * n + b) * pOut + t) * dOut + i];
          }
          for (int s = 0; s < pIn; s++) {
            for (int j = 0; j < dIn; j++) {
              double gv = grad[((r * n + b) * pIn + s) * dIn + j];
              g[go + s * (dIn + 1) + j] = gv;
              gz += gv * z[(b * pIn + s) * dIn + j];
            }
            g[go + s * (dIn + 1) + dIn] = 0;
          }
          // ∂/∂c [c F(x/c)] = F(z) − J(z) z, plus the constant passed through.
          double uc = 0;
          if (outConst) for (int t = 0; t < pOut; t++) uc += u[uo + t * wo + dOut];
          g[go + dIn] = uy - gz + uc;
        }
      }
    } catch (RuntimeException e) {
      throw Errors.translate("lib.build", e);
    } finally {
      Grad.set(before);
    }
  }
}
