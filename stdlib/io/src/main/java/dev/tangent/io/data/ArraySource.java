package dev.tangent.io.data;

import dev.tangent.io.array.NdArray;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** In-memory arrays with the same first dimension: element i is (a[i], b[i], ...). */
public final class ArraySource implements Source {
  private final NdArray[] arrays;

  public ArraySource(NdArray[] arrays) {
    this.arrays = arrays;
  }

  @Override public long size() { return arrays[0].shape[0]; }
  @Override public boolean randomAccess() { return true; }

  @Override public RandomReader random() {
    return this::get;
  }

  private Element get(long i) {
    NdArray[] parts = new NdArray[arrays.length];
    for (int k = 0; k < parts.length; k++) parts[k] = Rows.row(arrays[k], i);
    return new Element(parts);
  }

  @Override public ElementIterator open(int epoch) {
    return ElementIterator.of(new Iterator<>() {
      long i;
      @Override public boolean hasNext() { return i < size(); }
      @Override public Element next() {
        if (i >= size()) throw new NoSuchElementException();
        return get(i++);
      }
    }, null);
  }

  @Override public String describe() {
    StringBuilder sb = new StringBuilder("tensors(");
    for (int k = 0; k < arrays.length; k++) sb.append(k > 0 ? ", " : "").append(Rows.describe(arrays[k].dtype, arrays[k].shape));
    return sb.append(')').toString();
  }
}
