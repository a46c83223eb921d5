package dev.tangent.exec;

import dev.tangent.spi.Context;
import dev.tangent.diag.Span;
import dev.tangent.spi.TangentError;

/**
 * A compiled function body with its frame layout. Parameters occupy the first slots; a
 * parameter captured by an inner function is boxed in a Cell on entry.
 */
public final class FunctionCode {
  public final String name;
  public final String doc;
  public final Span span;
  public final String[] paramNames;
  public final int required;
  public FrameExpr[] defaults;     // null entries for required parameters
  public boolean[] boxedParams;
  public boolean anyBoxedParam;
  public int slotCount;
  public Body body;
  public String signatureText;
  /** The way to the bytecode tier; null once compiled or found ineligible. */
  public Promotion promotion;
  /** The bytecode-compiled body, used by call sites once the function is hot. */
  public Invoker compiled;
  /** The names it uses from outside itself (null for a script's top level). */
  public OutsideNames outside;
  private int calls;

  public FunctionCode(String name, String doc, Span span, String[] paramNames, int required) {
    this.name = name;
    this.doc = doc;
    this.span = span;
    this.paramNames = paramNames;
    this.required = required;
  }

  public int paramCount() { return paramNames.length; }

  /** Runs the body in a fresh frame whose parameter slots are already filled (and boxed). */
  public Object run(Frame f) {
    Promotion p = promotion;
    if (p != null && ++calls >= p.threshold()) promote();
    Context ctx = f.ctx;
    if (--ctx.budget < 0) ctx.poll();
    if (++ctx.depth > ctx.maxDepth) {
      ctx.depth--;
      throw stackOverflow();
    }
    try {
      return body.run(f);
    } catch (ControlSignal s) {
      return f.ret;
    } finally {
      ctx.depth--;
    }
  }

  /** The bytecode body for this call, compiling it now when the function is eager. */
  public Invoker invoker() {
    Promotion p = promotion;
    if (p != null && p.eager()) promote();
    return compiled;
  }

  /** Compiles the body to bytecode; later calls through call sites use it. */
  private void promote() {
    Promotion p = promotion;
    promotion = null;
    if (p != null) compiled = p.compile(this);
  }

  public TangentError stackOverflow() {
    return TangentError.runtime("stack overflow in '" + name + "' (recursion too deep)");
  }

  /** Boxes captured parameters after the positional fast path filled the slots. */
  public void boxParams(Object[] slots) {
    boolean[] bx = boxedParams;
    for (int i = 0; i < bx.length; i++) if (bx[i]) slots[i] = new Cell(slots[i]);
  }

  /** The general binding path: named arguments, defaults, arity errors. */
  public Frame bind(Closure c, Context ctx, Object[] args, String[] names) {
    int n = paramNames.length;
    int nNamed = names == null ? 0 : names.length;
    int nPos = args.length - nNamed;
    if (nPos > n) {
      throw TangentError.runtime("too many arguments to " + name + "(): expected at most " + n + ", got " + nPos);
    }
    Object[] given = new Object[n];
    System.arraycopy(args, 0, given, 0, nPos);
    for (int j = 0; j < nNamed; j++) {
      int i = indexOf(names[j]);
      if (i < 0) {
        throw TangentError.runtime("unknown argument '" + names[j] + "' for " + name + "()")
            .withHint("the parameters are " + signatureText);
      }
      if (given[i] != null) throw TangentError.runtime("argument '" + names[j] + "' of " + name + "() given twice");
      given[i] = args[nPos + j];
    }
    Object[] slots = new Object[slotCount];
    Frame f = new Frame(slots, c.upvalues, ctx, this);
    for (int i = 0; i < n; i++) {
      Object v = given[i];
      if (v == null) {
        if (defaults == null || defaults[i] == null) {
          throw TangentError.runtime("missing argument '" + paramNames[i] + "' for " + name + "()")
              .withHint("the parameters are " + signatureText);
        }
        v = defaults[i].eval(f);
      }
      slots[i] = boxedParams[i] ? new Cell(v) : v;
    }
    return f;
  }

  public int indexOf(String pname) {
    for (int i = 0; i < paramNames.length; i++) if (paramNames[i].equals(pname)) return i;
    return -1;
  }
}
