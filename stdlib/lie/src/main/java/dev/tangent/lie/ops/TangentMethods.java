package dev.tangent.lie.ops;

import dev.tangent.lie.batch.BatchElement;
import dev.tangent.lie.batch.BatchOps;
import dev.tangent.lie.batch.BatchTangent;
import dev.tangent.lie.diff.Dual;
import dev.tangent.lie.diff.DualTangent;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.ElementOps;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.TangentOps;
import dev.tangent.lie.value.TangentValue;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.Args;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.ModuleBuilder;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.TypeInfo;
import dev.tangent.spi.TypeValue;

/** The methods every tangent has (names as manif), each with jac: true where it has a Jacobian. */
public final class TangentMethods {
  private TangentMethods() {}

  static final TypeValue TANGENT = new TypeValue("LieTangent", v -> v instanceof TangentValue,
      "A tangent vector of a Lie group; type(t) is its group's Tangent type, e.g. SE3.Tangent.");

  static TangentValue self(Args a) {
    return (TangentValue) a.get(0);
  }

  static double[] otherTangent(Args a, int i) {
    return Values.tangent(self(a).group, a.get(i), a.label(i));
  }

  static Builtin jacobianMatrix(String name, TangentOps.Matrix which, String doc) {
    return LieBuiltin.none(name + "(self, *, jac=false)", doc,
        a -> {
          if (a.bool(1, false)) {
            throw TangentError.runtime(name + "(): jac: true is not available: the derivative of a Jacobian is a "
                + "third-order tensor").withHint("differentiate through exp() or log(), whose Jacobians are " + name + "'s");
          }
          if (a.get(0) instanceof BatchTangent b) return BatchOps.tangentMatrix(a.ctx(), b, which);
          return TangentOps.matrix(self(a), which);
        });
  }

  public static void define(ModuleBuilder m) {
    TypeInfo t = m.type(TangentValue.class, TANGENT);
    t.method(LieBuiltin.of("exp(self, *, jac=false)", "Exp(t), an element of the group. With jac: true, also Jr(t).",
        a -> a.get(0) instanceof BatchTangent b ? BatchOps.exp(a.ctx(), b.group, b, a.bool(1, false))
            : ElementOps.exp(self(a).group, self(a).v, a.bool(1, false))));
    t.method(LieBuiltin.of("hat(self, *, jac=false)",
        "The Lie algebra matrix t^. With jac: true, also d vec(t^) / dt (the generators as columns).",
        a -> a.get(0) instanceof BatchTangent b ? BatchOps.hat(a.ctx(), b, a.bool(1, false)) : TangentOps.hat(self(a), a.bool(1, false))));
    t.method(jacobianMatrix("rjac", TangentOps.Matrix.RJAC, "The right Jacobian Jr(t) of Exp."));
    t.method(jacobianMatrix("ljac", TangentOps.Matrix.LJAC, "The left Jacobian Jl(t) = Jr(-t) of Exp."));
    t.method(jacobianMatrix("rjacinv", TangentOps.Matrix.RJACINV, "The inverse right Jacobian Jr(t)^-1."));
    t.method(jacobianMatrix("ljacinv", TangentOps.Matrix.LJACINV, "The inverse left Jacobian Jl(t)^-1."));
    t.method(LieBuiltin.of("small_adj(self, *, jac=false)",
        "The small adjoint ad_t (ad_t s = [t^, s^]v). With jac: true, also d vec(ad_t) / dt.",
        a -> a.get(0) instanceof BatchTangent b ? BatchOps.tangentMatrix(a.ctx(), noJac(b, a, 1, "small_adj"), TangentOps.Matrix.SMALL_ADJ)
            : TangentOps.smallAdj(self(a), a.bool(1, false))));
    t.method(LieBuiltin.of("bracket(self, other, *, jac=false)",
        "The Lie bracket [t, s] = ad_t s. With jac: true, also J_t = -ad_s and J_s = ad_t.",
        a -> batch(a) ? BatchOps.bracket(a.ctx(), groupOf(a), a.get(0), a.get(1), a.bool(2, false))
            : TangentOps.bracket(self(a), otherTangent(a, 1), a.bool(2, false))));
    t.method(LieBuiltin.of("inner(self, other, *, jac=false)",
        "t^T W s with manif's weights W_rc = tr(E_r E_c^T). With jac: true, also J_t = (W s)^T and J_s = (W t)^T.",
        a -> batch(a) ? BatchOps.inner(groupOf(noJac(a, a, 2, "inner")), a.get(0), a.get(1))
            : TangentOps.inner(self(a), otherTangent(a, 1), a.bool(2, false))));
    t.method(LieBuiltin.custom("weighted_norm(self, W=nil, *, jac=false)",
        "sqrt(t^T W t), W manif's weights unless given. With jac: true, also its 1 x dof gradient.",
        a -> {
          TangentValue s = self(a);
          int d = s.group.kernel.dof;
          double[] w = a.present(1) ? Values.matrix(a.get(1), d, d, "weighted_norm(): W") : null;
          return TangentOps.weightedNorm(s, w, a.bool(2, false));
        }, TangentMethods::nonZeroThenChain));
    t.method(LieBuiltin.custom("norm(self, *, jac=false)", "The Euclidean norm. With jac: true, also t^T / |t| (0 at t = 0).",
        a -> a.get(0) instanceof BatchTangent b ? BatchOps.norms(noJac(b, a, 1, "norm"))
            : TangentOps.norm(self(a), a.bool(1, false)), TangentMethods::nonZeroThenChain));
    t.method(LieBuiltin.of("coeffs(self, *, jac=false)", "The coordinates as a Tensor (n x dof for a batch). With jac: true, also I.",
        a -> a.get(0) instanceof BatchTangent b ? batchCoeffs(noJac(b, a, 1, "coeffs")) : coeffs(self(a), a.bool(1, false))));
    t.method(LieBuiltin.of("vec(self, *, jac=false)", "The coordinates as a Tensor (the same as coeffs).",
        a -> a.get(0) instanceof BatchTangent b ? batchCoeffs(noJac(b, a, 1, "vec")) : coeffs(self(a), a.bool(1, false))));
    t.method(LieBuiltin.of("plus(self, other, *, jac=false)",
        "t + s for a tangent s (Jacobians I, I); for an element X, t (+) X = Exp(t) X (Jacobians Ad_X^-1 Jr(t), I).",
        a -> {
          boolean jac = a.bool(2, false);
          if (a.get(1) instanceof Element || a.get(1) instanceof BatchElement) {
            if (batch(a)) {
              Object r = BatchOps.plus(a.ctx(), a.get(1), a.get(0), false, jac);
              if (!jac) return r;
              dev.tangent.spi.Tuple tr = (dev.tangent.spi.Tuple) r;
              return Values.withJacobians(tr.get(0), (dev.tangent.core.tensor.Tensor) tr.get(2),
                  (dev.tangent.core.tensor.Tensor) tr.get(1));
            }
          }
          if (batch(a)) return BatchOps.add(groupOf(noJac(a, a, 2, "plus")), a.get(0), a.get(1), 1, "plus()");
          TangentValue s = self(a);
          if (a.get(1) instanceof Element x) {
            Element y = Values.element(s.group, x, "plus(): argument 'other'");
            Object r = ElementOps.lplus(y, s.v, jac);
            if (!jac) return r;
            dev.tangent.spi.Tuple tr = (dev.tangent.spi.Tuple) r;
            return Values.withJacobians(tr.get(0), (dev.tangent.core.tensor.Tensor) tr.get(2),
                (dev.tangent.core.tensor.Tensor) tr.get(1));
          }
          double[] o = otherTangent(a, 1);
          TangentValue r = s.with(TangentValue.add(s.v, o, 1));
          return jac ? Values.withJacobians(r, identity(s, 1), identity(s, 1)) : r;
        }));
    t.method(LieBuiltin.of("minus(self, other, *, jac=false)", "t - s. With jac: true, also I and -I.",
        a -> {
          if (batch(a)) return BatchOps.add(groupOf(noJac(a, a, 2, "minus")), a.get(0), a.get(1), -1, "minus()");
          TangentValue s = self(a);
          TangentValue r = s.with(TangentValue.add(s.v, otherTangent(a, 1), -1));
          return a.bool(2, false) ? Values.withJacobians(r, identity(s, 1), identity(s, -1)) : r;
        }));
    t.property(LieBuiltin.discrete("group(self)", "The group of this tangent.", a -> self(a).group));
  }

  static boolean batch(Args a) {
    return BatchOps.involved(a.get(0)) || a.count() > 2 && BatchOps.involved(a.get(1));
  }

  static GroupValue groupOf(Args a) {
    return a.get(0) instanceof BatchTangent b ? b.group : self(a).group;
  }

  /** Rejects jac: true (parameter i) for an operation that has no batched Jacobian; returns b. */
  static <T> T noJac(T b, Args a, int i, String name) {
    if (a.bool(i, false)) throw TangentError.runtime(name + "(): jac: true is not available on batches");
    return b;
  }

  static dev.tangent.core.tensor.Tensor batchCoeffs(BatchTangent b) {
    return BatchOps.matrixRows(b.v.clone(), b.n, b.group.kernel.dof);
  }

  /** Norms have no derivative at 0, where jac: true reports 0 by convention: inside diff that is an error. */
  static Object nonZeroThenChain(Builtin raw, Args a) {
    Object r = LieBuiltin.chain(raw, a);
    if (a.get(0) instanceof DualTangent t && TangentOps.norm(t.t.v) == 0) ((Dual) r).taint(raw.name() + "() at 0");
    return r;
  }

  static dev.tangent.core.tensor.Tensor identity(TangentValue t, double s) {
    int d = t.v.length;
    double[] j = new double[d * d];
    for (int i = 0; i < d; i++) j[i * d + i] = s;
    return Values.mat(j, d, d);
  }

  static Object coeffs(TangentValue t, boolean jac) {
    dev.tangent.core.tensor.Tensor v = Values.vec(t.v.clone());
    return jac ? Values.withJacobians(v, identity(t, 1)) : v;
  }
}
