package dev.tangent.lie.ops;

import dev.tangent.lie.batch.BatchElement;
import dev.tangent.lie.batch.BatchOps;
import dev.tangent.lie.batch.BatchTangent;
import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.value.ElementOps;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.TangentOps;
import dev.tangent.lie.value.TangentValue;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.Args;
import java.util.Map;
import java.util.SplittableRandom;

/** The members every group value has: G.dof, G.identity(), G.exp(v), G.from_matrix(M)... */
public final class GroupMembers {
  private GroupMembers() {}

  static SplittableRandom rng(Args a, int seedIndex) {
    if (a.present(seedIndex)) return new SplittableRandom(a.longInt(seedIndex, 0));
    return a.ctx().state(GroupMembers.class, SplittableRandom::new);
  }

  static int batchSize(Args a, int i) {
    int count = a.integer(i);
    if (count < 1) throw dev.tangent.spi.TangentError.runtime(a.fn().name() + "(): a batch needs n >= 1, got " + count);
    return count;
  }

  /** A batch size whose n × width coefficients fit one array and the interpreter's allocation ceiling. */
  static int batchSize(Args a, int i, int width) {
    int count = batchSize(a, i);
    long total = (long) count * width;
    if (total > dev.tangent.spi.Sizes.MAX_ARRAY) {
      throw dev.tangent.spi.TangentError.runtime(a.fn().name() + "(): a batch of " + String.format("%,d", count)
          + " elements needs " + String.format("%,d", total) + " numbers, more than one array holds (about 2^31)");
    }
    dev.tangent.spi.Sizes.checkAllocation(total, a.fn().name() + "(): a batch of " + String.format("%,d", count) + " elements");
    return count;
  }

  public static void define(GroupValue g, Map<String, Object> m) {
    LieGroup k = g.kernel;
    String n = g.typeName();
    m.put("dof", (double) k.dof);
    m.put("dim", (double) k.dim);
    m.put("name", n);
    m.put("Tangent", g.tangentType);
    m.put("identity", LieBuiltin.of("identity(n=nil)", "The identity element of " + n + " (a batch of n identities with n).",
        a -> {
          if (!a.present(0)) return g.identity();
          int count = batchSize(a, 0, k.rep);
          double[] c = new double[count * k.rep];
          for (int i = 0; i < count; i++) k.identity(c, i * k.rep);
          return new BatchElement(g, count, c);
        }));
    m.put("random", LieBuiltin.of("random(n=nil, *, seed=nil)",
        "A random element, distributed as manif's Random() (a batch of n with n); the same seed gives the same elements.",
        a -> {
          SplittableRandom r = rng(a, 1);
          int count = a.present(0) ? batchSize(a, 0, k.rep) : 1;
          double[] c = new double[count * k.rep];
          for (int i = 0; i < count; i++) {
            k.random(r, c, i * k.rep);
            dev.tangent.spi.Context.pollEvery(i);
          }
          return a.present(0) ? new BatchElement(g, count, c) : g.element(c);
        }));
    m.put("random_tangent", LieBuiltin.of("random_tangent(n=nil, *, seed=nil)",
        "A random tangent: angles uniform in the ball of radius pi, other coordinates in [-1, 1] (a batch of n with n).",
        a -> {
          SplittableRandom r = rng(a, 1);
          int count = a.present(0) ? batchSize(a, 0, k.dof) : 1;
          double[] t = new double[count * k.dof];
          for (int i = 0; i < count; i++) {
            k.randomTangent(r, t, i * k.dof);
            dev.tangent.spi.Context.pollEvery(i);
          }
          return a.present(0) ? new BatchTangent(g, count, t) : g.tangent(t);
        }));
    m.put("stack", LieBuiltin.of("stack(items)",
        "A batch from a list of " + n + " elements (or a tangent batch from a list of tangents).",
        a -> BatchOps.stack(g, a.get(0))));
    m.put("exp", LieBuiltin.of("exp(vec, *, jac=false)",
        "Exp of a tangent (a " + n + ".Tangent or " + k.dof + " numbers " + g.descriptor.tangentLayout()
            + "). With jac: true, also Jr(vec).",
        a -> BatchOps.involved(a.get(0)) ? BatchOps.exp(a.ctx(), g, a.get(0), a.bool(1, false))
            : ElementOps.exp(g, Values.tangent(g, a.get(0), n + ".exp(): argument 'vec'"), a.bool(1, false))));
    m.put("from_matrix", LieBuiltin.of("from_matrix(M, *, normalize=false, tol=1e-6)",
        "The element whose matrix form is M (" + k.mat + "x" + k.mat + "). A rotation block that is not "
            + "orthonormal is an error, or is projected onto the nearest rotation with normalize: true.",
        a -> Matrices.fromMatrix(g, a.get(0), a.bool(1, false), a.num(2, 1e-6), n + ".from_matrix()")));
    m.put("tangent", LieBuiltin.of("tangent(vec=nil, *, jac=false)", "A tangent of " + n + " from " + k.dof + " numbers "
        + g.descriptor.tangentLayout() + "; zero without an argument. With jac: true, also I.",
        a -> {
          if (BatchOps.involved(a.get(0))) {
            BatchOps.In in = BatchOps.tangents(g, a.get(0), n + ".tangent(): argument 'vec'");
            if (a.bool(1, false)) throw dev.tangent.spi.TangentError.runtime(n + ".tangent(): jac: true is not available on batches");
            return new BatchTangent(g, in.n(), in.data().clone());
          }
          TangentValue t = g.tangent(a.present(0) ? Values.tangent(g, a.get(0), n + ".tangent(): argument 'vec'").clone()
              : new double[k.dof]);
          return a.bool(1, false) ? Values.withJacobians(t, TangentMethods.identity(t, 1)) : t;
        }));
    m.put("hat", LieBuiltin.of("hat(vec, *, jac=false)", "The Lie algebra matrix of a tangent. With jac: true, also d vec(hat) / dvec.",
        a -> TangentOps.hat(g.tangent(Values.tangent(g, a.get(0), n + ".hat(): argument 'vec'")), a.bool(1, false))));
    m.put("vee", LieBuiltin.of("vee(M, *, jac=false, tol=1e-9)",
        "The tangent of a Lie algebra matrix (checked). With jac: true, also d tangent / d vec(M).",
        a -> a.get(0) instanceof dev.tangent.core.tensor.Tensor mt && mt.ndim() == 3 && !a.bool(1, false)
            ? Matrices.veeBatch(g, mt, a.num(2, 1e-9), n + ".vee()")
            : vee(g, a.get(0), a.bool(1, false), a.num(2, 1e-9), n + ".vee()")));
    m.put("generator", LieBuiltin.of("generator(i)", "The i-th generator E_i (so that hat(t) = sum t_i E_i).",
        a -> {
          int i = dev.tangent.spi.Ints.index(a.get(0), k.dof, n + " generators");
          double[] e = new double[k.mat * k.mat];
          k.generator(i, e, 0);
          return Values.mat(e, k.mat, k.mat);
        }));
    m.put("inner_weights", LieBuiltin.of("inner_weights()", "manif's weights W_rc = tr(E_r E_c^T) of inner() and weighted_norm().",
        a -> Values.mat(k.innerWeights().clone(), k.dof, k.dof)));
  }

  /** G.vee(M) and vee(M, G) of one matrix, with d tangent / d vec(M) when asked. */
  public static Object vee(GroupValue g, Object m, boolean jac, double tol, String fn) {
    TangentValue t = g.tangent(Matrices.vee(g, m, tol, fn));
    if (!jac) return t;
    LieGroup k = g.kernel;
    int mm = k.mat * k.mat;
    double[] j = new double[k.dof * mm];
    double[] unit = new double[mm];
    double[] col = new double[k.dof];
    for (int r = 0; r < mm; r++) {
      java.util.Arrays.fill(unit, 0);
      unit[r] = 1;
      k.vee(unit, 0, col, 0);
      for (int i = 0; i < k.dof; i++) j[i * mm + r] = col[i];
    }
    return Values.withJacobians(t, Values.mat(j, k.dof, mm));
  }
}
