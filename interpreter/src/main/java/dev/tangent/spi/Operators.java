package dev.tangent.spi;

import dev.tangent.spi.BinOp;
import dev.tangent.spi.UnOp;
import dev.tangent.spi.TangentError;
import java.util.ArrayList;
import java.util.List;

/**
 * Operator semantics. Numbers follow IEEE 754 (1/0 is inf); // and % floor like Python.
 * Anything beyond the core types goes through {@link Operand}.
 */
public final class Operators {
  private Operators() {}

  public static double numeric(BinOp op, double x, double y) {
    switch (op) {
      case ADD: return x + y;
      case SUB: return x - y;
      case MUL: return x * y;
      case DIV: return x / y;
      case FLOORDIV: return Math.floor(x / y);
      case MOD: return mod(x, y);
      case POW: return Math.pow(x, y);
      default: throw new IllegalArgumentException(op.name());
    }
  }

  public static double mod(double x, double y) {
    double r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    return r;
  }

  public static Object binary(BinOp op, Object a, Object b) {
    if (a instanceof Double x && b instanceof Double y) {
      switch (op) {
        case EQ: return x.doubleValue() == y.doubleValue();
        case NE: return x.doubleValue() != y.doubleValue();
        case LT: return x < y;
        case LE: return x <= y;
        case GT: return x > y;
        case GE: return x >= y;
        case MATMUL: break;
        default: return numeric(op, x, y);
      }
    }
    Object r = core(op, a, b);
    if (r != null) return r;
    if (a instanceof Operand oa) {
      r = oa.binaryOp(op, b, true);
      if (r != Operand.NOT_IMPLEMENTED) return r;
    }
    if (b instanceof Operand ob) {
      r = ob.binaryOp(op, a, false);
      if (r != Operand.NOT_IMPLEMENTED) return r;
    }
    if (op == BinOp.EQ) return a == b;
    if (op == BinOp.NE) return a != b;
    throw unsupported(op, a, b);
  }

  /** Core-type semantics, or null when the operands are not core types this op handles. */
  private static Object core(BinOp op, Object a, Object b) {
    switch (op) {
      case EQ:
        if (!(a instanceof Operand) && !(b instanceof Operand)) return valueEquals(a, b);
        return null;
      case NE:
        if (!(a instanceof Operand) && !(b instanceof Operand)) return !valueEquals(a, b);
        return null;
      case ADD:
        if (a instanceof String s && b instanceof String t) return s.concat(t);
        if (a instanceof TList l && b instanceof TList m) {
          TList out = new TList(l.size() + m.size());
          out.items.addAll(l.items);
          out.items.addAll(m.items);
          return out;
        }
        if (a instanceof Tuple l && b instanceof Tuple m) {
          List<Object> xs = new ArrayList<>(l.list());
          xs.addAll(m.list());
          return new Tuple(xs.toArray());
        }
        if (a instanceof String && !(b instanceof Operand)) {
          throw unsupported(op, a, b).withHint("use interpolation to build text: \"value: ${x}\"");
        }
        return null;
      case MUL:
        if (a instanceof String s && b instanceof Double n) return repeat(s, n);
        if (a instanceof Double n && b instanceof String s) return repeat(s, n);
        if (a instanceof TList l && b instanceof Double n) return repeat(l, n);
        return null;
      case LT: case LE: case GT: case GE:
        if (a instanceof String s && b instanceof String t) {
          int c = s.compareTo(t);
          switch (op) {
            case LT: return c < 0;
            case LE: return c <= 0;
            case GT: return c > 0;
            default: return c >= 0;
          }
        }
        return null;
      default:
        return null;
    }
  }

  private static String repeat(String s, double n) {
    int k = Ints.toInt(n, "repeat count");
    if (k <= 0) return "";
    repeatedSize(s.length(), k, "a string");
    return s.repeat(k);
  }

  private static TList repeat(TList l, double n) {
    int k = Ints.toInt(n, "repeat count");
    TList out = new TList();
    if (k <= 0) return out;
    long size = repeatedSize(l.items.size(), k, "a list");
    out.items.ensureCapacity((int) size);
    for (int i = 0; i < k; i++) {
      out.items.addAll(l.items);
      Context.pollEvery(i);
    }
    return out;
  }

  /** The length of k copies, refused before allocating when no list or string can hold it. */
  private static long repeatedSize(long length, int k, String what) {
    long size = Sizes.multiply(length, k, "repeating " + what + " " + k + " times");
    if (size > Sizes.MAX_ARRAY) {
      throw TangentError.runtime("repeating " + what + " of length " + length + " " + String.format("%,d", k)
          + " times gives " + String.format("%,d", size) + " items, more than a " + (what.equals("a list") ? "list" : "string")
          + " can hold (about 2^31)");
    }
    Sizes.checkAllocation(size, "repeating " + what);
    return size;
  }

  public static TangentError unsupported(BinOp op, Object a, Object b) {
    return TangentError.runtime("unsupported operand types for " + op.symbol + ": "
        + Types.typeName(a) + " and " + Types.typeName(b));
  }

  public static Object unary(UnOp op, Object v) {
    switch (op) {
      case NEG:
        if (v instanceof Double d) return -d;
        break;
      case PLUS:
        if (v instanceof Double) return v;
        break;
      case NOT:
        if (v instanceof Boolean b) return !b;
        throw TangentError.runtime("'not' needs a Bool, got " + Types.typeName(v));
    }
    if (v instanceof Operand o) {
      Object r = o.unaryOp(op);
      if (r != Operand.NOT_IMPLEMENTED) return r;
    }
    throw TangentError.runtime("unsupported operand type for unary " + op.symbol + ": " + Types.typeName(v));
  }

  /** Math functions on non-numbers (tensors, dual numbers): delegated to the value. */
  public static Object math(String fn, Object v) {
    if (v instanceof Operand o) {
      Object r = o.mathOp(fn);
      if (r != Operand.NOT_IMPLEMENTED) return r;
      throw TangentError.runtime(fn + "() is not defined for " + Types.typeName(v));
    }
    throw TangentError.runtime(fn + "() needs a Number, got " + Types.typeName(v));
  }

  /** == on values: numbers by value, containers element-wise, others by equals. */
  public static boolean valueEquals(Object a, Object b) {
    if (a == b) return !(a instanceof Double d && d.isNaN());
    if (a instanceof Double x && b instanceof Double y) return x.doubleValue() == y.doubleValue();
    if (a instanceof TList l && b instanceof TList m) return equalLists(l.items, m.items);
    if (a instanceof Tuple || a instanceof TMap || a instanceof String || a instanceof Boolean
        || a instanceof Range) {
      return a.equals(b);
    }
    if (a instanceof Operand || b instanceof Operand) {
      Object r = binary(BinOp.EQ, a, b);
      return r instanceof Boolean bb && bb;
    }
    return a != null && a.equals(b);
  }

  static boolean equalLists(List<Object> a, List<Object> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) if (!valueEquals(a.get(i), b.get(i))) return false;
    return true;
  }

  static int hash(Object x) {
    if (x instanceof Double d && d == 0.0) return 0;
    return x == null ? 0 : x.hashCode();
  }

  /** `x in container`. */
  public static boolean contains(Object container, Object item) {
    if (container instanceof TList l) {
      for (Object x : l.items) if (valueEquals(x, item)) return true;
      return false;
    }
    if (container instanceof Tuple t) {
      for (Object x : t.list()) if (valueEquals(x, item)) return true;
      return false;
    }
    if (container instanceof TMap m) return m.has(item);
    if (container instanceof String s) {
      if (item instanceof String t) return s.contains(t);
      throw TangentError.runtime("'in <String>' needs a String on the left, got " + Types.typeName(item));
    }
    if (container instanceof Range r) {
      if (!(item instanceof Double d)) return false;
      double k = (d - r.start) / r.step;
      return k == Math.rint(k) && k >= 0 && k < r.length;
    }
    throw TangentError.runtime("'in' is not supported for " + Types.typeName(container));
  }
}
