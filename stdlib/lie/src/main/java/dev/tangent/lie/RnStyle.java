package dev.tangent.lie;

import dev.tangent.spi.TangentError;
import dev.tangent.spi.Builtin;

/** R(n): R(3)(1, 2, 3) or R(3)([1, 2, 3]), printed R3([1, 2, 3]). */
final class RnStyle extends GroupStyle {
  @Override Builtin constructor(GroupValue g) {
    int n = g.kernel.dof;
    return LieBuiltin.custom("R" + n + "(*values)", "The vector as an element of R^" + n + ": R(" + n + ")(1, 2, ...) or R(" + n + ")([...]).",
        a -> {
          java.util.List<Object> rest = a.rest();
          if (rest.isEmpty()) return g.identity();
          if (rest.size() == 1 && !(rest.get(0) instanceof Double)) {
            return g.element(Values.vector(rest.get(0), n, g.typeName() + "()"));
          }
          if (rest.size() != n) {
            throw TangentError.runtime(g.typeName() + "() needs " + n + " numbers, got " + rest.size());
          }
          double[] v = new double[n];
          for (int i = 0; i < n; i++) v[i] = Values.number(rest.get(i), g.typeName() + "() argument " + i);
          return g.element(v);
        },
        (raw, a) -> {
          // R^n is its own tangent: the element's derivative is the vector's
          java.util.List<Object> rest = a.rest();
          dev.tangent.spi.TList items = new dev.tangent.spi.TList();
          items.items.addAll(rest);
          Object v = rest.size() == 1 ? Dual.lift(rest.get(0)) : Dual.lift(items);
          if (!(v instanceof DualVector dv) || dv.shape.length != 1 || dv.p.length != n) {
            throw Dual.notDifferentiable(g.typeName() + "() of these arguments")
                .withHint("give " + n + " numbers or one vector of " + n);
          }
          return Dual.inherit(new DualElement(dv.scope, g.element(dv.p.clone()), dv.d), dv);
        });
  }

  @Override String format(Element x) {
    return x.group.typeName() + "(" + Values.list(x.c, 0, x.c.length) + ")";
  }

  @Override String doc(GroupValue g) {
    int n = g.kernel.dof;
    return "R^" + n + " under addition (" + n + " dof): Exp and Log are the identity and every Jacobian is +-I.";
  }

  @Override String tangentLayout() { return "[v_1 .. v_n]"; }

  @Override int[][] rotationBlocks() { return new int[0][]; }
}
