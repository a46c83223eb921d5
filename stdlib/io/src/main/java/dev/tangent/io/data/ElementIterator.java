package dev.tangent.io.data;

import java.util.Iterator;

/** A pass over a source; close() releases open files when a loop stops early. */
public interface ElementIterator extends Iterator<Element>, AutoCloseable {
  @Override void close();

  static ElementIterator of(Iterator<Element> it, AutoCloseable resource) {
    return new ElementIterator() {
      @Override public boolean hasNext() { return it.hasNext(); }
      @Override public Element next() { return it.next(); }
      @Override public void close() {
        if (resource == null) return;
        try {
          resource.close();
        } catch (Exception e) {
          // Closing a read-only file: nothing to recover.
        }
      }
    };
  }
}
