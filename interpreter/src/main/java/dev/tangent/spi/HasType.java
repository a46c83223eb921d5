package dev.tangent.spi;

/** Values whose type depends on the instance (an SE3 element's type is the group SE3). */
public interface HasType {
  TypeLike type();
}
