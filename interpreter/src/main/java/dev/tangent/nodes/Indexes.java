package dev.tangent.nodes;

import dev.tangent.exec.Internal;
import dev.tangent.spi.BinOp;
import dev.tangent.diag.Span;
import dev.tangent.spi.TangentError;
import dev.tangent.exec.ControlSignal;
import dev.tangent.exec.Frame;
import dev.tangent.exec.Indexing;
import dev.tangent.exec.Members;
import dev.tangent.spi.Nil;
import dev.tangent.spi.Operators;
import dev.tangent.spi.Slice;
import dev.tangent.spi.Types;

/** v[...] reads, and assignments into items and members. */
public final class Indexes {
  private Indexes() {}

  /** One subscript: an index expression, or a slice with optional parts. */
  public static final class Sub {
    final Node index;
    final Node lo;
    final Node hi;
    final Node step;
    final boolean slice;

    public Sub(Node index) {
      this.index = index;
      this.lo = this.hi = this.step = null;
      this.slice = false;
    }

    public Sub(Node lo, Node hi, Node step) {
      this.index = null;
      this.lo = lo;
      this.hi = hi;
      this.step = step;
      this.slice = true;
    }

    Object eval(Frame f) {
      if (!slice) return index.eval(f);
      return new Slice(lo == null ? null : lo.eval(f), hi == null ? null : hi.eval(f), step == null ? null : step.eval(f));
    }
  }

  static Object[] subscripts(Frame f, Sub[] subs) {
    Object[] out = new Object[subs.length];
    for (int i = 0; i < out.length; i++) out[i] = subs[i].eval(f);
    return out;
  }

  public static final class Get extends Node {
    private final Node target;
    private final Sub[] subs;

    public Get(Span span, Node target, Sub[] subs) {
      super(span);
      this.target = target;
      this.subs = subs;
    }

    @Override public Object eval(Frame f) {
      Object t = target.eval(f);
      Object[] s = subscripts(f, subs);
      try {
        return Indexing.get(t, s);
      } catch (TangentError e) {
        throw Calls.located(e, f, span);
      } catch (OutOfMemoryError e) {
        throw Calls.located(dev.tangent.spi.OutOfMemory.error(e, "indexing a " + Types.typeName(t)), f, span);
      } catch (RuntimeException e) {
        throw Internal.wrap(e, span, "indexing a " + Types.typeName(t));
      }
    }
  }

  /** target[subs] = value, or target[subs] op= value. */
  public static final class Set extends StmtNode {
    private final Node target;
    private final Sub[] subs;
    private final BinOp op;
    private final Node value;

    public Set(Span span, Node target, Sub[] subs, BinOp op, Node value) {
      super(span);
      this.target = target;
      this.subs = subs;
      this.op = op;
      this.value = value;
    }

    @Override public int exec(Frame f) {
      Object t = target.eval(f);
      Object[] s = subscripts(f, subs);
      Object v = value.eval(f);
      try {
        if (op != null) v = Operators.binary(op, Indexing.get(t, s), v);
        Indexing.set(t, s, v);
      } catch (TangentError e) {
        throw Calls.located(e, f, span);
      } catch (RuntimeException e) {
        throw Internal.wrap(e, span, "assigning into a " + Types.typeName(t));
      }
      return ControlSignal.NORMAL;
    }
  }

  /** target.name = value, or target.name op= value. */
  public static final class SetMember extends StmtNode {
    private final Node target;
    private final String name;
    private final BinOp op;
    private final Node value;

    public SetMember(Span span, Node target, String name, BinOp op, Node value) {
      super(span);
      this.target = target;
      this.name = name;
      this.op = op;
      this.value = value;
    }

    @Override public int exec(Frame f) {
      Object t = target.eval(f);
      Object v = value.eval(f);
      try {
        if (op != null) v = Operators.binary(op, Members.get(f.ctx, t, name), v);
        Members.set(t, name, v);
      } catch (TangentError e) {
        throw Calls.located(e, f, span);
      }
      return ControlSignal.NORMAL;
    }
  }

  /** name op= value for a plain variable. */
  public static final class Compound extends StmtNode {
    private final Node read;
    private final Variables.Target target;
    private final BinOp op;
    private final Node value;

    public Compound(Span span, Node read, Variables.Target target, BinOp op, Node value) {
      super(span);
      this.read = read;
      this.target = target;
      this.op = op;
      this.value = value;
    }

    @Override public int exec(Frame f) {
      Object a = read.eval(f);
      Object b = value.eval(f);
      Object r;
      if (a instanceof Double x && b instanceof Double y && op != BinOp.MATMUL) {
        r = dev.tangent.spi.Num.box(Operators.numeric(op, x, y));
      } else {
        try {
          r = Operators.binary(op, a, b);
        } catch (TangentError e) {
          throw e.locate(span, f.code.name);
        }
      }
      target.store(f, r == null ? Nil.NIL : r);
      return ControlSignal.NORMAL;
    }
  }
}
