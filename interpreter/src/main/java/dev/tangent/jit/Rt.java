package dev.tangent.jit;

import dev.tangent.exec.Invoker;
import dev.tangent.spi.BinOp;
import dev.tangent.spi.UnOp;
import dev.tangent.spi.TangentError;
import dev.tangent.exec.Internal;
import dev.tangent.exec.Unpacking;
import dev.tangent.spi.Callable;
import dev.tangent.exec.Cell;
import dev.tangent.exec.Closure;
import dev.tangent.spi.Context;
import dev.tangent.exec.ControlSignal;
import dev.tangent.spi.Display;
import dev.tangent.exec.Indexing;
import dev.tangent.spi.Iteration;
import dev.tangent.exec.Members;
import dev.tangent.spi.Nil;
import dev.tangent.spi.Operators;
import dev.tangent.spi.Range;
import dev.tangent.spi.Slice;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.util.Iterator;
import java.util.List;

/**
 * Runtime helpers called by compiled code. Fast paths are tiny static methods HotSpot inlines
 * into each caller; slow paths carry the invoker and site index to locate errors.
 */
public final class Rt {
  private Rt() {}

  // ------------------------------------------------------------------ arithmetic

  public static Object add(Object a, Object b, Invoker in, int site) {
    if (a instanceof Double x && b instanceof Double y) return dev.tangent.spi.Num.box(x + y);
    return binary(BinOp.ADD, a, b, in, site);
  }

  public static Object sub(Object a, Object b, Invoker in, int site) {
    if (a instanceof Double x && b instanceof Double y) return dev.tangent.spi.Num.box(x - y);
    return binary(BinOp.SUB, a, b, in, site);
  }

  public static Object mul(Object a, Object b, Invoker in, int site) {
    if (a instanceof Double x && b instanceof Double y) return dev.tangent.spi.Num.box(x * y);
    return binary(BinOp.MUL, a, b, in, site);
  }

  public static Object div(Object a, Object b, Invoker in, int site) {
    if (a instanceof Double x && b instanceof Double y) return dev.tangent.spi.Num.box(x / y);
    return binary(BinOp.DIV, a, b, in, site);
  }

  public static Object binary(BinOp op, Object a, Object b, Invoker in, int site) {
    try {
      return Operators.binary(op, a, b);
    } catch (TangentError e) {
      throw in.here(e, site);
    } catch (ControlSignal e) {
      throw e;
    } catch (OutOfMemoryError e) {
      throw in.here(dev.tangent.spi.OutOfMemory.error(e, "operator " + op.symbol), site);
    } catch (RuntimeException e) {
      throw Internal.wrap(e, in.spans[site], "operator " + op.symbol);
    }
  }

  /** Comparisons straight to a JVM boolean, for conditions. */
  public static boolean compare(BinOp op, Object a, Object b, Invoker in, int site) {
    if (a instanceof Double x && b instanceof Double y) {
      double p = x;
      double q = y;
      switch (op) {
        case LT: return p < q;
        case LE: return p <= q;
        case GT: return p > q;
        case GE: return p >= q;
        case EQ: return p == q;
        case NE: return p != q;
        default: break;
      }
    }
    return truth(binary(op, a, b, in, site), in, site);
  }

  public static boolean lt(Object a, Object b, Invoker in, int site) {
    if (a instanceof Double x && b instanceof Double y) return x < y;
    return compare(BinOp.LT, a, b, in, site);
  }

  public static boolean truth(Object v, Invoker in, int site) {
    if (v instanceof Boolean b) return b;
    throw in.here(TangentError.runtime("condition must be a Bool, got " + Types.typeName(v)), site);
  }

  public static boolean logicOperand(Object v, Invoker in, int site) {
    if (v instanceof Boolean b) return b;
    throw in.here(TangentError.runtime("'and'/'or' need Bool operands, got " + Types.typeName(v)), site);
  }

  public static Object unary(UnOp op, Object v, Invoker in, int site) {
    if (op == UnOp.NEG && v instanceof Double d) return -d;
    try {
      return Operators.unary(op, v);
    } catch (TangentError e) {
      throw in.here(e, site);
    }
  }

  public static Object in(Object item, Object container, boolean negated, Invoker in, int site) {
    try {
      return Operators.contains(container, item) != negated;
    } catch (TangentError e) {
      throw in.here(e, site);
    }
  }

  public static Object range(Object a, Object b, boolean inclusive, Invoker in, int site) {
    if (a instanceof Double x && b instanceof Double y) {
      try {
        return new Range(x, y, 1, inclusive);
      } catch (TangentError e) {
        throw in.here(e, site);
      }
    }
    throw in.here(TangentError.runtime("range bounds must be Numbers, got " + Types.typeName(a) + " and " + Types.typeName(b)), site);
  }

  public static double number(Object v, Invoker in, int site) {
    if (v instanceof Double d) return d;
    throw in.here(TangentError.runtime("range bounds must be Numbers, got " + Types.typeName(v)), site);
  }

  /** Number of iterations of start..end (or ..=). */
  public static long rangeLength(double start, double end, boolean inclusive) {
    double span = end - start;
    long n = inclusive ? (long) Math.floor(span + 1e-9) + 1 : (long) Math.ceil(span - 1e-9);
    return Math.max(0, n);
  }

  // ------------------------------------------------------------------ variables

  public static Object global(Cell c, Invoker in, int site) {
    Object v = c.value;
    if (v == Cell.UNINIT) throw in.here(TangentError.runtime("'" + in.spans[site].source().text().substring(in.spans[site].start(), in.spans[site].end()) + "' is used before it is defined"), site);
    return v;
  }

  public static Object upvalue(Closure self, int index, Invoker in, int site) {
    Object v = self.upvalues[index].value;
    if (v == Cell.UNINIT) throw in.here(TangentError.runtime("'" + in.spans[site].source().text().substring(in.spans[site].start(), in.spans[site].end()) + "' is used before it is defined"), site);
    return v;
  }

  public static void setUpvalue(Closure self, int index, Object v) {
    self.upvalues[index].value = v;
  }

  public static void poll(Context ctx, Invoker in, int site) {
    try {
      ctx.poll();
    } catch (TangentError e) {
      throw in.here(e, site);
    }
  }

  // ------------------------------------------------------------------ calls

  /** Calls through the general path: named arguments, built-ins, not-yet-compiled functions. */
  public static Object call(Object fn, Object[] args, String[] names, Context ctx, Invoker in, int site) {
    if (!(fn instanceof Callable c)) {
      throw in.here(TangentError.runtime(Types.typeName(fn) + " is not callable"), site);
    }
    try {
      return c.call(ctx, args, names);
    } catch (TangentError e) {
      throw in.at(e, site);
    } catch (ControlSignal e) {
      throw e;
    } catch (StackOverflowError e) {
      throw in.at(TangentError.runtime("stack overflow in '" + c.name() + "' (recursion too deep)"), site);
    } catch (RuntimeException e) {
      throw Internal.wrap(e, in.spans[site], c.name() + "()");
    }
  }

  public static Object method(Object target, String name, Object[] args, String[] names, Context ctx, Invoker in, int site) {
    try {
      return Members.call(ctx, target, name, args, names, in.methodSite(site));
    } catch (TangentError e) {
      throw in.at(e, site);
    } catch (ControlSignal e) {
      throw e;
    } catch (StackOverflowError e) {
      throw in.at(TangentError.runtime("stack overflow in '" + name + "' (recursion too deep)"), site);
    } catch (RuntimeException e) {
      throw Internal.wrap(e, in.spans[site], Types.typeName(target) + "." + name + "()");
    }
  }

  /**
   * The result of a call of a pure numeric body to itself that met another function in its global
   * (NumericTypes): a number continues; anything else cannot, since the body was compiled for
   * numbers, and a pure body cannot have redefined the function it runs.
   */
  public static double unboxSelfCall(Object v, Invoker in, int site) {
    if (v instanceof Double d) return d;
    throw in.here(TangentError.runtime("'" + in.code.name + "' was redefined while it ran, and the new one returned a "
        + Types.typeName(v) + " where the running one expects a Number"), site);
  }

  public static TangentError stackOverflow(Invoker in) {
    return in.code.stackOverflow();
  }

  /** A compiled call is left by an exception: give back its depth; a JVM overflow becomes ours. */
  public static Throwable unwind(Invoker in, Context ctx, Throwable t) {
    ctx.depth--;
    if (t instanceof StackOverflowError) return in.code.stackOverflow();
    return t;
  }

  public static Object member(Object target, String name, Context ctx, Invoker in, int site) {
    try {
      return Members.get(ctx, target, name, in.methodSite(site));
    } catch (TangentError e) {
      throw in.at(e, site);
    } catch (RuntimeException e) {
      throw Internal.wrap(e, in.spans[site], Types.typeName(target) + "." + name);
    }
  }

  public static void setMember(Object target, String name, Object value, Invoker in, int site) {
    try {
      Members.set(target, name, value);
    } catch (TangentError e) {
      throw in.here(e, site);
    }
  }

  public static Object index(Object target, Object[] subs, Invoker in, int site) {
    try {
      return Indexing.get(target, subs);
    } catch (TangentError e) {
      throw in.at(e, site);
    } catch (OutOfMemoryError e) {
      throw in.at(dev.tangent.spi.OutOfMemory.error(e, "indexing a " + Types.typeName(target)), site);
    } catch (RuntimeException e) {
      throw Internal.wrap(e, in.spans[site], "indexing a " + Types.typeName(target));
    }
  }

  public static void setIndex(Object target, Object[] subs, Object value, Invoker in, int site) {
    try {
      Indexing.set(target, subs, value);
    } catch (TangentError e) {
      throw in.at(e, site);
    } catch (RuntimeException e) {
      throw Internal.wrap(e, in.spans[site], "assigning into a " + Types.typeName(target));
    }
  }

  public static Object slice(Object lo, Object hi, Object step) {
    return new Slice(lo, hi, step);
  }

  // ------------------------------------------------------------------ values

  public static Object list(Object[] items) {
    TList l = new TList(items.length);
    for (Object x : items) l.items.add(x);
    return l;
  }

  public static Object tuple(Object[] items) {
    return new Tuple(items);
  }

  public static Object map(Object[] keys, Object[] values, Invoker in, int site) {
    TMap m = new TMap();
    for (int i = 0; i < keys.length; i++) {
      Object k = keys[i];
      if (k instanceof TList || k instanceof TMap) {
        throw in.here(TangentError.runtime("a " + Types.typeName(k) + " cannot be a map key (it is mutable)"), site);
      }
      m.put(k, values[i]);
    }
    return m;
  }

  public static String str(Object v) {
    return Display.str(v);
  }

  public static Object nil() { return Nil.NIL; }

  public static Object bool(boolean b) { return b ? Boolean.TRUE : Boolean.FALSE; }

  public static Iterator<Object> iterator(Object v, Invoker in, int site) {
    try {
      return Iteration.iterator(v);
    } catch (TangentError e) {
      throw in.here(e, site);
    }
  }

  /** Ends a for loop over an iterator, as the node tier does (progress bars finish, files close). */
  public static void close(Iterator<Object> it) {
    Unpacking.close(it);
  }

  /** Unpacks a value into exactly n items for a destructuring pattern. */
  public static Object[] destructure(Object value, int n, Invoker in, int site) {
    try {
      return Unpacking.items(value, n).toArray();
    } catch (TangentError e) {
      throw in.here(e, site);
    }
  }

  public static Object checkType(Object v, Object type, String name, Invoker in, int site) {
    if (!(type instanceof dev.tangent.spi.TypeLike tl)) {
      throw in.here(TangentError.runtime("annotation is a " + Types.typeName(type) + ", not a type"), site);
    }
    if (!tl.isInstance(v)) {
      throw in.here(TangentError.runtime("'" + name + "' must be " + tl.typeName() + ", got " + Types.typeName(v)), site);
    }
    return v;
  }
}
