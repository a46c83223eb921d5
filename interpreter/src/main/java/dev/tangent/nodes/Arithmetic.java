package dev.tangent.nodes;

import dev.tangent.exec.Internal;
import dev.tangent.spi.BinOp;
import dev.tangent.spi.UnOp;
import dev.tangent.diag.Span;
import dev.tangent.spi.TangentError;
import dev.tangent.exec.Frame;
import dev.tangent.spi.Operators;
import dev.tangent.spi.Types;

/**
 * Operators. The common numeric cases have their own node classes with a fast path on Double;
 * everything else goes through Operators (and from there to module-defined operands).
 */
public final class Arithmetic {
  private Arithmetic() {}

  public static Node binary(Span span, BinOp op, Node l, Node r) {
    switch (op) {
      case ADD: return new Add(span, l, r);
      case SUB: return new Sub(span, l, r);
      case MUL: return new Mul(span, l, r);
      case DIV: return new Div(span, l, r);
      case LT: return new Less(span, l, r);
      case LE: return new LessEq(span, l, r);
      case GT: return new Greater(span, l, r);
      case GE: return new GreaterEq(span, l, r);
      case EQ: return new Eq(span, l, r);
      default: return new Generic(span, op, l, r);
    }
  }

  abstract static class Bin extends Node {
    final Node l;
    final Node r;
    final BinOp op;

    Bin(Span span, BinOp op, Node l, Node r) {
      super(span);
      this.op = op;
      this.l = l;
      this.r = r;
    }

    final Object slow(Frame f, Object a, Object b) {
      try {
        Object r = Operators.binary(op, a, b);
        // A native kernel (a @ b on large tensors) cannot stop midway: honour Ctrl-C right after.
        f.ctx.checkInterrupt();
        return r;
      } catch (TangentError e) {
        throw locate(e, f);
      } catch (OutOfMemoryError e) {
        throw locate(dev.tangent.spi.OutOfMemory.error(e, "operator " + op.symbol), f);
      } catch (RuntimeException e) {
        throw Internal.wrap(e, span, "operator " + op.symbol);
      }
    }
  }

  static final class Add extends Bin {
    Add(Span s, Node l, Node r) { super(s, BinOp.ADD, l, r); }

    @Override public Object eval(Frame f) {
      Object a = l.eval(f);
      Object b = r.eval(f);
      if (a instanceof Double x && b instanceof Double y) return dev.tangent.spi.Num.box(x + y);
      return slow(f, a, b);
    }
  }

  static final class Sub extends Bin {
    Sub(Span s, Node l, Node r) { super(s, BinOp.SUB, l, r); }

    @Override public Object eval(Frame f) {
      Object a = l.eval(f);
      Object b = r.eval(f);
      if (a instanceof Double x && b instanceof Double y) return dev.tangent.spi.Num.box(x - y);
      return slow(f, a, b);
    }
  }

  static final class Mul extends Bin {
    Mul(Span s, Node l, Node r) { super(s, BinOp.MUL, l, r); }

    @Override public Object eval(Frame f) {
      Object a = l.eval(f);
      Object b = r.eval(f);
      if (a instanceof Double x && b instanceof Double y) return dev.tangent.spi.Num.box(x * y);
      return slow(f, a, b);
    }
  }

  static final class Div extends Bin {
    Div(Span s, Node l, Node r) { super(s, BinOp.DIV, l, r); }

    @Override public Object eval(Frame f) {
      Object a = l.eval(f);
      Object b = r.eval(f);
      if (a instanceof Double x && b instanceof Double y) return dev.tangent.spi.Num.box(x / y);
      return slow(f, a, b);
    }
  }

  static final class Less extends Bin {
    Less(Span s, Node l, Node r) { super(s, BinOp.LT, l, r); }

    @Override public Object eval(Frame f) {
      Object a = l.eval(f);
      Object b = r.eval(f);
      if (a instanceof Double x && b instanceof Double y) return x < y;
      return slow(f, a, b);
    }

    @Override public boolean evalCondition(Frame f) {
      Object a = l.eval(f);
      Object b = r.eval(f);
      if (a instanceof Double x && b instanceof Double y) return x < y;
      Object v = slow(f, a, b);
      if (v instanceof Boolean bool) return bool;
      throw locate(TangentError.runtime("condition must be a Bool, got " + Types.typeName(v)), f);
    }
  }

  static final class LessEq extends Bin {
    LessEq(Span s, Node l, Node r) { super(s, BinOp.LE, l, r); }

    @Override public Object eval(Frame f) {
      Object a = l.eval(f);
      Object b = r.eval(f);
      if (a instanceof Double x && b instanceof Double y) return x <= y;
      return slow(f, a, b);
    }
  }

  static final class Greater extends Bin {
    Greater(Span s, Node l, Node r) { super(s, BinOp.GT, l, r); }

    @Override public Object eval(Frame f) {
      Object a = l.eval(f);
      Object b = r.eval(f);
      if (a instanceof Double x && b instanceof Double y) return x > y;
      return slow(f, a, b);
    }
  }

  static final class GreaterEq extends Bin {
    GreaterEq(Span s, Node l, Node r) { super(s, BinOp.GE, l, r); }

    @Override public Object eval(Frame f) {
      Object a = l.eval(f);
      Object b = r.eval(f);
      if (a instanceof Double x && b instanceof Double y) return x >= y;
      return slow(f, a, b);
    }
  }

  static final class Eq extends Bin {
    Eq(Span s, Node l, Node r) { super(s, BinOp.EQ, l, r); }

    @Override public Object eval(Frame f) {
      Object a = l.eval(f);
      Object b = r.eval(f);
      if (a instanceof Double x && b instanceof Double y) return x.doubleValue() == y.doubleValue();
      return slow(f, a, b);
    }
  }

  static final class Generic extends Bin {
    Generic(Span s, BinOp op, Node l, Node r) { super(s, op, l, r); }

    @Override public Object eval(Frame f) {
      return slow(f, l.eval(f), r.eval(f));
    }
  }

  public static final class Unary extends Node {
    private final UnOp op;
    private final Node operand;

    public Unary(Span span, UnOp op, Node operand) {
      super(span);
      this.op = op;
      this.operand = operand;
    }

    @Override public Object eval(Frame f) {
      Object v = operand.eval(f);
      if (op == UnOp.NEG && v instanceof Double d) return -d;
      try {
        return Operators.unary(op, v);
      } catch (TangentError e) {
        throw locate(e, f);
      }
    }
  }

  public static final class And extends Node {
    private final Node l;
    private final Node r;

    public And(Span span, Node l, Node r) {
      super(span);
      this.l = l;
      this.r = r;
    }

    @Override public Object eval(Frame f) { return evalCondition(f); }

    @Override public boolean evalCondition(Frame f) {
      return operand(f, l) && operand(f, r);
    }
  }

  public static final class Or extends Node {
    private final Node l;
    private final Node r;

    public Or(Span span, Node l, Node r) {
      super(span);
      this.l = l;
      this.r = r;
    }

    @Override public Object eval(Frame f) { return evalCondition(f); }

    @Override public boolean evalCondition(Frame f) {
      return operand(f, l) || operand(f, r);
    }
  }

  static boolean operand(Frame f, Node n) {
    Object v = n.eval(f);
    if (v instanceof Boolean b) return b;
    throw TangentError.runtime("'and'/'or' need Bool operands, got " + Types.typeName(v)).locate(n.span, f.code.name);
  }

  public static final class In extends Node {
    private final Node item;
    private final Node container;
    private final boolean negated;

    public In(Span span, Node item, Node container, boolean negated) {
      super(span);
      this.item = item;
      this.container = container;
      this.negated = negated;
    }

    @Override public Object eval(Frame f) {
      Object x = item.eval(f);
      Object c = container.eval(f);
      try {
        return Operators.contains(c, x) != negated;
      } catch (TangentError e) {
        throw locate(e, f);
      }
    }
  }
}
