package dev.tangent.resolve;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names a program is resolved against: its session's globals, the imported names and the
 * prelude (core built-ins), in that order of precedence.
 */
public final class Environment {
  public final Map<String, GlobalVar> globals = new LinkedHashMap<>();
  public final Map<String, Object> imports = new LinkedHashMap<>();
  /** The modules imported so far, by name, in order (whatever names the imports bound). */
  public final java.util.Set<String> importedModules = new java.util.LinkedHashSet<>();
  public final Map<String, Object> prelude;
  /** Finds a module's exports by name, or returns null for an unknown module. */
  public final ModuleLookup modules;

  public interface ModuleLookup {
    /** The module as a value (bound by `import m`), or null when no such module exists. */
    Object module(String name);

    /** The exports of a module returned by {@link #module}. */
    Map<String, Object> exports(Object module);

    /** Why this interpreter may not import the module (its host refused it), or null. */
    default String refusal(String name) { return null; }
  }

  public Environment(Map<String, Object> prelude, ModuleLookup modules) {
    this.prelude = prelude;
    this.modules = modules;
  }
}
