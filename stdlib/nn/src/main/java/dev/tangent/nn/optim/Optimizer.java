package dev.tangent.nn.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.tangent.io.array.NdArray;
import dev.tangent.nn.engine.Grad;
import dev.tangent.nn.value.DTensor;
import dev.tangent.nn.weights.Weights;
import dev.tangent.spi.TMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Updates parameters from their accumulated gradients. Per-parameter state (moments, step
 * counts) is kept so that a checkpoint can store it and a resumed run continue exactly.
 */
public abstract class Optimizer {
  protected final List<String> names;
  protected final List<DTensor> params;
  protected final long[] steps;
  protected double lr;
  /** state[i][k]: the k-th state array of parameter i, created on its first update. */
  protected final NDArray[][] state;

  protected Optimizer(Map<String, DTensor> named, double lr, int stateArrays) {
    this.names = new ArrayList<>(named.keySet());
    this.params = new ArrayList<>(named.values());
    this.lr = lr;
    this.steps = new long[params.size()];
    this.state = new NDArray[params.size()][stateArrays];
  }

  public abstract String kind();

  /** One update of parameter i (grad mode is off). */
  protected abstract void update(int i, NDArray w, NDArray g);

  public void step() {
    Grad.noGrad(() -> {
      for (int i = 0; i < params.size(); i++) {
        NDArray w = params.get(i).nd();
        if (!w.hasGradient()) continue;
        NDArray g = JniUtils.getGradient((PtNDArray) w);
        if (g == null) continue;
        steps[i]++;
        try (NDScope scope = new NDScope()) {
          update(i, w, g);
          scope.suppressNotUsedWarning();
        }
        g.close();
      }
    });
  }

  /** State arrays live as long as the optimiser: keep them out of any enclosing scope. */
  protected NDArray keep(int i, int k, NDArray a) {
    NDScope.unregister(a);
    state[i][k] = a;
    return a;
  }

  public void zeroGrad() {
    for (DTensor p : params) {
      NDArray w = p.nd();
      if (w.hasGradient()) JniUtils.zeroGrad((PtNDArray) w);
    }
  }

  public double lr() { return lr; }

  public void setLr(double v) { lr = v; }

  public List<DTensor> params() { return params; }

  public List<String> names() { return names; }

  /** Hyper-parameters, for display and for checking a checkpoint belongs to this optimiser. */
  public abstract TMap hyper();

  // ------------------------------------------------------------------ checkpoint state

  public Map<String, NdArray> stateArrays(String prefix) {
    Map<String, NdArray> out = new LinkedHashMap<>();
    for (int i = 0; i < params.size(); i++) {
      for (int k = 0; k < state[i].length; k++) {
        if (state[i][k] != null) out.put(prefix + names.get(i) + "." + k, Weights.fromNd(state[i][k]));
      }
    }
    return out;
  }

  public Map<String, String> stateMeta(String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < steps.length; i++) sb.append(i > 0 ? "," : "").append(steps[i]);
    out.put(prefix + "steps", sb.toString());
    out.put(prefix + "lr", Double.toString(lr));
    out.put(prefix + "kind", kind());
    return out;
  }

  public void restore(Map<String, NdArray> arrays, Map<String, String> meta, String prefix) {
    String[] st = meta.getOrDefault(prefix + "steps", "").split(",");
    for (int i = 0; i < steps.length && i < st.length; i++) steps[i] = st[i].isEmpty() ? 0 : Long.parseLong(st[i]);
    if (meta.containsKey(prefix + "lr")) lr = Double.parseDouble(meta.get(prefix + "lr"));
    for (int i = 0; i < params.size(); i++) {
      for (int k = 0; k < state[i].length; k++) {
        NdArray a = arrays.get(prefix + names.get(i) + "." + k);
        if (state[i][k] != null) state[i][k].close();
        state[i][k] = null;
        if (a != null) {
          NDArray w = params.get(i).nd();
          NDArray s = Weights.toNd(w.getManager(), a, w.getDataType()).toDevice(w.getDevice(), false);
          keep(i, k, s);
        }
      }
    }
  }

  @Override public String toString() {
    return kind() + "(" + params.size() + " parameters, " + hyper().entries.toString().replace("=", ": ") + ")";
  }
}
