package dev.tangent.nodes;

import dev.tangent.exec.Internal;
import dev.tangent.diag.Span;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Callable;
import dev.tangent.exec.Cell;
import dev.tangent.exec.Closure;
import dev.tangent.exec.ControlSignal;
import dev.tangent.exec.Frame;
import dev.tangent.exec.FunctionCode;
import dev.tangent.exec.Members;
import dev.tangent.spi.TypeLike;
import dev.tangent.spi.Types;

/** Calls, method calls, member reads and closure creation. */
public final class Calls {
  private Calls() {}

  /** f(args). Positional calls of user functions take a fast path straight into the new frame. */
  public static final class Call extends Node {
    private final Node callee;
    private final Node[] args;
    private final String[] names;   // null when all positional

    public Call(Span span, Node callee, Node[] args, String[] names) {
      super(span);
      this.callee = callee;
      this.args = args;
      this.names = names;
    }

    @Override public Object eval(Frame f) {
      Object fn = callee.eval(f);
      if (fn instanceof Closure c && names == null) {
        FunctionCode code = c.code;
        Node[] a = args;
        if (a.length == code.paramNames.length) {
          dev.tangent.exec.Invoker inv = code.invoker();
          if (inv != null) {
            Object[] args = new Object[a.length];
            for (int i = 0; i < a.length; i++) args[i] = a[i].eval(f);
            return invokeCompiled(f, c, inv, args);
          }
          Object[] slots = new Object[code.slotCount];
          for (int i = 0; i < a.length; i++) slots[i] = a[i].eval(f);
          return invoke(f, c, code, slots);
        }
      }
      Object[] values = new Object[args.length];
      for (int i = 0; i < values.length; i++) values[i] = args[i].eval(f);
      return callValue(f, fn, values, names, span);
    }

    private Object invokeCompiled(Frame f, Closure c, dev.tangent.exec.Invoker inv, Object[] args) {
      try {
        if (c.paramTypes != null) c.checkTypes(args);
        return inv.call(c, f.ctx, args);
      } catch (TangentError e) {
        throw located(e, f, span);
      } catch (StackOverflowError e) {
        throw located(c.code.stackOverflow(), f, span);
      }
    }

    private Object invoke(Frame f, Closure c, FunctionCode code, Object[] slots) {
      try {
        if (code.anyBoxedParam) code.boxParams(slots);
        if (c.paramTypes != null) c.checkTypes(slots);
        return code.run(new Frame(slots, c.upvalues, f.ctx, code));
      } catch (TangentError e) {
        throw located(e, f, span);
      } catch (StackOverflowError e) {
        throw located(code.stackOverflow(), f, span);
      }
    }
  }

  /** Calls any callable value with evaluated arguments, attaching positions to errors. */
  static Object callValue(Frame f, Object fn, Object[] values, String[] names, Span span) {
    if (!(fn instanceof Callable c)) {
      throw TangentError.runtime(Types.typeName(fn) + " is not callable").locate(span, f.code.name);
    }
    try {
      return c.call(f.ctx, values, names);
    } catch (TangentError e) {
      throw located(e, f, span);
    } catch (ControlSignal e) {
      throw e;
    } catch (StackOverflowError e) {
      throw located(TangentError.runtime("stack overflow in '" + c.name() + "' (recursion too deep)"), f, span);
    } catch (OutOfMemoryError e) {
      throw located(dev.tangent.spi.OutOfMemory.error(e, c.name() + "()"), f, span);
    } catch (RuntimeException e) {
      throw Internal.wrap(e, span, c.name() + "()");
    }
  }

  /** An error from a callee gets this call's position (if it had none) or this frame as a caller. */
  static TangentError located(TangentError e, Frame f, Span span) {
    if (e.span() == null) e.locate(span, f.code.name);
    else if (e.kind() != TangentError.Kind.INTERRUPT || !e.trace().isEmpty()) e.addCaller(f.code.name, span);
    return e;
  }

  /** x.name(args). */
  public static final class MethodCall extends Node {
    private final Node target;
    private final String name;
    private final Node[] args;
    private final String[] names;
    private final Members.Site site = new Members.Site();

    public MethodCall(Span span, Node target, String name, Node[] args, String[] names) {
      super(span);
      this.target = target;
      this.name = name;
      this.args = args;
      this.names = names;
    }

    @Override public Object eval(Frame f) {
      Object recv = target.eval(f);
      Object[] values = new Object[args.length];
      for (int i = 0; i < values.length; i++) values[i] = args[i].eval(f);
      try {
        return Members.call(f.ctx, recv, name, values, names, site);
      } catch (TangentError e) {
        throw located(e, f, span);
      } catch (ControlSignal e) {
        throw e;
      } catch (StackOverflowError e) {
        throw located(TangentError.runtime("stack overflow in '" + name + "' (recursion too deep)"), f, span);
      } catch (OutOfMemoryError e) {
        throw located(dev.tangent.spi.OutOfMemory.error(e, name + "()"), f, span);
      } catch (RuntimeException e) {
        throw Internal.wrap(e, span, Types.typeName(recv) + "." + name + "()");
      }
    }
  }

  public static final class MemberGet extends Node {
    private final Node target;
    private final String name;
    private final Members.Site site = new Members.Site();

    public MemberGet(Span span, Node target, String name) {
      super(span);
      this.target = target;
      this.name = name;
    }

    @Override public Object eval(Frame f) {
      Object recv = target.eval(f);
      try {
        return Members.get(f.ctx, recv, name, site);
      } catch (TangentError e) {
        throw located(e, f, span);
      } catch (RuntimeException e) {
        throw Internal.wrap(e, span, Types.typeName(recv) + "." + name);
      }
    }
  }

  /** Creates a closure, capturing cells from the enclosing frame. */
  public static final class Lambda extends Node {
    private final FunctionCode code;
    private final boolean[] fromParentLocal;
    private final int[] index;
    private final Node[] paramTypes;   // null, or one entry per parameter (null where none)

    public Lambda(Span span, FunctionCode code, boolean[] fromParentLocal, int[] index, Node[] paramTypes) {
      super(span);
      this.code = code;
      this.fromParentLocal = fromParentLocal;
      this.index = index;
      this.paramTypes = paramTypes;
    }

    @Override public Object eval(Frame f) {
      Cell[] up = new Cell[index.length];
      for (int i = 0; i < up.length; i++) {
        up[i] = fromParentLocal[i] ? (Cell) f.slots[index[i]] : f.upvalues[index[i]];
      }
      TypeLike[] types = null;
      if (paramTypes != null) {
        types = new TypeLike[paramTypes.length];
        for (int i = 0; i < types.length; i++) {
          if (paramTypes[i] == null) continue;
          Object t = paramTypes[i].eval(f);
          if (!(t instanceof TypeLike tl)) {
            throw TangentError.runtime("annotation of '" + code.paramNames[i] + "' is a " + Types.typeName(t)
                + ", not a type").locate(paramTypes[i].span, f.code.name);
          }
          types[i] = tl;
        }
      }
      return new Closure(code, up, types);
    }
  }
}
