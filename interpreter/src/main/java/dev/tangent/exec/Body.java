package dev.tangent.exec;

/**
 * The statements of a function compiled by the node tier: runs them in a frame whose parameter
 * slots are filled and returns the function's result (a `return` leaves it through
 * {@link ControlSignal}). Declared here so that this package runs bodies without knowing nodes.
 */
public interface Body {
  Object run(Frame f);
}
