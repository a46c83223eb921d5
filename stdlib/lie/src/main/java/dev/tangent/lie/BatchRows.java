package dev.tangent.lie;

import dev.tangent.runtime.Slice;
import dev.tangent.runtime.TList;
import java.util.Iterator;
import java.util.function.IntFunction;

/** Row-major storage of n rows of {@code width} numbers, shared by element and tangent batches. */
final class BatchRows {
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
}
