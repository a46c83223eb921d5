package dev.tangent.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The map/record value: insertion-ordered. Keys are normalised so that 1 and 1.0 (and 0 and -0)
 * are the same key. Record fields are string keys, read as m.name.
 */
public final class TMap {
  public final LinkedHashMap<Object, Object> entries;

  public TMap() { this.entries = new LinkedHashMap<>(); }

  public TMap(Map<?, ?> m) {
    this.entries = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) put(e.getKey(), e.getValue());
  }

  public static Object key(Object k) {
    if (k instanceof Double d && d == 0.0) return 0.0;
    return k;
  }

  public Object get(Object k) { return entries.get(key(k)); }
  public void put(Object k, Object v) { entries.put(key(k), v); }
  public boolean has(Object k) { return entries.containsKey(key(k)); }
  public int size() { return entries.size(); }

  @Override public boolean equals(Object o) {
    if (!(o instanceof TMap m) || m.entries.size() != entries.size()) return false;
    for (Map.Entry<Object, Object> e : entries.entrySet()) {
      if (!m.entries.containsKey(e.getKey())) return false;
      if (!Operators.valueEquals(e.getValue(), m.entries.get(e.getKey()))) return false;
    }
    return true;
  }

  @Override public int hashCode() { return entries.keySet().hashCode(); }

  @Override public String toString() { return Display.repr(this); }
}
