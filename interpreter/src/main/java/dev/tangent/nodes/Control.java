package dev.tangent.nodes;

import dev.tangent.diag.Span;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Context;
import dev.tangent.exec.ControlSignal;
import dev.tangent.exec.Frame;
import dev.tangent.exec.Unpacking;
import dev.tangent.spi.Iteration;
import dev.tangent.spi.Nil;
import dev.tangent.spi.Range;
import dev.tangent.spi.TList;
import dev.tangent.spi.Types;
import java.util.Iterator;

/** Statements that steer: blocks, if, loops, break/continue/return. */
public final class Control {
  private Control() {}

  static final int NORMAL = ControlSignal.NORMAL;
  static final int BREAK = ControlSignal.BREAK;
  static final int CONTINUE = ControlSignal.CONTINUE;
  static final int RETURN = ControlSignal.RETURN;

  /** Runs statements in order, stopping at the first break/continue/return. */
  static int run(StmtNode[] stmts, Frame f) {
    for (int i = 0; i < stmts.length; i++) {
      int c = stmts[i].exec(f);
      if (c != NORMAL) return c;
    }
    return NORMAL;
  }

  /** A loop's interrupt/budget check; an interrupt is reported at the loop. */
  static void poll(Context ctx, Frame f, dev.tangent.diag.Span span) {
    try {
      ctx.poll();
    } catch (TangentError e) {
      throw e.locate(span, f.code.name);
    }
  }

  public static final class ExprStmt extends StmtNode {
    private final Node expr;

    public ExprStmt(Span span, Node expr) {
      super(span);
      this.expr = expr;
    }

    @Override public int exec(Frame f) {
      expr.eval(f);
      return NORMAL;
    }
  }

  public static final class Block extends StmtNode {
    private final StmtNode[] stmts;

    public Block(Span span, StmtNode[] stmts) {
      super(span);
      this.stmts = stmts;
    }

    @Override public int exec(Frame f) { return run(stmts, f); }
  }

  public static final class If extends StmtNode {
    private final Node cond;
    private final StmtNode[] then;
    private final StmtNode[] otherwise;   // may be empty

    public If(Span span, Node cond, StmtNode[] then, StmtNode[] otherwise) {
      super(span);
      this.cond = cond;
      this.then = then;
      this.otherwise = otherwise;
    }

    @Override public int exec(Frame f) {
      return run(cond.evalCondition(f) ? then : otherwise, f);
    }
  }

  /** A block used for its value: statements, then an optional final expression. */
  public static final class ValueBlock {
    final StmtNode[] stmts;
    final Node value;

    public ValueBlock(StmtNode[] stmts, Node value) {
      this.stmts = stmts;
      this.value = value;
    }

    Object eval(Frame f) {
      int c = run(stmts, f);
      if (c != NORMAL) throw new ControlSignal(c);
      return value == null ? Nil.NIL : value.eval(f);
    }
  }

  /** if/else as an expression. */
  public static final class IfExpr extends Node {
    private final Node cond;
    private final ValueBlock then;
    private final ValueBlock otherwise;   // null: the value is nil

    public IfExpr(Span span, Node cond, ValueBlock then, ValueBlock otherwise) {
      super(span);
      this.cond = cond;
      this.then = then;
      this.otherwise = otherwise;
    }

    @Override public Object eval(Frame f) {
      if (cond.evalCondition(f)) return then.eval(f);
      return otherwise == null ? Nil.NIL : otherwise.eval(f);
    }
  }

  /** Runs one loop body; a ControlSignal from an if-expression inside it becomes a code. */
  static int body(StmtNode[] stmts, Frame f) {
    try {
      return run(stmts, f);
    } catch (ControlSignal s) {
      return s.code;
    }
  }

  /**
   * A loop of a script's own code on its way to the bytecode tier. Top-level code runs once, so
   * waiting for the loop to be hot would never pay; compiling every loop would make short ones
   * slower (a compiled class costs about a millisecond). So a for loop over a range or list of
   * at least {@link #LONG} items is compiled before it starts (it gets the evaluated iterable), a
   * while loop after {@link #LONG} iterations on the node tier (it goes on from the condition),
   * and any loop that has started {@link #RUNS} times is compiled for the next.
   */
  public static final class PromotedLoop extends StmtNode {
    static final int LONG = 256;
    static final int RUNS = 16;
    private final StmtNode onNodes;
    private dev.tangent.exec.Promotion promotion;
    private dev.tangent.exec.Invoker compiled;
    private int runs;

    public PromotedLoop(StmtNode onNodes, dev.tangent.exec.Promotion promotion) {
      super(onNodes.span);
      this.onNodes = onNodes;
      this.promotion = promotion;
    }

    @Override public int exec(Frame f) {
      boolean hot = ++runs > RUNS;
      if (onNodes instanceof For loop) {
        Object it = loop.iterable(f);
        if (compiled != null || (promotion != null && (hot || isLong(it)) && compile(f))) {
          compiled.runLoop(null, f.ctx, f, it);
          return NORMAL;
        }
        return loop.run(f, it);
      }
      While loop = (While) onNodes;
      if (compiled == null) {
        int c = hot && promotion != null ? UNFINISHED : loop.run(f, promotion == null ? Long.MAX_VALUE : LONG);
        if (c != UNFINISHED || !compile(f)) return c == UNFINISHED ? loop.run(f, Long.MAX_VALUE) : c;
      }
      compiled.runLoop(null, f.ctx, f, null);
      return NORMAL;
    }

    private static boolean isLong(Object it) {
      return it instanceof Range r ? r.length >= LONG : it instanceof TList l && l.items.size() >= LONG;
    }

    private boolean compile(Frame f) {
      dev.tangent.exec.Promotion p = promotion;
      promotion = null;
      compiled = p.compile(f.code);
      return compiled != null;
    }
  }

  /** While.run's code for "the iteration limit was reached with the condition still to test". */
  static final int UNFINISHED = -1;

  public static final class While extends StmtNode {
    private final Node cond;
    private final StmtNode[] body;

    public While(Span span, Node cond, StmtNode[] body) {
      super(span);
      this.cond = cond;
      this.body = body;
    }

    @Override public int exec(Frame f) {
      return run(f, Long.MAX_VALUE);
    }

    /** At most {@code limit} iterations; UNFINISHED when the loop may go on (its condition not yet tested). */
    int run(Frame f, long limit) {
      Context ctx = f.ctx;
      for (long n = 0; ; n++) {
        if (n == limit) return UNFINISHED;
        if (!cond.evalCondition(f)) break;
        if (--ctx.budget < 0) poll(ctx, f);
        int c = body(body, f);
        if (c == BREAK) break;
        if (c == RETURN) return RETURN;
      }
      return NORMAL;
    }

    private void poll(Context ctx, Frame f) {
      Control.poll(ctx, f, span);
    }
  }

  /** for pattern in iterable. */
  public static final class For extends StmtNode {
    private final Variables.Target target;
    private final Node iterable;
    private final StmtNode[] body;

    public For(Span span, Variables.Target target, Node iterable, StmtNode[] body) {
      super(span);
      this.target = target;
      this.iterable = iterable;
      this.body = body;
    }

    @Override public int exec(Frame f) {
      return run(f, iterable(f));
    }

    Object iterable(Frame f) {
      return iterable.eval(f);
    }

    /** The loop over an iterable already evaluated. */
    int run(Frame f, Object it) {
      Context ctx = f.ctx;
      if (it instanceof Range r) return range(f, ctx, r);
      if (it instanceof TList l) return list(f, ctx, l);
      Iterator<Object> iter;
      try {
        iter = Iteration.iterator(it);
      } catch (TangentError e) {
        throw e.locate(iterable.span, f.code.name);
      }
      try {
        while (iter.hasNext()) {
          if (--ctx.budget < 0) poll(ctx, f);
          target.store(f, iter.next());
          int c = body(body, f);
          if (c == BREAK) break;
          if (c == RETURN) return RETURN;
        }
        return NORMAL;
      } finally {
        Unpacking.close(iter);
      }
    }

    private int range(Frame f, Context ctx, Range r) {
      long n = r.length;
      for (long i = 0; i < n; i++) {
        if (--ctx.budget < 0) poll(ctx, f);
        target.store(f, dev.tangent.spi.Num.box(r.at(i)));
        int c = body(body, f);
        if (c == BREAK) break;
        if (c == RETURN) return RETURN;
      }
      return NORMAL;
    }

    private int list(Frame f, Context ctx, TList l) {
      for (int i = 0; i < l.items.size(); i++) {
        if (--ctx.budget < 0) poll(ctx, f);
        target.store(f, l.items.get(i));
        int c = body(body, f);
        if (c == BREAK) break;
        if (c == RETURN) return RETURN;
      }
      return NORMAL;
    }

    private void poll(Context ctx, Frame f) {
      Control.poll(ctx, f, span);
    }
  }

  public static final class Break extends StmtNode {
    public Break(Span span) { super(span); }

    @Override public int exec(Frame f) { return BREAK; }
  }

  public static final class Continue extends StmtNode {
    public Continue(Span span) { super(span); }

    @Override public int exec(Frame f) { return CONTINUE; }
  }

  public static final class Return extends StmtNode {
    private final Node value;   // null returns nil

    public Return(Span span, Node value) {
      super(span);
      this.value = value;
    }

    @Override public int exec(Frame f) {
      f.ret = value == null ? Nil.NIL : value.eval(f);
      return RETURN;
    }
  }

  /** Checks a let's type annotation. */
  public static final class TypeCheck extends Node {
    private final Node value;
    private final Node type;
    private final String name;

    public TypeCheck(Span span, Node value, Node type, String name) {
      super(span);
      this.value = value;
      this.type = type;
      this.name = name;
    }

    @Override public Object eval(Frame f) {
      Object v = value.eval(f);
      Object t = type.eval(f);
      if (!(t instanceof dev.tangent.spi.TypeLike tl)) {
        throw TangentError.runtime("annotation is a " + Types.typeName(t) + ", not a type").locate(type.span, f.code.name);
      }
      if (!tl.isInstance(v)) {
        throw TangentError.runtime("'" + name + "' must be " + tl.typeName() + ", got " + Types.typeName(v)).locate(span, f.code.name);
      }
      return v;
    }
  }
}
