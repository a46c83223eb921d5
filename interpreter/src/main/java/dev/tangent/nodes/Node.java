package dev.tangent.nodes;

import dev.tangent.diag.Span;
import dev.tangent.spi.TangentError;
import dev.tangent.exec.Frame;
import dev.tangent.exec.FrameExpr;
import dev.tangent.spi.Types;

/** An executable expression: the compiler turns each syntax-tree expression into one. */
public abstract class Node implements FrameExpr {
  public final Span span;

  protected Node(Span span) { this.span = span; }

  @Override public abstract Object eval(Frame f);

  /** Evaluates a condition, which must be a Bool. */
  public boolean evalCondition(Frame f) {
    Object v = eval(f);
    if (v instanceof Boolean b) return b;
    throw locate(TangentError.runtime("condition must be a Bool, got " + Types.typeName(v)), f);
  }

  /** Gives a span-less error this node's position. */
  protected final TangentError locate(TangentError e, Frame f) {
    return e.locate(span, f.code.name);
  }
}
