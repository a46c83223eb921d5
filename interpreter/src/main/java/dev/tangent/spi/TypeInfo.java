package dev.tangent.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The methods and properties of one Java value class, as the language sees them.
 * Methods are built-ins whose first parameter is self; properties are built-ins of self alone.
 */
public final class TypeInfo {
  public final Class<?> javaClass;
  public final TypeLike type;
  private final Map<String, Builtin> methods = new LinkedHashMap<>();
  private final Map<String, Builtin> properties = new LinkedHashMap<>();

  public TypeInfo(Class<?> javaClass, TypeLike type) {
    this.javaClass = javaClass;
    this.type = type;
  }

  public TypeInfo method(Builtin b) {
    methods.put(b.name(), b);
    Types.invalidate();
    return this;
  }

  public TypeInfo property(Builtin b) {
    properties.put(b.name(), b);
    Types.invalidate();
    return this;
  }

  public Builtin method(String name) { return methods.get(name); }
  public Builtin property(String name) { return properties.get(name); }
  public Map<String, Builtin> methods() { return Collections.unmodifiableMap(methods); }
  public Map<String, Builtin> properties() { return Collections.unmodifiableMap(properties); }

  void mergeFrom(TypeInfo other) {
    other.methods.forEach(methods::putIfAbsent);
    other.properties.forEach(properties::putIfAbsent);
  }
}
