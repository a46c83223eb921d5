package dev.tangent.spi;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An imported module: `import lie` binds `lie`, whose members are the module's exports. */
public final class ModuleValue implements HasMembers {
  private final String name;
  private final String doc;
  private final Map<String, Object> exports;

  public ModuleValue(String name, String doc, Map<String, Object> exports) {
    this.name = name;
    this.doc = doc;
    this.exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
  }

  public String name() { return name; }
  public String doc() { return doc; }
  public Map<String, Object> exports() { return exports; }

  @Override public Object member(String n) { return exports.get(n); }
  @Override public Collection<String> memberNames() { return exports.keySet(); }

  @Override public String toString() { return "<module " + name + ">"; }
}
