package dev.tangent.runtime;

import java.util.Iterator;

/** Values that `for x in value` can walk. */
public interface TIterable {
  Iterator<Object> iterator();
}
