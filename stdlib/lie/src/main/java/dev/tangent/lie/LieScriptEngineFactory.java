package dev.tangent.lie;

import dev.tangent.jsr223.ModuleScriptEngineFactory;

/** JSR-223: engines for .lie scripts, which start with lie imported. */
public final class LieScriptEngineFactory extends ModuleScriptEngineFactory {
  public LieScriptEngineFactory() {
    super("lie");
  }
}
