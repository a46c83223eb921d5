package dev.tangent.jsr223;

import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;

/**
 * JSR-223 registration: the engine named "tangent" starts with no module imported; the engines
 * found by the extensions lie and drdm start with that module imported, as `tangent run x.lie`
 * does ({@link Lie}, {@link Drdm}).
 */
public class TangentScriptEngineFactory implements ScriptEngineFactory {
  static final String VERSION = Version.get();

  private final String defaultModule;

  public TangentScriptEngineFactory() {
    this(null);
  }

  TangentScriptEngineFactory(String defaultModule) {
    this.defaultModule = defaultModule;
  }

  /** getEngineByExtension("lie"): lie imported. */
  public static final class Lie extends TangentScriptEngineFactory {
    public Lie() { super("lie"); }
    // ScriptEngineManager keeps one factory per engine name: each needs its own.
    @Override public String getEngineName() { return "Tangent (lie)"; }
    @Override public List<String> getExtensions() { return List.of("lie"); }
    @Override public List<String> getNames() { return List.of("tangent-lie"); }
  }

  /** getEngineByExtension("drdm"): drdm imported. */
  public static final class Drdm extends TangentScriptEngineFactory {
    public Drdm() { super("drdm"); }
    @Override public String getEngineName() { return "Tangent (drdm)"; }
    @Override public List<String> getExtensions() { return List.of("drdm"); }
    @Override public List<String> getNames() { return List.of("tangent-drdm"); }
  }

  @Override public String getEngineName() { return "Tangent"; }
  @Override public String getEngineVersion() { return VERSION; }
  @Override public List<String> getExtensions() { return List.of(); }
  @Override public List<String> getMimeTypes() { return List.of("application/x-tangent"); }
  @Override public List<String> getNames() { return List.of("tangent", "Tangent"); }
  @Override public String getLanguageName() { return "Tangent"; }
  @Override public String getLanguageVersion() { return VERSION; }

  @Override public Object getParameter(String key) {
    switch (key) {
      case ScriptEngine.ENGINE: return getEngineName();
      case ScriptEngine.ENGINE_VERSION: return getEngineVersion();
      case ScriptEngine.NAME: return getNames().get(0);
      case ScriptEngine.LANGUAGE: return getLanguageName();
      case ScriptEngine.LANGUAGE_VERSION: return getLanguageVersion();
      case "THREADING": return null;
      default: return null;
    }
  }

  @Override public String getMethodCallSyntax(String obj, String m, String... args) {
    return obj + "." + m + "(" + String.join(", ", args) + ")";
  }

  @Override public String getOutputStatement(String toDisplay) {
    StringBuilder sb = new StringBuilder();
    dev.tangent.spi.Display.quote(sb, toDisplay);
    return "print(" + sb + ")";
  }

  @Override public String getProgram(String... statements) {
    return String.join("\n", statements);
  }

  @Override public ScriptEngine getScriptEngine() {
    return new TangentScriptEngine(this, defaultModule);
  }
}
