package dev.tangent.spi;

import dev.tangent.spi.TangentError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The iteration protocol behind `for x in v`, list(v), map, filter... Ranges, lists and strings
 * poll the running evaluation's interrupt every 4096 items, so every built-in that walks
 * user-sized input through here (sum, max, sorted, any, ...) stops on Ctrl-C or interrupt().
 */
public final class Iteration {
  private Iteration() {}

  public static Iterator<Object> iterator(Object v) {
    if (v instanceof TList l) return listIterator(l);
    if (v instanceof Tuple t) return t.list().iterator();
    if (v instanceof Range r) return rangeIterator(r);
    if (v instanceof TMap m) return new ArrayList<Object>(m.entries.keySet()).iterator();
    if (v instanceof String s) return stringIterator(s);
    if (v instanceof TIterable it) return it.iterator();
    throw TangentError.runtime(Types.typeName(v) + " is not iterable");
  }

  /** Walks the live list by index, so appending inside the loop is seen (as in Python). */
  private static Iterator<Object> listIterator(TList l) {
    return new Iterator<>() {
      int i;
      @Override public boolean hasNext() { return i < l.items.size(); }
      @Override public Object next() {
        if (i >= l.items.size()) throw new NoSuchElementException();
        Context.pollEvery(i + 1);
        return l.items.get(i++);
      }
    };
  }

  private static Iterator<Object> rangeIterator(Range r) {
    return new Iterator<>() {
      long i;
      @Override public boolean hasNext() { return i < r.length; }
      @Override public Object next() {
        Context.pollEvery(i + 1);
        return r.at(i++);
      }
    };
  }

  private static Iterator<Object> stringIterator(String s) {
    return new Iterator<>() {
      int i;
      @Override public boolean hasNext() { return i < s.length(); }
      @Override public Object next() {
        Context.pollEvery(i + 1);
        int cp = s.codePointAt(i);
        int n = Character.charCount(cp);
        String out = s.substring(i, i + n);
        i += n;
        return out;
      }
    };
  }

  /**
   * All items of v in a new list. Polls the interrupt as it goes and refuses, before allocating,
   * a range longer than a list can hold or the interpreter's allocation ceiling allows.
   */
  public static TList toList(Object v) {
    if (v instanceof TList l) return new TList(l.items);
    if (v instanceof Range r) {
      if (r.length > Sizes.MAX_ARRAY) {
        throw TangentError.runtime("a range of " + String.format("%,d", r.length) + " items is too long for a list (at most about 2^31)");
      }
      Sizes.checkAllocation(r.length, "a list of " + String.format("%,d", r.length) + " items");
    }
    TList out = new TList();
    Iterator<Object> it = iterator(v);
    while (it.hasNext()) out.items.add(it.next());
    return out;
  }

  public static long length(Object v) {
    if (v instanceof TList l) return l.size();
    if (v instanceof String s) return s.codePointCount(0, s.length());
    if (v instanceof Tuple t) return t.size();
    if (v instanceof TMap m) return m.size();
    if (v instanceof Range r) return r.length;
    if (v instanceof Sized s) return s.length();
    throw TangentError.runtime("len() is not defined for " + Types.typeName(v));
  }
}
