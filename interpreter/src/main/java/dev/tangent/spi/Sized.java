package dev.tangent.spi;

/** Values that len(x) can measure. */
public interface Sized {
  long length();
}
