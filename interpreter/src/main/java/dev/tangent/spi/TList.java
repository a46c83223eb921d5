package dev.tangent.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The mutable list value. */
public final class TList {
  public final ArrayList<Object> items;

  public TList() { this.items = new ArrayList<>(); }

  public TList(int capacity) { this.items = new ArrayList<>(capacity); }

  public TList(Collection<?> items) { this.items = new ArrayList<>(items); }

  public static TList of(Object... xs) {
    TList l = new TList(xs.length);
    for (Object x : xs) l.items.add(x);
    return l;
  }

  public int size() { return items.size(); }
  public Object get(int i) { return items.get(i); }
  public List<Object> list() { return items; }

  @Override public boolean equals(Object o) {
    return o instanceof TList other && Operators.equalLists(items, other.items);
  }

  @Override public int hashCode() { return items.hashCode(); }

  @Override public String toString() { return Display.repr(this); }
}
