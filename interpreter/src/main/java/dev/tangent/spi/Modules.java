package dev.tangent.spi;

import dev.tangent.spi.TangentError;
import dev.tangent.spi.ModuleValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The modules on the class path. Found once per class loader; each is defined on first use,
 * so an interpreter that never imports `nn` never loads its classes.
 */
public final class Modules {
  private static volatile Modules instance;

  private final Map<String, TangentModule> providers = new LinkedHashMap<>();
  private final Map<String, ModuleValue> defined = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> docs = new LinkedHashMap<>();

  private Modules(ClassLoader loader) {
    for (TangentModule m : ServiceLoader.load(TangentModule.class, loader)) {
      providers.putIfAbsent(m.name(), m);
    }
  }

  public static Modules get() {
    Modules m = instance;
    if (m == null) {
      synchronized (Modules.class) {
        if (instance == null) instance = new Modules(Modules.class.getClassLoader());
        m = instance;
      }
    }
    return m;
  }

  /** Names of all modules on the class path, defined or not. */
  public List<String> names() {
    return new ArrayList<>(providers.keySet());
  }

  public boolean has(String name) { return providers.containsKey(name); }

  public TangentModule provider(String name) { return providers.get(name); }

  /** The module as a value, defining it on first use; null when there is no such module. */
  public synchronized ModuleValue module(String name) {
    ModuleValue v = defined.get(name);
    if (v != null) return v;
    TangentModule m = providers.get(name);
    if (m == null) return null;
    ModuleBuilder b = new ModuleBuilder(name);
    try {
      m.define(b);
    } catch (RuntimeException e) {
      throw new TangentError(TangentError.Kind.INTERNAL, "module '" + name + "' failed to load: " + e, null, e);
    }
    v = new ModuleValue(name, m.doc(), b.exports);
    defined.put(name, v);
    docs.put(name, b.docs);
    return v;
  }

  /** Docs of exported constants (functions carry their own). */
  public Map<String, String> docs(String module) {
    module(module);
    return docs.getOrDefault(module, Collections.emptyMap());
  }

  /** The names every program sees without importing: the exports of prelude modules. */
  public synchronized Map<String, Object> prelude() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (TangentModule m : providers.values()) {
      if (m.prelude()) out.putAll(module(m.name()).exports());
    }
    return out;
  }
}
