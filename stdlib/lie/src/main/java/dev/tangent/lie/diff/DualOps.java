package dev.tangent.lie.diff;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.TangentValue;
import dev.tangent.spi.BinOp;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Operators;
import dev.tangent.spi.TList;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;

/**
 * The operators when a tracked value is involved: between group elements they are the element
 * methods (X * Y compose, X + t rplus, t + X lplus, Y - X rminus), looked up by name in the
 * interpreter's type registry, whose differentiating guard (ops' LieBuiltin) chains their
 * Jacobians; between numbers, vectors and tangents they are {@link DualArith}.
 */
public final class DualOps {
  private DualOps() {}

  static boolean isElement(Object v) {
    return v instanceof Element || v instanceof DualElement;
  }

  static boolean isVectorLike(Object v) {
    return v instanceof TangentValue || v instanceof DualTangent || v instanceof DualVector || v instanceof Tensor
        || v instanceof TList || v instanceof Tuple;
  }

  public static Object binary(BinOp op, Object l, Object r) {
    boolean le = isElement(l);
    boolean re = isElement(r);
    if (le && re && op == BinOp.MUL) return method("compose", l, r);
    if (le && re && op == BinOp.SUB) return method("rminus", l, r);
    if (le && !re && op == BinOp.ADD && isVectorLike(r)) return method("rplus", l, Dual.lift(r));
    if (re && !le && op == BinOp.ADD && isVectorLike(l)) return method("lplus", r, Dual.lift(l));
    if (le || re) {
      // comparisons, or the primal operators' own errors (no other element operator succeeds)
      return Operators.binary(op, Dual.strip(l), Dual.strip(r));
    }
    return DualArith.binary(op, l, r);
  }

  /** Calls an element method (self a tracked or plain element) through its differentiating guard. */
  static Object method(String name, Object self, Object... args) {
    Builtin b = Types.of(Element.class).method(name);
    Object[] all = new Object[args.length + 1];
    all[0] = self;
    System.arraycopy(args, 0, all, 1, args.length);
    return b.call(null, all, null);
  }
}
