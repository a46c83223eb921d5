package dev.tangent.spi;

import dev.tangent.spi.TangentError;
import java.util.List;

/**
 * The bound arguments of one built-in call, by parameter index (or name). Accessors convert and
 * fail with a message that names the function and the parameter.
 */
public final class Args {
  private final Builtin fn;
  private final Context ctx;
  private final Object[] values;
  private final List<Object> rest;
  private final TMap kwargs;

  Args(Builtin fn, Context ctx, Object[] values, List<Object> rest, TMap kwargs) {
    this.fn = fn;
    this.ctx = ctx;
    this.values = values;
    this.rest = rest;
    this.kwargs = kwargs;
  }

  public Context ctx() { return ctx; }
  public Builtin fn() { return fn; }

  /** The argument bound to parameter i, or null when it was not given. */
  public Object get(int i) { return values[i]; }

  public Object get(String name) {
    int i = fn.sig().indexOf(name);
    if (i < 0) throw new IllegalArgumentException(fn.name() + " has no parameter " + name);
    return values[i];
  }

  public Object get(int i, Object dflt) { return values[i] == null ? dflt : values[i]; }

  public boolean has(int i) { return values[i] != null; }

  /** Given and not nil. */
  public boolean present(int i) { return values[i] != null && values[i] != Nil.NIL; }

  public List<Object> rest() { return rest; }

  public TMap kwargs() { return kwargs == null ? new TMap() : kwargs; }

  public int count() { return values.length; }

  /** "f(): argument 'x'" for parameter i, for error messages (made once per parameter). */
  public String label(int i) { return fn.sig().argumentLabel(i); }

  private String pname(int i) {
    return fn.sig().params[i].name();
  }

  public TangentError typeError(int i, String expected) {
    if (values[i] instanceof Tracked) {
      return TangentError.runtime("diff: " + fn.name() + "() is not differentiable")
          .withHint("its argument '" + pname(i) + "' depends on diff's inputs, and " + fn.name()
              + "() would read its value without its derivative");
    }
    return TangentError.runtime(fn.name() + "(): argument '" + pname(i) + "' must be " + expected
        + ", got " + Types.typeName(values[i]));
  }

  public double num(int i) {
    Object v = values[i];
    if (v instanceof Double d) return d;
    throw typeError(i, "a Number");
  }

  public double num(int i, double dflt) {
    Object v = values[i];
    if (v == null || v == Nil.NIL) return dflt;
    return num(i);
  }

  public int integer(int i) {
    Object v = values[i];
    if (!(v instanceof Double)) throw typeError(i, "an integer");
    return Ints.toInt(v, fn.name() + "(): argument '" + pname(i) + "'");
  }

  public int integer(int i, int dflt) {
    Object v = values[i];
    if (v == null || v == Nil.NIL) return dflt;
    return integer(i);
  }

  public long longInt(int i, long dflt) {
    Object v = values[i];
    if (v == null || v == Nil.NIL) return dflt;
    if (!(v instanceof Double)) throw typeError(i, "an integer");
    return Ints.toLong(v, fn.name() + "(): argument '" + pname(i) + "'");
  }

  public String str(int i) {
    Object v = values[i];
    if (v instanceof String s) return s;
    throw typeError(i, "a String");
  }

  public String str(int i, String dflt) {
    Object v = values[i];
    if (v == null || v == Nil.NIL) return dflt;
    return str(i);
  }

  public boolean bool(int i, boolean dflt) {
    Object v = values[i];
    if (v == null || v == Nil.NIL) return dflt;
    if (v instanceof Boolean b) return b;
    throw typeError(i, "a Bool");
  }

  public TList list(int i) {
    Object v = values[i];
    if (v instanceof TList l) return l;
    throw typeError(i, "a List");
  }

  public Callable callable(int i) {
    Object v = values[i];
    if (v instanceof Callable c) return c;
    throw typeError(i, "a Function");
  }

  public <T> T as(int i, Class<T> type, String expected) {
    Object v = values[i];
    if (type.isInstance(v)) return type.cast(v);
    throw typeError(i, expected);
  }

  /** Calls a script function from a built-in (map, filter, sort keys...). */
  public Object call(Callable f, Object... args) {
    return f.call(ctx, args, null);
  }
}
