package dev.tangent.spi;

/**
 * A function implemented in Java, declared beside its implementation with its signature and
 * doc string, and called exactly like a user function.
 * <pre>
 *   Builtin.of("hypot(x, y)", "Length of the vector (x, y).", a -> Math.hypot(a.num(0), a.num(1)))
 * </pre>
 */
public final class Builtin implements Callable {
  @FunctionalInterface
  public interface Impl {
    Object apply(Args a);
  }

  private final Signature sig;
  private final String doc;
  private final Impl impl;

  public Builtin(Signature sig, String doc, Impl impl) {
    this.sig = sig;
    this.doc = doc;
    this.impl = impl;
  }

  public static Builtin of(String signature, String doc, Impl impl) {
    return new Builtin(Signature.parse(signature), doc, impl);
  }

  /**
   * Every built-in function and method comes through here: an interrupt that arrived while a
   * native call could not be stopped is honoured as soon as it returns, and running out of memory
   * becomes a language error naming the built-in.
   */
  @Override public Object call(Context ctx, Object[] args, String[] names) {
    // Some callers (property reads inside other built-ins) pass no context.
    if (ctx != null) ctx.checkInterrupt();
    Object r;
    try {
      r = impl.apply(sig.bind(this, ctx, args, names));
    } catch (OutOfMemoryError e) {
      throw OutOfMemory.error(e, sig.name + "()");
    }
    if (ctx != null) ctx.checkInterrupt();
    return r == null ? Nil.NIL : r;
  }

  @Override public String name() { return sig.name; }
  @Override public String signature() { return sig.text; }
  @Override public String doc() { return doc; }
  public Signature sig() { return sig; }

  @Override public String toString() { return "<builtin " + sig.text + ">"; }
}
