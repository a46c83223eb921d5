package dev.tangent.spi;

import java.util.Collections;
import java.util.HashMap;
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
  /** The module that declared each member (null: declared outside any module's define()). */
  private final Map<String, String> owners = new HashMap<>();

  public TypeInfo(Class<?> javaClass, TypeLike type) {
    this.javaClass = javaClass;
    this.type = type;
  }

  /**
   * Adds a method. A second member of the same name on the same class is an error at definition
   * time, so that one module cannot silently replace another's method.
   */
  public TypeInfo method(Builtin b) {
    claim(b.name(), "method");
    methods.put(b.name(), b);
    Types.invalidate();
    return this;
  }

  public TypeInfo property(Builtin b) {
    claim(b.name(), "property");
    properties.put(b.name(), b);
    Types.invalidate();
    return this;
  }

  /** Replaces a method on purpose (call sites that remembered the old one see the change). */
  public TypeInfo replaceMethod(Builtin b) {
    methods.put(b.name(), b);
    Types.invalidate();
    return this;
  }

  /** Replaces a property on purpose. */
  public TypeInfo replaceProperty(Builtin b) {
    properties.put(b.name(), b);
    Types.invalidate();
    return this;
  }

  private synchronized void claim(String name, String kind) {
    String owner = Types.definingModule();
    if (methods.containsKey(name) || properties.containsKey(name)) {
      String first = owners.get(name);
      String who = owner == null ? "Java code" : "module '" + owner + "'";
      String before = first == null ? "" : (first.equals(owner) ? " (itself, earlier)" : " by module '" + first + "'");
      throw TangentError.runtime(who + " defines " + kind + " '" + name + "' on " + type.typeName()
          + ", which is already defined" + before)
          .withHint("members of a type belong to one module each: choose another name");
    }
    owners.put(name, owner);
  }

  /** The module that declared a member, or null. */
  public String owner(String name) { return owners.get(name); }

  public Builtin method(String name) { return methods.get(name); }
  public Builtin property(String name) { return properties.get(name); }
  public Map<String, Builtin> methods() { return Collections.unmodifiableMap(methods); }
  public Map<String, Builtin> properties() { return Collections.unmodifiableMap(properties); }

  void mergeFrom(TypeInfo other) {
    other.methods.forEach(methods::putIfAbsent);
    other.properties.forEach(properties::putIfAbsent);
  }
}
