package dev.tangent.lie.groups;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.lie.ops.GroupMembers;
import dev.tangent.lie.ops.LieBuiltin;
import dev.tangent.lie.value.GroupDescriptor;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.ModuleBuilder;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Types;
import java.util.ArrayList;
import java.util.List;

/** The module's functions that name groups, and so read the registry: R(n), bundle(), vee(M) without a group. */
public final class GroupFunctions {
  private GroupFunctions() {}

  public static void define(ModuleBuilder m) {
    m.functions(
        LieBuiltin.of("R(n)", "The group R^n (vectors under addition), e.g. R(3).",
            a -> {
              int n = a.integer(0);
              if (n < 1) throw TangentError.runtime("R(n) needs n >= 1, got " + n);
              return GroupRegistry.rn(n);
            }),
        LieBuiltin.of("bundle(*groups)", "The bundle (composite group) of the given groups, e.g. bundle(SE3, R(3)).",
            a -> {
              List<GroupValue> parts = new ArrayList<>();
              for (Object g : a.rest()) {
                if (!(g instanceof GroupValue gv)) {
                  throw TangentError.runtime("bundle() needs groups such as SE3 or R(3), got a " + Types.typeName(g));
                }
                parts.add(gv);
              }
              if (parts.isEmpty()) throw TangentError.runtime("bundle() needs at least one group");
              return GroupRegistry.bundle(parts);
            }),
        LieBuiltin.of("vee(M, group=nil, *, jac=false)",
            "The tangent of a Lie algebra matrix. Without a group, a 2x2 is SO2, a 3x3 SO3 when skew-symmetric and "
                + "SE2 otherwise, a 4x4 SE3, a 5x5 SE_2_3 (SGal3 when entry (3, 4) is not 0); G.vee(M) is explicit.",
            a -> {
              GroupValue g = a.present(1) ? a.as(1, GroupValue.class, "a group") : inferAlgebra(a.get(0));
              return GroupMembers.vee(g, a.get(0), a.bool(2, false), 1e-9, "vee()");
            }));
  }

  /**
   * The group of a Lie algebra matrix, from its size and structure: the registered group that
   * matches it best (GroupDescriptor.matchAlgebra); none, or two equally good, is an error.
   */
  static GroupValue inferAlgebra(Object m) {
    return inferAlgebra(m, GroupRegistry.named());
  }

  static GroupValue inferAlgebra(Object m, List<GroupValue> candidates) {
    Tensor t = Values.squareMatrix(m, "vee(): M");
    int n = t.dim(0);
    double[] mm = t.toDoubleArray();
    GroupValue best = null;
    GroupDescriptor.AlgebraMatch bestMatch = GroupDescriptor.AlgebraMatch.NONE;
    boolean tie = false;
    for (GroupValue g : candidates) {
      GroupDescriptor.AlgebraMatch match = g.descriptor.matchAlgebra(mm, n);
      if (match == GroupDescriptor.AlgebraMatch.NONE || match.compareTo(bestMatch) < 0) continue;
      if (match == bestMatch) {   // as good as the best so far
        tie = true;
        continue;
      }
      best = g;
      bestMatch = match;
      tie = false;
    }
    if (best == null || tie) {
      throw TangentError.runtime("vee(): cannot tell the group of a " + n + "x" + n + " matrix")
          .withHint("name it: G.vee(M) or vee(M, G)");
    }
    return best;
  }
}
