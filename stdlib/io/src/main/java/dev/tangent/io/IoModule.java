package dev.tangent.io;

import dev.tangent.spi.ModuleBuilder;
import dev.tangent.spi.TangentModule;

/** Data formats. A prelude module: load(), save() and friends need no import. */
public final class IoModule implements TangentModule {
  @Override public String name() { return "io"; }

  @Override public String doc() {
    return "Reading and writing the files researchers have: NumPy .npy/.npz, .safetensors "
        + "(and more formats as they are added). Every write is atomic.";
  }

  @Override public boolean prelude() { return true; }

  @Override public void define(ModuleBuilder m) {
    ArrayBuiltins.define(m);
    NiftiBuiltins.define(m);
    ImageBuiltins.define(m);
    CsvBuiltins.define(m);
  }
}
