package dev.tangent.spi;

/**
 * Values that support v[i], v[i, j], v[a:b] and assignment into them. Each subscript is a
 * Double (an index), a {@link Slice}, or any other value (a mask, a key).
 */
public interface Indexable {
  Object getIndex(Object[] subscripts);

  default void setIndex(Object[] subscripts, Object value) {
    throw dev.tangent.spi.TangentError.runtime(Types.typeName(this) + " does not support item assignment");
  }
}
