package dev.tangent.jsr223;

import dev.tangent.spi.Modules;
import dev.tangent.spi.TangentModule;
import java.util.List;
import javax.script.ScriptEngine;

/**
 * The JSR-223 factory of a module's scripts: its extensions come from the module's
 * {@link TangentModule#extensions()} and its engines start with the module imported. A module
 * registers a subclass with a no-argument constructor in
 * META-INF/services/javax.script.ScriptEngineFactory, e.g.
 * {@code public final class LieScriptEngineFactory extends ModuleScriptEngineFactory { public
 * LieScriptEngineFactory() { super("lie"); } }}.
 */
public abstract class ModuleScriptEngineFactory extends TangentScriptEngineFactory {
  private final String module;

  protected ModuleScriptEngineFactory(String module) {
    this.module = module;
  }

  /** Distinct per module: javax.script keeps one factory per engine name. */
  @Override public String getEngineName() { return "Tangent (" + module + ")"; }

  @Override public List<String> getExtensions() {
    TangentModule m = Modules.get().provider(module);
    return m == null ? List.of() : m.extensions();
  }

  @Override public List<String> getNames() { return List.of("tangent-" + module); }

  @Override public List<String> getMimeTypes() { return List.of("application/x-tangent-" + module); }

  @Override public ScriptEngine getScriptEngine() {
    return new TangentScriptEngine(this, module);
  }
}
