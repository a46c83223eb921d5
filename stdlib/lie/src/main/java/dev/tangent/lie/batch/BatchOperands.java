package dev.tangent.lie.batch;

import dev.tangent.lie.value.Layers;
import dev.tangent.spi.BinOp;

/**
 * The batch layer as single elements and tangents see it ({@link Layers}): an operator with a
 * batch, or an n x size tensor of points or tangents, on the other side runs here.
 */
public final class BatchOperands implements Layers.Operands {
  public static final BatchOperands INSTANCE = new BatchOperands();

  private BatchOperands() {}

  @Override public boolean involves(Object operand) {
    return BatchOps.involved(operand);
  }

  @Override public Object binary(BinOp op, Object left, Object right) {
    return BatchOps.operator(op, left, right);
  }
}
