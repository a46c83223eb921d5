package dev.tangent.core;

import dev.tangent.spi.Interop;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Context;
import dev.tangent.spi.HasMembers;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Java classes and objects reached through java_class(), by reflection (only when permitted). */
final class JavaInterop {
  private JavaInterop() {}

  static final class ClassValue implements HasMembers {
    final Class<?> cls;

    ClassValue(Class<?> cls) { this.cls = cls; }

    @Override public Object member(String name) {
      if (name.equals("new")) return new Invoker(cls, null, "new");
      for (Field f : cls.getFields()) {
        if (f.getName().equals(name) && Modifier.isStatic(f.getModifiers())) {
          try {
            return Interop.toTangent(f.get(null));
          } catch (IllegalAccessException e) {
            throw TangentError.runtime("cannot read " + cls.getName() + "." + name);
          }
        }
      }
      for (Method m : cls.getMethods()) {
        if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers())) return new Invoker(cls, null, name);
      }
      return null;
    }

    @Override public Collection<String> memberNames() {
      Set<String> out = new LinkedHashSet<>();
      out.add("new");
      for (Method m : cls.getMethods()) if (Modifier.isStatic(m.getModifiers())) out.add(m.getName());
      return out;
    }

    @Override public String toString() { return "<java class " + cls.getName() + ">"; }
  }

  static final class ObjectValue implements HasMembers {
    final Object target;

    ObjectValue(Object target) { this.target = target; }

    @Override public Object member(String name) {
      for (Method m : target.getClass().getMethods()) {
        if (m.getName().equals(name) && !Modifier.isStatic(m.getModifiers())) return new Invoker(target.getClass(), target, name);
      }
      return null;
    }

    @Override public Collection<String> memberNames() {
      Set<String> out = new LinkedHashSet<>();
      for (Method m : target.getClass().getMethods()) if (!Modifier.isStatic(m.getModifiers())) out.add(m.getName());
      return out;
    }

    @Override public String toString() { return "<java " + target + ">"; }
  }

  /** Picks the overload whose parameter count matches and whose arguments convert. */
  static final class Invoker implements Callable {
    final Class<?> cls;
    final Object target;
    final String name;

    Invoker(Class<?> cls, Object target, String name) {
      this.cls = cls;
      this.target = target;
      this.name = name;
    }

    @Override public Object call(Context ctx, Object[] args, String[] names) {
      ctx.permissions.checkJava();
      if (names != null) throw TangentError.runtime("Java methods take positional arguments only");
      List<Executable> candidates = new ArrayList<>();
      if (name.equals("new")) {
        for (var c : cls.getConstructors()) candidates.add(c);
      } else {
        for (Method m : cls.getMethods()) {
          if (m.getName().equals(name) && (target == null) == Modifier.isStatic(m.getModifiers())) candidates.add(m);
        }
      }
      for (Executable e : candidates) {
        if (e.getParameterCount() != args.length) continue;
        Object[] converted = convert(e.getParameterTypes(), args);
        if (converted == null) continue;
        try {
          Object r = e instanceof Method m ? m.invoke(target, converted) : ((java.lang.reflect.Constructor<?>) e).newInstance(converted);
          if (e instanceof Method m && m.getReturnType() == void.class) return dev.tangent.spi.Nil.NIL;
          return wrap(r);
        } catch (InvocationTargetException ex) {
          throw TangentError.runtime("Java " + cls.getSimpleName() + "." + name + " threw " + ex.getCause());
        } catch (ReflectiveOperationException ex) {
          throw TangentError.runtime("cannot call Java " + cls.getSimpleName() + "." + name + ": " + ex.getMessage());
        }
      }
      throw TangentError.runtime("no Java method " + cls.getSimpleName() + "." + name + " takes these " + args.length + " arguments");
    }

    private static Object wrap(Object r) {
      Object v = Interop.toTangent(r);
      if (v == r && r != null && !(r instanceof dev.tangent.spi.Tuple)) return new ObjectValue(r);
      return v;
    }

    private static Object[] convert(Class<?>[] types, Object[] args) {
      Object[] out = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        Object a = args[i] instanceof ObjectValue ov ? ov.target : Interop.toJava(args[i]);
        Class<?> t = types[i];
        if (a instanceof Double d) {
          if (t == double.class || t == Double.class || t == Object.class || t == Number.class) out[i] = d;
          else if ((t == int.class || t == Integer.class) && d == Math.rint(d)) out[i] = d.intValue();
          else if ((t == long.class || t == Long.class) && d == Math.rint(d)) out[i] = d.longValue();
          else if (t == float.class || t == Float.class) out[i] = d.floatValue();
          else return null;
        } else if (a == null) {
          if (t.isPrimitive()) return null;
          out[i] = null;
        } else if (t.isPrimitive() ? box(t).isInstance(a) : t.isInstance(a)) {
          out[i] = a;
        } else {
          return null;
        }
      }
      return out;
    }

    private static Class<?> box(Class<?> p) {
      if (p == boolean.class) return Boolean.class;
      if (p == char.class) return Character.class;
      return Object.class;
    }

    @Override public String name() { return name; }
  }
}
