package dev.tangent.lie.diff;

import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.Layers;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.BinOp;

/**
 * The diff layer as plain elements and tangents see it ({@link Layers}): an operator with a
 * tracked value (or a list holding one) on the other side chains its Jacobians here
 * ({@link DualOps}), G.Tangent(v) of a tracked vector is a tracked tangent, and a type check sees
 * the element or tangent a tracked one stands for.
 */
public final class TrackedOperands implements Layers.Tracking {
  public static final TrackedOperands INSTANCE = new TrackedOperands();

  private TrackedOperands() {}

  @Override public boolean involves(Object operand) {
    return Dual.contains(operand);
  }

  @Override public Object binary(BinOp op, Object left, Object right) {
    return DualOps.binary(op, left, right);
  }

  @Override public Object tangent(GroupValue g, Object v, String fn) {
    Object x = Dual.lift(v);
    if (x instanceof DualTangent t) {
      Values.tangent(g, t.t, fn);
      return t;
    }
    if (x instanceof DualVector dv) {
      Values.tangent(g, dv.primal(), fn);
      return Dual.inherit(new DualTangent(dv.scope, g.tangent(dv.p.clone()), dv.d), dv);
    }
    throw Dual.notDifferentiable(fn + " of a tracked number");
  }

  @Override public Object primal(Object v) {
    if (v instanceof DualElement e) return e.x;
    if (v instanceof DualTangent t) return t.t;
    return v;
  }
}
