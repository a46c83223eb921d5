package dev.tangent.spi;

import java.util.Arrays;
import java.util.List;

/** An immutable tuple, as returned by functions with several results. */
public final class Tuple {
  public static final Tuple EMPTY = new Tuple(new Object[0]);

  private final Object[] items;

  public Tuple(Object... items) { this.items = items; }

  public static Tuple of(Object... items) { return new Tuple(items); }

  public int size() { return items.length; }
  public Object get(int i) { return items[i]; }
  public List<Object> list() { return Arrays.asList(items); }
  public Object[] toArray() { return items.clone(); }

  @Override public boolean equals(Object o) {
    return o instanceof Tuple t && Operators.equalLists(Arrays.asList(items), Arrays.asList(t.items));
  }

  @Override public int hashCode() {
    int h = 7;
    for (Object x : items) h = h * 31 + Operators.hash(x);
    return h;
  }

  @Override public String toString() { return Display.repr(this); }
}
