package dev.tangent.spi;

import dev.tangent.spi.Nil;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Converts between Java values and Tangent values for embedders:
 * double/int/long to Number, String, Boolean, List, Map, null to nil, and (through a converter
 * the core module registers) double[][] and double[] to and from tensors.
 */
public final class Interop {
  private Interop() {}

  /** Extra conversions, registered by modules for their value types. */
  public interface Converter {
    /** The Tangent value for a Java value, or null if this converter does not handle it. */
    Object toTangent(Object java);

    /** The Java value for a Tangent value, or null if this converter does not handle it. */
    Object toJava(Object value);
  }

  private static final List<Converter> converters = new CopyOnWriteArrayList<>();

  public static void register(Converter c) {
    converters.add(c);
  }

  public static Object toTangent(Object v) {
    if (v == null) return Nil.NIL;
    if (v instanceof Double) return v;
    if (v instanceof Number n) return n.doubleValue();
    if (v instanceof Boolean || v instanceof String) return v;
    if (v instanceof CharSequence cs) return cs.toString();
    if (v instanceof Character c) return String.valueOf(c);
    for (Converter c : converters) {
      Object r = c.toTangent(v);
      if (r != null) return r;
    }
    if (v instanceof List<?> l) {
      TList out = new TList(l.size());
      for (Object x : l) out.items.add(toTangent(x));
      return out;
    }
    if (v instanceof Object[] arr) {
      TList out = new TList(arr.length);
      for (Object x : arr) out.items.add(toTangent(x));
      return out;
    }
    if (v instanceof Map<?, ?> m) {
      TMap out = new TMap();
      for (Map.Entry<?, ?> e : m.entrySet()) out.put(toTangent(e.getKey()), toTangent(e.getValue()));
      return out;
    }
    return v;
  }

  public static Object toJava(Object v) {
    if (v == Nil.NIL || v == null) return null;
    if (v instanceof Double || v instanceof String || v instanceof Boolean) return v;
    if (v instanceof TList l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object x : l.items) out.add(toJava(x));
      return out;
    }
    if (v instanceof Tuple t) {
      List<Object> out = new ArrayList<>(t.size());
      for (Object x : t.list()) out.add(toJava(x));
      return out;
    }
    if (v instanceof TMap m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<Object, Object> e : m.entries.entrySet()) out.put(toJava(e.getKey()), toJava(e.getValue()));
      return out;
    }
    for (Converter c : converters) {
      Object r = c.toJava(v);
      if (r != null) return r;
    }
    return v;
  }
}
