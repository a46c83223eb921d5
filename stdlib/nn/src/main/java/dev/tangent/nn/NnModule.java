package dev.tangent.nn;

import dev.tangent.spi.ModuleBuilder;
import dev.tangent.spi.TangentModule;

/**
 * import nn: networks on DJL's PyTorch engine. Defining the module touches no DJL class; the
 * engine starts (about a second, once per JVM) when a script first runs an nn built-in.
 */
public final class NnModule implements TangentModule {
  @Override public String name() { return "nn"; }

  @Override public String doc() {
    return "Neural networks on PyTorch (through DJL): differentiable DTensors, layers (linear, conv, "
        + "transposed conv, norms, embedding, attention), blocks written in Tangent, grad and backward, "
        + "SGD/Adam/AdamW, losses, train() with progress and exactly resumable checkpoints, weights in "
        + ".npz/.safetensors, TransformerLens-layout transformers with hooks, and TorchScript modules.";
  }

  @Override public void define(ModuleBuilder m) {
    NnExports.define(m);
  }
}
