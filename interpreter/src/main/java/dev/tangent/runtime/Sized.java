package dev.tangent.runtime;

/** Values that len(x) can measure. */
public interface Sized {
  long length();
}
