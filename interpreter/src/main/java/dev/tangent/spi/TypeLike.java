package dev.tangent.spi;

/** A value that names a type: what type(x) returns and what annotations such as x: SE3 name. */
public interface TypeLike {
  String typeName();

  boolean isInstance(Object value);
}
