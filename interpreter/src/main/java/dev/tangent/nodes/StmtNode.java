package dev.tangent.nodes;

import dev.tangent.diag.Span;
import dev.tangent.exec.Frame;

/**
 * An executable statement. exec returns a completion code (ControlSignal.NORMAL, BREAK,
 * CONTINUE or RETURN) so that loops and returns need no exceptions on the hot path.
 */
public abstract class StmtNode {
  public final Span span;

  protected StmtNode(Span span) { this.span = span; }

  public abstract int exec(Frame f);
}
