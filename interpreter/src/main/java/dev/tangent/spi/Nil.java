package dev.tangent.spi;

/** The value nil. */
public final class Nil {
  public static final Nil NIL = new Nil();

  private Nil() {}

  @Override public String toString() { return "nil"; }
}
