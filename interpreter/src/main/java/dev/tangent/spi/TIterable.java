package dev.tangent.spi;

import java.util.Iterator;

/** Values that `for x in value` can walk. */
public interface TIterable {
  Iterator<Object> iterator();
}
