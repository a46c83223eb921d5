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
    FieldExports.define(m);
    NetworkExports.define(m);
    TrainingExports.define(m);
  }
}
