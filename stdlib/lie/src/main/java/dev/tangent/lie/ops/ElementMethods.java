package dev.tangent.lie.ops;

import dev.tangent.lie.batch.BatchElement;
import dev.tangent.lie.batch.BatchOps;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.ElementOps;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.Args;
import dev.tangent.spi.ModuleBuilder;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.TypeInfo;
import dev.tangent.spi.TypeValue;

/**
 * The methods every group element has (names as manif). Each accepts jac: true and then returns
 * the result followed by its Jacobians w.r.t. self and the other arguments, in order.
 */
public final class ElementMethods {
  private ElementMethods() {}

  static final TypeValue ELEMENT = new TypeValue("LieElement", v -> v instanceof Element,
      "An element of a Lie group; type(X) is its group, e.g. SE3.");

  static Element self(Args a) {
    return (Element) a.get(0);
  }

  static Element other(Args a, int i) {
    Element x = self(a);
    return Values.element(x.group, a.get(i), a.label(i));
  }

  static double[] tangentArg(Args a, int i) {
    return Values.tangentView(self(a).group, a.get(i), a.label(i));
  }

  /** Whether self or the other argument is a batch (or an n x size tensor of points or tangents). */
  static boolean batch(Args a) {
    return BatchOps.involved(a.get(0)) || a.count() > 1 && BatchOps.involved(a.get(1));
  }

  public static void define(ModuleBuilder m) {
    TypeInfo t = m.type(Element.class, ELEMENT);
    t.method(LieBuiltin.of("inv(self, *, jac=false)", "The inverse X^-1. With jac: true, also J = -Ad_X.",
        a -> batch(a) ? BatchOps.inverse(a.ctx(), a.get(0), a.bool(1, false)) : ElementOps.inverse(self(a), a.bool(1, false))));
    t.method(LieBuiltin.of("inverse(self, *, jac=false)", "The inverse X^-1 (same as inv).",
        a -> batch(a) ? BatchOps.inverse(a.ctx(), a.get(0), a.bool(1, false)) : ElementOps.inverse(self(a), a.bool(1, false))));
    t.method(LieBuiltin.of("compose(self, other, *, jac=false)",
        "X Y (the same as X * Y). With jac: true, also J_Z_X = Ad_Y^-1 and J_Z_Y = I.",
        a -> batch(a) ? BatchOps.binary(a.ctx(), BatchOps.Binary.COMPOSE, a.get(0), a.get(1), a.bool(2, false))
            : ElementOps.compose(self(a), other(a, 1), a.bool(2, false))));
    t.method(LieBuiltin.of("between(self, other, *, jac=false)",
        "X^-1 Y. With jac: true, also J_X = -Ad_(X^-1 Y)^-1 and J_Y = I.",
        a -> batch(a) ? BatchOps.binary(a.ctx(), BatchOps.Binary.BETWEEN, a.get(0), a.get(1), a.bool(2, false))
            : ElementOps.between(self(a), other(a, 1), a.bool(2, false))));
    t.method(LieBuiltin.of("log(self, *, jac=false)", "The tangent Log(X). With jac: true, also Jr^-1(Log X).",
        a -> batch(a) ? BatchOps.log(a.ctx(), a.get(0), a.bool(1, false)) : ElementOps.log(self(a), a.bool(1, false))));
    t.method(LieBuiltin.of("act(self, p, *, jac=false)",
        "X acting on the point p (dim numbers). With jac: true, also J_X (dim x dof) and J_p (dim x dim).",
        a -> {
          if (batch(a)) return BatchOps.act(a.ctx(), a.get(0), a.get(1), a.bool(2, false));
          Element x = self(a);
          return ElementOps.act(x, Values.point(x.group, a.get(1), "act(): argument 'p'"), a.bool(2, false));
        }));
    t.method(LieBuiltin.of("adj(self, *, jac=false)",
        "The adjoint matrix Ad_X (dof x dof). With jac: true, also d vec(Ad_X) / dX (dof^2 x dof).",
        a -> batch(a) ? BatchOps.adj(a.ctx(), a.get(0), a.bool(1, false)) : ElementOps.adj(self(a), a.bool(1, false))));
    t.method(LieBuiltin.of("matrix(self, *, jac=false)",
        "The matrix form (manif's transform()). With jac: true, also d vec(M) / dX (row-major vec).",
        a -> batch(a) ? BatchOps.matrix(a.ctx(), a.get(0), a.bool(1, false)) : ElementOps.matrix(self(a), a.bool(1, false))));
    t.method(LieBuiltin.of("coeffs(self, *, jac=false)",
        "The stored coefficients as a vector (quaternions x y z w). With jac: true, also d coeffs / dX (rep x dof).",
        a -> batch(a) ? BatchOps.coeffs(a.get(0), a.bool(1, false))
            : Accessors.coefficients(self(a), 0, self(a).kernel().rep, a.bool(1, false))));
    t.method(LieBuiltin.of("rplus(self, t, *, jac=false)",
        "X (+) t = X Exp(t) (the same as X + t). With jac: true, also J_X = Ad_Exp(t)^-1 and J_t = Jr(t).",
        a -> batch(a) ? BatchOps.plus(a.ctx(), a.get(0), a.get(1), true, a.bool(2, false))
            : ElementOps.rplus(self(a), tangentArg(a, 1), a.bool(2, false))));
    t.method(LieBuiltin.of("plus(self, t, *, jac=false)", "The same as rplus (manif's alias).",
        a -> batch(a) ? BatchOps.plus(a.ctx(), a.get(0), a.get(1), true, a.bool(2, false))
            : ElementOps.rplus(self(a), tangentArg(a, 1), a.bool(2, false))));
    t.method(LieBuiltin.of("lplus(self, t, *, jac=false)",
        "t (+) X = Exp(t) X (the same as t + X). With jac: true, also J_X = I and J_t = Ad_X^-1 Jr(t).",
        a -> batch(a) ? BatchOps.plus(a.ctx(), a.get(0), a.get(1), false, a.bool(2, false))
            : ElementOps.lplus(self(a), tangentArg(a, 1), a.bool(2, false))));
    t.method(LieBuiltin.of("rminus(self, other, *, jac=false)",
        "Y (-) X = Log(X^-1 Y) for Y = self (the same as Y - X). With jac: true, also J_Y = Jr^-1 and J_X = -Jl^-1.",
        a -> batch(a) ? BatchOps.binary(a.ctx(), BatchOps.Binary.RMINUS, a.get(0), a.get(1), a.bool(2, false))
            : ElementOps.rminus(self(a), other(a, 1), a.bool(2, false))));
    t.method(LieBuiltin.of("minus(self, other, *, jac=false)", "The same as rminus (manif's alias).",
        a -> batch(a) ? BatchOps.binary(a.ctx(), BatchOps.Binary.RMINUS, a.get(0), a.get(1), a.bool(2, false))
            : ElementOps.rminus(self(a), other(a, 1), a.bool(2, false))));
    t.method(LieBuiltin.of("lminus(self, other, *, jac=false)",
        "Log(Y X^-1) for Y = self. With jac: true, also J_Y = Jr^-1 Ad_X and J_X = -J_Y.",
        a -> batch(a) ? BatchOps.binary(a.ctx(), BatchOps.Binary.LMINUS, a.get(0), a.get(1), a.bool(2, false))
            : ElementOps.lminus(self(a), other(a, 1), a.bool(2, false))));
    t.method(LieBuiltin.discrete("is_approx(self, other, tol=1e-10)", "True when |Y (-) X| <= tol. X == Y uses tol = 1e-10.",
        a -> ElementOps.isApprox(self(a), other(a, 1), a.num(2, ElementOps.DEFAULT_TOL))));
    t.method(LieBuiltin.of("normalize(self, *, jac=false)",
        "The same element with its rotation renormalised. With jac: true, also J = I (the group element is unchanged).",
        a -> {
          if (a.get(0) instanceof BatchElement b) {
            if (a.bool(1, false)) throw TangentError.runtime("normalize(): jac: true is not available on batches (it is I)");
            return BatchOps.normalize(a.ctx(), b);
          }
          Element x = self(a);
          double[] c = x.coeffs();
          x.kernel().normalize(c, 0);
          Element y = x.group.element(c);
          return a.bool(1, false) ? Values.withJacobians(y, Accessors.selection(x.kernel().dof, x.kernel().dof, 0)) : y;
        }));
    t.property(LieBuiltin.discrete("group(self)", "The group of this element (the same as type(X)).", a -> self(a).group));
  }
}
