package dev.tangent.lie;

import dev.tangent.lie.groups.GroupFunctions;
import dev.tangent.lie.groups.GroupRegistry;
import dev.tangent.lie.ops.ElementMethods;
import dev.tangent.lie.ops.LieFunctions;
import dev.tangent.lie.ops.TangentMethods;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.spi.ModuleBuilder;
import dev.tangent.spi.TangentModule;

/**
 * `import lie`: Lie groups for state estimation after manif (Sola, Deray, Atchuthan 2018). Pure
 * Java on EJML; it never loads a native back-end. It exports every group of the
 * {@link GroupRegistry} (one value per registered {@link dev.tangent.lie.value.GroupDescriptor}),
 * the functions that name groups ({@link GroupFunctions}) and the generic functions and element
 * and tangent methods of {@link dev.tangent.lie.ops}.
 */
public final class LieModule implements TangentModule {
  @Override public String name() { return "lie"; }

  /** `.lie` scripts start with lie imported. */
  @Override public java.util.List<String> extensions() { return java.util.List.of("lie"); }

  @Override public String doc() {
    StringBuilder groups = new StringBuilder();
    for (GroupValue g : GroupRegistry.named()) groups.append(g.typeName()).append(", ");
    return "Lie groups for state estimation, following manif: " + groups + "R(n) and bundles, "
        + "with right Jacobians on every operation (jac: true), interpolation, averages and covariance helpers.";
  }

  @Override public void define(ModuleBuilder m) {
    for (GroupValue g : GroupRegistry.named()) m.value(g.typeName(), g, g.doc());
    GroupFunctions.define(m);
    LieFunctions.define(m);
    ElementMethods.define(m);
    TangentMethods.define(m);
  }
}
