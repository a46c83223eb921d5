package dev.tangent.exec;

/** A mutable box: globals, and locals captured by closures, live in cells. */
public final class Cell {
  /** Marks a hoisted name whose definition has not run yet. */
  public static final Object UNINIT = new Object() {
    @Override public String toString() { return "<uninitialized>"; }
  };

  public Object value;

  public Cell() { this.value = UNINIT; }

  public Cell(Object value) { this.value = value; }
}
