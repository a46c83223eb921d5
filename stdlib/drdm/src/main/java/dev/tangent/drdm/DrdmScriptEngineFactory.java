package dev.tangent.drdm;

import dev.tangent.jsr223.ModuleScriptEngineFactory;

/** JSR-223: engines for .drdm scripts, which start with drdm imported. */
public final class DrdmScriptEngineFactory extends ModuleScriptEngineFactory {
  public DrdmScriptEngineFactory() {
    super("drdm");
  }
}
