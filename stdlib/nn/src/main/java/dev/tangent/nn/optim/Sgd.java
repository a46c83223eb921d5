package dev.tangent.nn.optim;

import ai.djl.ndarray.NDArray;
import dev.tangent.nn.engine.Scalars;
import dev.tangent.nn.value.DTensor;
import dev.tangent.spi.TMap;
import java.util.Map;

/** PyTorch's SGD: optional L2 weight decay, momentum (dampening 0) and Nesterov. */
public final class Sgd extends Optimizer {
  private final double momentum;
  private final double weightDecay;
  private final boolean nesterov;

  public Sgd(Map<String, DTensor> params, double lr, double momentum, double weightDecay, boolean nesterov) {
    super(params, lr, 1);
    this.momentum = momentum;
    this.weightDecay = weightDecay;
    this.nesterov = nesterov;
  }

  @Override protected void update(int i, NDArray w, NDArray g) {
    NDArray d = weightDecay != 0 ? g.add(Scalars.mul(w, weightDecay)) : g;
    if (momentum != 0) {
      NDArray buf = state[i][0];
      if (buf == null) buf = keep(i, 0, d.duplicate());
      else Scalars.muli(buf, momentum).addi(d);
      d = nesterov ? d.add(Scalars.mul(buf, momentum)) : buf;
    }
    w.subi(Scalars.mul(d, lr));
  }

  @Override public String kind() { return "SGD"; }

  @Override public TMap hyper() {
    TMap m = new TMap();
    m.put("lr", lr);
    m.put("momentum", momentum);
    m.put("weight_decay", weightDecay);
    m.put("nesterov", nesterov);
    return m;
  }
}
