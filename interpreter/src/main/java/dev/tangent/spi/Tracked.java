package dev.tangent.spi;

/**
 * A value that carries a derivative (the lie module's diff(): a number, vector or group element
 * together with its Jacobian). A built-in that reads only the plain value would silently drop the
 * derivative, so {@link Args}' typed accessors reject tracked values with "diff: f() is not
 * differentiable" instead of converting them.
 */
public interface Tracked {
  /**
   * tensor(nested) for nested lists whose leaves include tracked values (this one among them):
   * the tracked tensor, or an error saying why it cannot be built.
   */
  Object tensorOf(Object nested);

  /** The first tracked leaf of a value or of nested lists and tuples, or null. */
  static Tracked find(Object v) {
    if (v instanceof Tracked t) return t;
    java.util.List<Object> items = v instanceof TList l ? l.items : v instanceof Tuple t ? t.list() : null;
    if (items == null) return null;
    for (Object x : items) {
      Tracked t = find(x);
      if (t != null) return t;
    }
    return null;
  }
}
