package dev.tangent.drdm;

import dev.tangent.spi.ModuleBuilder;
import dev.tangent.spi.TangentModule;

/**
 * import drdm: the Deformation-Recovery Diffusion Model. Defining the module touches no DJL class;
 * the network engine starts only when a network is built or loaded.
 */
public final class DrdmModule implements TangentModule {
  @Override public String name() { return "drdm"; }

  /** `.drdm` scripts start with drdm imported. */
  @Override public java.util.List<String> extensions() { return java.util.List.of("drdm"); }

  @Override public String doc() {
    return "Deformation-Recovery Diffusion Model (Zheng et al. 2024): Deformation values (warp, compose, "
        + "inverse, Jacobian determinant, folding), the multi-scale deformation-diffusion sampler, the "
        + "recovery network (RecResACNet) on PyTorch, training, instance deformation, augmentation and "
        + "registration synthesis, in 2D and 3D.";
  }

  @Override public void define(ModuleBuilder m) {
    exportNames();
    FieldExports.define(m);
    NetworkExports.define(m);
    TrainingExports.define(m);
  }

  /**
   * Every name the three export groups declare, checked to be distinct: a module's exports are a
   * map, so a second definition would silently replace the first.
   */
  static java.util.List<String> exportNames() {
    java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of("Deformation", "RecResACNet"));
    for (java.util.List<dev.tangent.spi.Builtin> group : java.util.List.of(FieldExports.functions(), NetworkExports.functions(),
        TrainingExports.functions())) {
      for (dev.tangent.spi.Builtin b : group) names.add(b.name());
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String n : names) if (!seen.add(n)) throw new IllegalStateException("drdm declares the export " + n + " twice");
    return names;
  }
}
