package dev.tangent.exec;

/**
 * How a function body reaches a faster tier once it is hot: the bytecode compiler supplies one per
 * eligible function. Declared here so that this package decides when to promote without knowing
 * how compilation works.
 */
public interface Promotion {
  /** The compiled body, or null when this function stays on the node tier. */
  Invoker compile(FunctionCode code);

  /** Whether the function goes to the faster tier on its first call (it has a loop: one call may run long). */
  boolean eager();

  /** Calls on the node tier before promotion. */
  int threshold();
}
