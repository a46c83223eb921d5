package dev.tangent;

import dev.tangent.spi.Builtin;
import dev.tangent.spi.ModuleBuilder;
import dev.tangent.spi.TangentModule;
import dev.tangent.spi.Types;

/** A module for the interpreter's own tests, which run without the standard library. */
public final class SampleModule implements TangentModule {
  @Override public String name() { return "sample"; }

  @Override public String doc() { return "Test helpers: twice(x), pairs(xs), and the type Number."; }

  @Override public void define(ModuleBuilder m) {
    m.function(Builtin.of("twice(x)", "2 x.", a -> 2 * a.num(0)));
    m.value("Number", Types.NUMBER, "Numbers.");
  }
}
