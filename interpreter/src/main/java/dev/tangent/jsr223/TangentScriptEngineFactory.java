package dev.tangent.jsr223;

import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;

/**
 * JSR-223 registration of the plain language: names "tangent", extension "tg". Modules that declare
 * script extensions (lie: .lie, drdm: .drdm) register a {@link ModuleScriptEngineFactory} of their
 * own, whose engines start with the module imported, so getEngineByExtension("lie") behaves like
 * `tangent run x.lie`.
 */
public class TangentScriptEngineFactory implements ScriptEngineFactory {
  static final String VERSION = Version.get();

  @Override public String getEngineName() { return "Tangent"; }
  @Override public String getEngineVersion() { return VERSION; }
  @Override public List<String> getExtensions() { return List.of("tg"); }
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
    return new TangentScriptEngine(this, null);
  }
}
