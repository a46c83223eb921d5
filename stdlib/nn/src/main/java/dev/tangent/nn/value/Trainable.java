package dev.tangent.nn.value;

/**
 * Something whose parameters autograd records through when they require gradients (a Block):
 * results computed from it are tracked. Lets this package ask without knowing layers.
 */
public interface Trainable {
  boolean trainable();
}
