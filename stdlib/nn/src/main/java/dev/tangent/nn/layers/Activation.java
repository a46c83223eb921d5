package dev.tangent.nn.layers;

import ai.djl.ndarray.NDArray;
import dev.tangent.spi.TangentError;

/** A parameter-free elementwise (or softmax) stage, for sequential(). */
public final class Activation extends Block {
  private final String fn;
  private final double arg;

  public Activation(String fn, double arg) {
    this.fn = fn;
    this.arg = arg;
  }

  @Override public NDArray forward(Forward f, NDArray x) {
    return apply(fn, arg, x);
  }

  public static NDArray apply(String fn, double arg, NDArray x) {
    switch (fn) {
      case "relu": return Functional.relu(x);
      case "leaky_relu": return Functional.leakyRelu(x, arg);
      case "gelu": return Functional.gelu(x, false);
      case "gelu_tanh": return Functional.gelu(x, true);
      case "softmax": return Functional.softmax(x, (int) arg);
      case "log_softmax": return Functional.logSoftmax(x, (int) arg);
      case "tanh": return x.tanh();
      case "sigmoid": return x.getNDArrayInternal().sigmoid();
      default: throw TangentError.runtime("unknown activation '" + fn + "'");
    }
  }

  @Override public String kind() {
    switch (fn) {
      case "relu": return "ReLU";
      case "leaky_relu": return "LeakyReLU";
      case "gelu": case "gelu_tanh": return "GELU";
      case "softmax": return "Softmax";
      case "log_softmax": return "LogSoftmax";
      case "tanh": return "Tanh";
      default: return "Sigmoid";
    }
  }

  @Override public String describe() {
    switch (fn) {
      case "leaky_relu": return "LeakyReLU(slope " + arg + ")";
      case "gelu_tanh": return "GELU(approximate: \"tanh\")";
      case "softmax": case "log_softmax": return kind() + "(axis " + (int) arg + ")";
      default: return kind() + "()";
    }
  }
}
