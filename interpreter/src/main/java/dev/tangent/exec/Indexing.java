package dev.tangent.exec;

import dev.tangent.spi.Display;
import dev.tangent.spi.Indexable;
import dev.tangent.spi.Ints;
import dev.tangent.spi.Iteration;
import dev.tangent.spi.Range;
import dev.tangent.spi.Slice;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import dev.tangent.spi.TangentError;

/** v[...] for the core types; other values implement {@link Indexable}. */
public final class Indexing {
  private Indexing() {}

  public static Object get(Object target, Object[] subs) {
    if (target instanceof TList l) return sequence(l.items, subs, "list", true);
    if (target instanceof Tuple t) return sequence(t.list(), subs, "tuple", false);
    if (target instanceof String s) return string(s, subs);
    if (target instanceof TMap m) {
      Object key = single(subs, "map");
      Object v = m.get(key);
      if (v == null && !m.has(key)) {
        throw TangentError.runtime("key " + Display.repr(key) + " not found in map");
      }
      return v;
    }
    if (target instanceof Range r) {
      Object s = single(subs, "range");
      if (s instanceof Slice sl) {
        Slice.Bounds b = sl.bounds((int) Math.min(r.length, Integer.MAX_VALUE));
        return new Range(r.at(b.start()), r.at(b.start()) + b.count() * r.step * b.step(), r.step * b.step(), false);
      }
      return r.at(Ints.index(s, (int) Math.min(r.length, Integer.MAX_VALUE), "range"));
    }
    if (target instanceof Indexable ix) return ix.getIndex(subs);
    throw TangentError.runtime(Types.typeName(target) + " cannot be indexed");
  }

  public static void set(Object target, Object[] subs, Object value) {
    if (target instanceof TList l) {
      Object s = single(subs, "list");
      if (s instanceof Slice sl) {
        Slice.Bounds b = sl.bounds(l.size());
        if (b.step() != 1) throw TangentError.runtime("assignment to a stepped list slice is not supported");
        TList src = Iteration.toList(value);
        int stop = Math.max(b.start(), b.stop());
        l.items.subList(b.start(), stop).clear();
        l.items.addAll(b.start(), src.items);
        return;
      }
      l.items.set(Ints.index(s, l.size(), "list"), value);
      return;
    }
    if (target instanceof TMap m) {
      m.put(single(subs, "map"), value);
      return;
    }
    if (target instanceof Indexable ix) {
      ix.setIndex(subs, value);
      return;
    }
    if (target instanceof Tuple || target instanceof String) {
      throw TangentError.runtime(Types.typeName(target) + " is immutable");
    }
    throw TangentError.runtime(Types.typeName(target) + " does not support item assignment");
  }

  private static Object single(Object[] subs, String what) {
    if (subs.length != 1) {
      throw TangentError.runtime("a " + what + " takes one subscript, got " + subs.length);
    }
    return subs[0];
  }

  private static Object sequence(java.util.List<Object> xs, Object[] subs, String what, boolean list) {
    Object s = single(subs, what);
    if (s instanceof Slice sl) {
      Slice.Bounds b = sl.bounds(xs.size());
      Object[] out = new Object[b.count()];
      for (int k = 0, i = b.start(); k < b.count(); k++, i += b.step()) out[k] = xs.get(i);
      return list ? TList.of(out) : new Tuple(out);
    }
    return xs.get(Ints.index(s, xs.size(), what));
  }

  private static Object string(String str, Object[] subs) {
    Object s = single(subs, "string");
    int[] cps = str.codePoints().toArray();
    if (s instanceof Slice sl) {
      Slice.Bounds b = sl.bounds(cps.length);
      StringBuilder sb = new StringBuilder();
      for (int k = 0, i = b.start(); k < b.count(); k++, i += b.step()) sb.appendCodePoint(cps[i]);
      return sb.toString();
    }
    return new String(Character.toChars(cps[Ints.index(s, cps.length, "string")]));
  }
}
