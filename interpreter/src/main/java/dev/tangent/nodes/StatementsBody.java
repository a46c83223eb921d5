package dev.tangent.nodes;

import dev.tangent.exec.Body;
import dev.tangent.exec.ControlSignal;
import dev.tangent.exec.Frame;
import dev.tangent.spi.Nil;

/** A function body on the node tier: its statements in order, until one returns. */
public final class StatementsBody implements Body {
  private final StmtNode[] statements;

  public StatementsBody(StmtNode[] statements) {
    this.statements = statements;
  }

  @Override public Object run(Frame f) {
    StmtNode[] b = statements;
    for (int i = 0; i < b.length; i++) {
      if (b[i].exec(f) == ControlSignal.RETURN) return f.ret;
    }
    return Nil.NIL;
  }
}
