package dev.tangent.spi;

import dev.tangent.spi.TangentError;
import dev.tangent.spi.ModuleValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The modules on the class path. Found once per class loader; each is defined on first use,
 * so an interpreter that never imports `nn` never loads its classes.
 */
public final class Modules {
  private static volatile Modules instance;

  private final Map<String, TangentModule> providers = new LinkedHashMap<>();
  private final Map<String, ModuleValue> defined = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> docs = new LinkedHashMap<>();
  /** File extension (without the dot) to the module whose scripts carry it. */
  private final Map<String, String> extensions = new LinkedHashMap<>();

  private Modules(ClassLoader loader) {
    for (TangentModule m : Services.load(TangentModule.class, loader)) {
      if (providers.putIfAbsent(m.name(), m) != null) continue;
      for (String ext : m.extensions()) {
        String other = extensions.putIfAbsent(ext, m.name());
        if (other != null) {
          throw new TangentError(TangentError.Kind.INTERNAL, "modules '" + other + "' and '" + m.name()
              + "' both declare the file extension ." + ext, null);
        }
      }
    }
  }

  /** Every declared file extension (without the dot), mapped to its module. */
  public Map<String, String> extensions() { return Collections.unmodifiableMap(extensions); }

  /**
   * The module a script file starts with imported: the one that declares its extension, or null
   * for a file without an extension or with the prelude's (`.tg`, plain Tangent). A file whose
   * extension no module on the class path declares is an error that says which extensions there are.
   */
  public String moduleForScript(String fileName) {
    String base = fileName.substring(fileName.lastIndexOf('/') + 1);
    int dot = base.lastIndexOf('.');
    if (dot <= 0) return null;
    String ext = base.substring(dot + 1);
    String module = extensions.get(ext);
    if (module != null) return providers.get(module).prelude() ? null : module;
    StringBuilder known = new StringBuilder();
    extensions.forEach((e, mod) -> known.append(known.length() == 0 ? "" : ", ").append('.').append(e).append(" (").append(mod).append(')'));
    throw TangentError.runtime("cannot run " + base + ": no module on the class path declares the extension ." + ext)
        .withHint(known.length() == 0 ? "no module declares a script extension" : "script extensions: " + known);
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
      Types.defining(name, () -> m.define(b));
    } catch (TangentError e) {
      throw e;
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
