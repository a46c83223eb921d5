package dev.tangent.io.data;

import dev.tangent.io.array.NdArray;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Groups n consecutive elements into one, each field stacked along a new first axis. */
public final class Batched implements Source {
  private final Source src;
  private final int n;
  private final boolean dropLast;

  public Batched(Source src, int n, boolean dropLast) {
    this.src = src;
    this.n = n;
    this.dropLast = dropLast;
  }

  @Override public long size() {
    long s = src.size();
    if (s < 0) return -1;
    return dropLast ? s / n : (s + n - 1) / n;
  }

  @Override public boolean randomAccess() { return false; }
  @Override public String unit() { return "batches"; }

  @Override public ElementIterator open(int epoch) {
    ElementIterator up = src.open(epoch);
    return ElementIterator.of(new Iterator<>() {
      Element pending;

      @Override public boolean hasNext() {
        if (pending == null) pending = gather();
        return pending != null;
      }

      @Override public Element next() {
        if (!hasNext()) throw new NoSuchElementException();
        Element e = pending;
        pending = null;
        return e;
      }

      private Element gather() {
        Element[] group = new Element[n];
        int k = 0;
        while (k < n && up.hasNext()) group[k++] = up.next();
        if (k == 0 || (dropLast && k < n)) return null;
        int fields = group[0].parts().length;
        NdArray[] parts = new NdArray[fields];
        NdArray[] rows = new NdArray[k];
        for (int f = 0; f < fields; f++) {
          for (int i = 0; i < k; i++) {
            if (group[i].parts().length != fields) {
              throw dev.tangent.spi.TangentError.runtime("batch(): elements have different numbers of fields");
            }
            rows[i] = group[i].parts()[f];
          }
          parts[f] = Rows.stack(rows, k, "field " + f);
        }
        return new Element(parts);
      }
    }, up);
  }

  @Override public String describe() {
    return src.describe() + " | batch(" + n + (dropLast ? ", drop_last" : "") + ")";
  }
}
