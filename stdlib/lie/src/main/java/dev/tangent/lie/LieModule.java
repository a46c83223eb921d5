package dev.tangent.lie;

import dev.tangent.spi.ModuleBuilder;
import dev.tangent.spi.TangentModule;

/**
 * `import lie`: Lie groups for state estimation after manif (Sola, Deray, Atchuthan 2018). Pure
 * Java on EJML; it never loads a native back-end.
 */
public final class LieModule implements TangentModule {
  @Override public String name() { return "lie"; }

  /** `.lie` scripts start with lie imported. */
  @Override public java.util.List<String> extensions() { return java.util.List.of("lie"); }

  @Override public String doc() {
    return "Lie groups for state estimation, following manif: SO2, SE2, SO3, SE3, SE_2_3, SGal3, R(n) and bundles, "
        + "with right Jacobians on every operation (jac: true), interpolation, averages and covariance helpers.";
  }

  @Override public void define(ModuleBuilder m) {
    m.value("SO2", Groups.SO2, Groups.SO2.doc());
    m.value("SE2", Groups.SE2, Groups.SE2.doc());
    m.value("SO3", Groups.SO3, Groups.SO3.doc());
    m.value("SE3", Groups.SE3, Groups.SE3.doc());
    m.value("SE_2_3", Groups.SE_2_3, Groups.SE_2_3.doc());
    m.value("SGal3", Groups.SGAL3, Groups.SGAL3.doc());
    LieFunctions.define(m);
    ElementMethods.define(m);
    TangentMethods.define(m);
  }
}
