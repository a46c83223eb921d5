package dev.tangent.lie.batch;

import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.BoundMethod;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Slice;
import dev.tangent.spi.TList;
import dev.tangent.spi.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/** Row-major storage of n rows of {@code width} numbers, shared by element and tangent batches. */
public final class BatchRows {
  private BatchRows() {}

  /** The rows a slice picks, copied into a fresh array. */
  static double[] select(double[] data, int width, Slice.Bounds b) {
    double[] out = new double[b.count() * width];
    for (int k = 0, i = b.start(); k < b.count(); k++, i += b.step()) {
      System.arraycopy(data, i * width, out, k * width, width);
    }
    return out;
  }

  /** The rows as a list of lists of numbers, for json(). */
  static TList toList(double[] data, int n, int width) {
    TList rows = new TList();
    for (int i = 0; i < n; i++) {
      TList row = new TList();
      for (int k = 0; k < width; k++) row.items.add(Values.clean(data[i * width + k]));
      rows.items.add(row);
    }
    return rows;
  }

  /** Iterates rows 0..n-1 as the values {@code get} makes of them. */
  static Iterator<Object> iterator(int n, IntFunction<Object> get) {
    return new Iterator<>() {
      int i;

      @Override public boolean hasNext() { return i < n; }

      @Override public Object next() { return get.apply(i++); }
    };
  }

  /**
   * A batch's members: its group, and those methods of the single-value type (element or
   * tangent) that work element by element, bound to the batch.
   */
  static Object member(Object batch, GroupValue group, String name, Set<String> methods, Class<?> single) {
    if (name.equals("group")) return group;
    if (!methods.contains(name)) return null;
    Builtin m = Types.of(single).method(name);
    return m == null ? null : new BoundMethod(batch, m);
  }

  static Collection<String> memberNames(Set<String> methods) {
    List<String> out = new ArrayList<>(methods);
    out.add("group");
    return out;
  }
}
