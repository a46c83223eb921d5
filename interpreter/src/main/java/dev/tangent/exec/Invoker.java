package dev.tangent.exec;

import dev.tangent.diag.Span;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Context;

/**
 * A function body compiled by a faster tier (the bytecode tier, dev.tangent.jit). Each compiled
 * function is its own hidden class overriding the callN method of its arity, so HotSpot profiles
 * and inlines every call site separately, which a shared tree of nodes cannot offer. Declared
 * here so that this package calls compiled bodies without knowing how they are made.
 */
public abstract class Invoker {
  public final FunctionCode code;
  public final Span[] spans;
  public final Object[] consts;
  public final int arity;

  /** Per call site (by span index): the method it called last (Members.Site), made on first use. */
  private final Members.Site[] methodSites;

  protected Invoker(FunctionCode code, Span[] spans, Object[] consts, int arity) {
    this.code = code;
    this.spans = spans;
    this.consts = consts;
    this.arity = arity;
    this.methodSites = new Members.Site[spans.length];
  }

  /** The memory of method call site i (racing threads may each make one: either is fine). */
  public final Members.Site methodSite(int i) {
    Members.Site s = methodSites[i];
    if (s == null) methodSites[i] = s = new Members.Site();
    return s;
  }

  /** All positional arguments, exactly {@code arity} of them. */
  public Object call(Closure self, Context ctx, Object[] args) {
    switch (args.length) {
      case 0: return call0(self, ctx);
      case 1: return call1(self, ctx, args[0]);
      case 2: return call2(self, ctx, args[0], args[1]);
      case 3: return call3(self, ctx, args[0], args[1], args[2]);
      case 4: return call4(self, ctx, args[0], args[1], args[2], args[3]);
      default: return callN(self, ctx, args);
    }
  }

  public Object call0(Closure self, Context ctx) { throw arity(0); }
  public Object call1(Closure self, Context ctx, Object a0) { throw arity(1); }
  public Object call2(Closure self, Context ctx, Object a0, Object a1) { throw arity(2); }
  public Object call3(Closure self, Context ctx, Object a0, Object a1, Object a2) { throw arity(3); }
  public Object call4(Closure self, Context ctx, Object a0, Object a1, Object a2, Object a3) { throw arity(4); }
  public Object callN(Closure self, Context ctx, Object[] args) { throw arity(args.length); }

  /**
   * A loop statement of a script compiled on its own (self is null): runs it in the script's
   * frame, whose slots hold the variables declared outside the loop. A for loop gets its
   * iterable evaluated (null for a while loop).
   */
  public Object runLoop(Closure self, Context ctx, Frame frame, Object iterable) {
    throw new IllegalStateException(code.name + ": not a compiled loop");
  }

  private IllegalStateException arity(int n) {
    return new IllegalStateException(code.name + " compiled for " + arity + " arguments, called with " + n);
  }

  /** Gives an error this site's position (if it has none) or records this function as a caller. */
  public final TangentError at(TangentError e, int site) {
    if (e.span() == null) e.locate(spans[site], code.name);
    else e.addCaller(code.name, spans[site]);
    return e;
  }

  /** Errors raised at a site of this function itself (not inside a callee). */
  public final TangentError here(TangentError e, int site) {
    return e.locate(spans[site], code.name);
  }
}
