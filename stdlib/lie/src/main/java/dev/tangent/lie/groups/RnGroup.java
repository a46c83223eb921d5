package dev.tangent.lie.groups;

import dev.tangent.lie.diff.Dual;
import dev.tangent.lie.diff.DualElement;
import dev.tangent.lie.diff.DualVector;
import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.kernel.Rn;
import dev.tangent.lie.ops.LieBuiltin;
import dev.tangent.lie.value.CoeffBlocks;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.GroupDescriptor;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.TangentError;

/** R(n), the vectors under addition: R(3)(1, 2, 3) or R(3)([1, 2, 3]), printed R3([1, 2, 3]). */
public final class RnGroup extends GroupDescriptor {
  private final Rn kernel;

  public RnGroup(Rn kernel) {
    this.kernel = kernel;
  }

  @Override public LieGroup kernel() { return kernel; }

  @Override public Builtin constructor(GroupValue g) {
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

  @Override public String format(Element x) {
    return x.group.typeName() + "(" + Values.list(x.c, 0, x.c.length) + ")";
  }

  @Override public String doc(GroupValue g) {
    int n = g.kernel.dof;
    return "R^" + n + " under addition (" + n + " dof): Exp and Log are the identity and every Jacobian is +-I.";
  }

  @Override public String tangentLayout() { return "[v_1 .. v_n]"; }

  /** The coefficients are the tangent coordinates. */
  @Override public void coeffJacobian(double[] x, int xo, double[] j, int row0, int col0, int ld) {
    CoeffBlocks.identity(kernel.dof, j, row0, col0, ld);
  }
}
