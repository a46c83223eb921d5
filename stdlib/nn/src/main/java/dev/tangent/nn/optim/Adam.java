package dev.tangent.nn.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.tangent.nn.engine.Scalars;
import dev.tangent.nn.value.DTensor;
import dev.tangent.spi.TMap;
import java.util.Map;

/**
 * PyTorch's Adam and AdamW, step for step:
 * m = β1 m + (1-β1) g; v = β2 v + (1-β2) g²;
 * w -= lr/(1-β1ᵗ) · m / (sqrt(v)/sqrt(1-β2ᵗ) + ε).
 * Adam adds weight_decay·w to the gradient (L2); AdamW multiplies w by 1 - lr·weight_decay first.
 */
public final class Adam extends Optimizer {
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final boolean decoupled;

  public Adam(Map<String, DTensor> params, double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
    super(params, lr, 2);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.decoupled = decoupled;
  }

  @Override protected void update(int i, NDArray w, NDArray g) {
    if (w.getDataType() == DataType.FLOAT32) {
      fused(i, w, g);
      return;
    }
    if (weightDecay != 0) {
      if (decoupled) Scalars.muli(w, 1 - lr * weightDecay);
      else g = g.add(Scalars.mul(w, weightDecay));
    }
    NDArray m = state[i][0];
    NDArray v = state[i][1];
    if (m == null) {
      m = keep(i, 0, w.zerosLike());
      v = keep(i, 1, w.zerosLike());
    }
    m.addi(Scalars.muli(g.sub(m), 1 - beta1));
    Scalars.muli(v, beta2).addi(Scalars.muli(g.square(), 1 - beta2));
    long t = steps[i];
    double bc1 = 1 - Math.pow(beta1, t);
    double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
    NDArray denom = Scalars.addi(Scalars.divi(v.sqrt(), bc2Sqrt), eps);
    w.subi(Scalars.muli(m.div(denom), lr / bc1));
  }

  /**
   * float32 parameters take libtorch's fused update in DJL's JNI (one native call instead of about
   * twenty): w -= c·m / (sqrt(v) + ε') with c = lr·sqrt(1-β2ᵗ)/(1-β1ᵗ). Passing ε' = ε·sqrt(1-β2ᵗ)
   * makes that PyTorch's formula above exactly; float64 parameters keep the explicit path.
   */
  private void fused(int i, NDArray w, NDArray g) {
    if (state[i][0] == null) {
      keep(i, 0, w.zerosLike());
      keep(i, 1, w.zerosLike());
    }
    long t = steps[i];
    double bc1 = 1 - Math.pow(beta1, t);
    double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
    // The decoupled decay is applied here, before the update, as PyTorch does (the native AdamW
    // variant differs from PyTorch's numbers); the L2 form is the native one.
    if (decoupled && weightDecay != 0) Scalars.muli(w, 1 - lr * weightDecay);
    JniUtils.adamUpdate((PtNDArray) w, (PtNDArray) g, (PtNDArray) state[i][0], (PtNDArray) state[i][1], (float) lr,
        (float) (lr * bc2Sqrt / bc1), decoupled ? 0f : (float) weightDecay, 1f, -1f, (float) beta1, (float) beta2,
        (float) (eps * bc2Sqrt), false);
  }

  @Override public String kind() { return decoupled ? "AdamW" : "Adam"; }

  @Override public TMap hyper() {
    TMap m = new TMap();
    m.put("lr", lr);
    m.put("betas", new dev.tangent.spi.Tuple(beta1, beta2));
    m.put("eps", eps);
    m.put("weight_decay", weightDecay);
    return m;
  }
}
