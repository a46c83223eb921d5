package dev.tangent.core;

import dev.tangent.api.Interop;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.core.tensor.TensorBuiltins;
import dev.tangent.spi.ModuleBuilder;
import dev.tangent.spi.TangentModule;

/** The prelude: everything a program sees without importing. */
public final class CoreModule implements TangentModule {
  @Override public String name() { return "core"; }

  @Override public String doc() {
    return "The core library, always in scope: printing, collections, strings, math, files, "
        + "and the small dense Tensor.";
  }

  @Override public boolean prelude() { return true; }

  @Override public void define(ModuleBuilder m) {
    BasicBuiltins.define(m);
    MathBuiltins.define(m);
    CollectionBuiltins.define(m);
    CoreMethods.define(m);
    SystemBuiltins.define(m);
    TensorBuiltins.define(m);
    Interop.register(new Interop.Converter() {
      @Override public Object toTangent(Object java) {
        if (java instanceof double[][] rows) return Tensor.matrix(rows);
        if (java instanceof double[] v) return Tensor.vector(v);
        return null;
      }

      @Override public Object toJava(Object value) {
        if (value instanceof Tensor t) {
          if (t.ndim() == 2) return t.toArray2();
          if (t.ndim() == 1) return t.data().clone();
          if (t.ndim() == 0) return t.get(0);
        }
        return null;
      }
    });
  }
}
