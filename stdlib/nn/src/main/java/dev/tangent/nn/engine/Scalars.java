package dev.tangent.nn.engine;

import ai.djl.ndarray.NDArray;

/**
 * Arithmetic with a Java number as one operand, through a scalar array libtorch owns. Use these,
 * never DJL's {@code x.div(2.0)} and the other NDArray methods that take a Number: those close the
 * scalar they make right after the operation, and its borrowed memory is freed while autograd may
 * still hold it for the backward pass (see {@link Owned}). Closing an owned scalar is safe:
 * libtorch keeps it alive as long as the graph needs it.
 */
public final class Scalars {
  private Scalars() {}

  public static NDArray add(NDArray x, Number n) {
    try (NDArray s = scalar(x, n)) {
      return x.add(s);
    }
  }

  public static NDArray sub(NDArray x, Number n) {
    try (NDArray s = scalar(x, n)) {
      return x.sub(s);
    }
  }

  public static NDArray mul(NDArray x, Number n) {
    try (NDArray s = scalar(x, n)) {
      return x.mul(s);
    }
  }

  public static NDArray div(NDArray x, Number n) {
    try (NDArray s = scalar(x, n)) {
      return x.div(s);
    }
  }

  public static NDArray pow(NDArray x, Number n) {
    try (NDArray s = scalar(x, n)) {
      return x.pow(s);
    }
  }

  public static NDArray maximum(NDArray x, Number n) {
    try (NDArray s = scalar(x, n)) {
      return x.maximum(s);
    }
  }

  public static NDArray gte(NDArray x, Number n) {
    try (NDArray s = scalar(x, n)) {
      return x.gte(s);
    }
  }

  public static NDArray lt(NDArray x, Number n) {
    try (NDArray s = scalar(x, n)) {
      return x.lt(s);
    }
  }

  /** In place: x += n; returns x. */
  public static NDArray addi(NDArray x, Number n) {
    try (NDArray s = scalar(x, n)) {
      return x.addi(s);
    }
  }

  /** In place: x *= n; returns x. */
  public static NDArray muli(NDArray x, Number n) {
    try (NDArray s = scalar(x, n)) {
      return x.muli(s);
    }
  }

  /** In place: x /= n; returns x. */
  public static NDArray divi(NDArray x, Number n) {
    try (NDArray s = scalar(x, n)) {
      return x.divi(s);
    }
  }

  /** n as an owned scalar of x's manager (and so x's device), typed as DJL types number operands. */
  private static NDArray scalar(NDArray x, Number n) {
    return Owned.scalar(x.getManager(), n);
  }
}
