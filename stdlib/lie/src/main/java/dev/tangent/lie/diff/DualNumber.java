package dev.tangent.lie.diff;

import dev.tangent.spi.HasType;
import dev.tangent.spi.TypeLike;
import dev.tangent.spi.TypeValue;
import dev.tangent.spi.UnOp;

/** A number tracked by diff(): its value and its gradient (one row). */
public final class DualNumber extends Dual implements HasType {
  static final TypeValue TYPE = new TypeValue("Number (tracked by diff)", v -> v instanceof DualNumber,
      "A number inside a function that diff() differentiates: it carries its derivative with respect to diff's inputs.");

  public final double v;

  public DualNumber(DiffScope scope, double v, double[] d) {
    super(scope, d);
    this.v = v;
  }

  @Override public int size() { return 1; }

  @Override public Object primal() { return v; }

  @Override public TypeLike type() { return TYPE; }

  @Override public Object unaryOp(UnOp op) {
    if (op == UnOp.PLUS) return this;
    if (op == UnOp.NEG) return DualArith.negate(this);
    return NOT_IMPLEMENTED;
  }

  @Override public Object mathOp(String fn) {
    return DualArith.math(fn, this);
  }
}
