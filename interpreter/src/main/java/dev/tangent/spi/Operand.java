package dev.tangent.spi;

import dev.tangent.spi.BinOp;
import dev.tangent.spi.UnOp;

/**
 * Operator overloading, open to modules. The interpreter tries the left operand's binaryOp with
 * selfOnLeft = true, then the right operand's with selfOnLeft = false (Python's __add__/__radd__).
 * Returning NOT_IMPLEMENTED passes the turn.
 */
public interface Operand {
  Object NOT_IMPLEMENTED = new Object() {
    @Override public String toString() { return "<not implemented>"; }
  };

  default Object binaryOp(BinOp op, Object other, boolean selfOnLeft) { return NOT_IMPLEMENTED; }

  default Object unaryOp(UnOp op) { return NOT_IMPLEMENTED; }

  /** Elementwise or differentiable math functions: "sin", "exp", "sqrt", "abs", ... */
  default Object mathOp(String function) { return NOT_IMPLEMENTED; }
}
