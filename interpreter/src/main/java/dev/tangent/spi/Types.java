package dev.tangent.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registry of value types. Modules register a TypeInfo per Java class they expose; lookups walk
 * superclasses and interfaces, so a method declared for an interface serves every implementation.
 * Method tables are stateless, so one registry serves every interpreter in the JVM.
 */
public final class Types {
  private Types() {}

  public static final TypeValue NUMBER = new TypeValue("Number", v -> v instanceof Double, "64-bit floating-point numbers; integral values serve as integers.");
  public static final TypeValue STRING = new TypeValue("String", v -> v instanceof String, "Immutable text.");
  public static final TypeValue BOOL = new TypeValue("Bool", v -> v instanceof Boolean, "true or false.");
  public static final TypeValue NIL = new TypeValue("Nil", v -> v == Nil.NIL, "The type of nil.");
  public static final TypeValue LIST = new TypeValue("List", v -> v instanceof TList, "Mutable lists: [1, 2, 3].");
  public static final TypeValue MAP = new TypeValue("Map", v -> v instanceof TMap, "Insertion-ordered maps and records: {a: 1, \"b\": 2}.");
  public static final TypeValue TUPLE = new TypeValue("Tuple", v -> v instanceof Tuple, "Immutable tuples: (1, 2).");
  public static final TypeValue RANGE = new TypeValue("Range", v -> v instanceof Range, "Integer ranges: 0..n (end excluded), 0..=n (end included).");
  public static final TypeValue FUNCTION = new TypeValue("Function", v -> v instanceof Callable && !(v instanceof TypeLike), "Functions, lambdas and built-ins.");
  public static final TypeValue TYPE = new TypeValue("Type", v -> v instanceof TypeLike, "Types such as Number, or a group such as SE3.");
  public static final TypeValue MODULE = new TypeValue("Module", v -> v instanceof ModuleValue, "An imported module.");
  public static final TypeValue ANY = new TypeValue("Any", v -> true, "Every value.");

  private static final Map<Class<?>, TypeInfo> registered = new ConcurrentHashMap<>();
  private static final Map<Class<?>, TypeInfo> resolved = new ConcurrentHashMap<>();
  private static final TypeInfo NONE = new TypeInfo(Object.class, ANY);

  static {
    register(new TypeInfo(Double.class, NUMBER));
    register(new TypeInfo(String.class, STRING));
    register(new TypeInfo(Boolean.class, BOOL));
    register(new TypeInfo(Nil.class, NIL));
    register(new TypeInfo(TList.class, LIST));
    register(new TypeInfo(TMap.class, MAP));
    register(new TypeInfo(Tuple.class, TUPLE));
    register(new TypeInfo(Range.class, RANGE));
    register(new TypeInfo(Callable.class, FUNCTION));   // user functions and any other callable value
    register(new TypeInfo(Builtin.class, FUNCTION));
    register(new TypeInfo(BoundMethod.class, FUNCTION));
    register(new TypeInfo(ModuleValue.class, MODULE));
    register(new TypeInfo(TypeValue.class, TYPE));
  }

  private static final ThreadLocal<String> DEFINING = new ThreadLocal<>();

  /** The module whose define() runs on this thread (members it declares are recorded as its own). */
  public static String definingModule() { return DEFINING.get(); }

  /** Runs a module's definition with its name recorded (see TypeInfo.method). */
  public static void defining(String module, Runnable define) {
    String saved = DEFINING.get();
    DEFINING.set(module);
    try {
      define.run();
    } finally {
      DEFINING.set(saved);
    }
  }

  /** Adds (or extends) the type info of a class. Later registrations add methods, never replace. */
  public static synchronized TypeInfo register(TypeInfo info) {
    TypeInfo existing = registered.get(info.javaClass);
    if (existing != null) {
      existing.mergeFrom(info);
    } else {
      registered.put(info.javaClass, info);
    }
    resolved.clear();
    return registered.get(info.javaClass);
  }

  static void invalidate() {
    resolved.clear();
    version++;
  }

  /** Changes whenever a type gains a method or property: call sites that remember one check it. */
  private static volatile int version;

  public static int version() {
    return version;
  }

  /** The type info registered for exactly this class, created on first use. */
  public static synchronized TypeInfo forClass(Class<?> c, TypeLike type) {
    return registered.computeIfAbsent(c, k -> new TypeInfo(k, type));
  }

  /** The merged type info of a value's class: its own, then superclasses', then interfaces'. */
  public static TypeInfo of(Class<?> c) {
    TypeInfo t = resolved.get(c);
    if (t != null) return t;
    List<TypeInfo> chain = new ArrayList<>();
    collect(c, chain);
    if (chain.isEmpty()) {
      resolved.put(c, NONE);
      return NONE;
    }
    TypeInfo merged = new TypeInfo(c, chain.get(0).type);
    for (TypeInfo ti : chain) merged.mergeFrom(ti);
    resolved.put(c, merged);
    return merged;
  }

  private static void collect(Class<?> c, List<TypeInfo> out) {
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      TypeInfo t = registered.get(k);
      if (t != null && !out.contains(t)) out.add(t);
    }
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      for (Class<?> i : k.getInterfaces()) collectInterface(i, out);
    }
  }

  private static void collectInterface(Class<?> i, List<TypeInfo> out) {
    TypeInfo t = registered.get(i);
    if (t != null && !out.contains(t)) out.add(t);
    for (Class<?> s : i.getInterfaces()) collectInterface(s, out);
  }

  /** Every registered class whose values have this type (for help and completion). */
  public static List<TypeInfo> infosFor(TypeLike type) {
    List<TypeInfo> out = new ArrayList<>();
    for (TypeInfo t : registered.values()) if (t.type == type) out.add(of(t.javaClass));
    return out;
  }

  /** What type(x) returns. */
  public static TypeLike typeOf(Object v) {
    if (v instanceof HasType h) return h.type();
    if (v instanceof TypeLike) return TYPE;
    if (v == null) return NIL;
    return of(v.getClass()).type;
  }

  public static String typeName(Object v) {
    return typeOf(v).typeName();
  }
}
