package dev.tangent.lib;

import dev.tangent.spi.ModuleBuilder;
import dev.tangent.spi.TangentModule;

/**
 * import lib: the Local Interaction Basis. Defining the module touches no DJL, ND4J or OpenBLAS class.
 */
public final class LibModule implements TangentModule {
  @Override public String name() { return "lib"; }

  @Override public String doc() {
    return "Local Interaction Basis (Bushnaq et al. 2024): per-layer bases C and C+ with importances, "
        + "the interaction graph, the PCA baseline, node and edge ablations, on MLPs, "
        + "TransformerLens-layout transformers and chains of TorchScript modules.";
  }

  @Override public void define(ModuleBuilder m) {
    LibExports.define(m);
  }
}
