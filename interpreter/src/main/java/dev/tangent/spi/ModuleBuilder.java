package dev.tangent.spi;

import dev.tangent.spi.Builtin;
import dev.tangent.spi.TypeInfo;
import dev.tangent.spi.TypeLike;
import dev.tangent.spi.Types;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects what a module exports while its define() runs. */
public final class ModuleBuilder {
  final String name;
  final Map<String, Object> exports = new LinkedHashMap<>();
  final Map<String, String> docs = new LinkedHashMap<>();

  ModuleBuilder(String name) {
    this.name = name;
  }

  public String name() { return name; }

  /** Exports a built-in function under its own name. */
  public ModuleBuilder function(Builtin b) {
    exports.put(b.name(), b);
    return this;
  }

  public ModuleBuilder functions(Builtin... bs) {
    for (Builtin b : bs) function(b);
    return this;
  }

  /** Exports a constant or any other value (a group, a type, a sub-module). */
  public ModuleBuilder value(String name, Object value, String doc) {
    exports.put(name, value);
    if (doc != null) docs.put(name, doc);
    return this;
  }

  /**
   * The methods and properties of a Java value class. Calling it again for the same class
   * extends the same table, so a module may add methods to another module's type.
   */
  public TypeInfo type(Class<?> javaClass, TypeLike type) {
    return Types.register(new TypeInfo(javaClass, type));
  }

  /** The method table of a core class (List, String...), to add methods to it. */
  public TypeInfo extend(Class<?> javaClass) {
    return Types.forClass(javaClass, Types.of(javaClass).type);
  }
}
