package dev.tangent.core.tensor;

/**
 * A value that stands for a tensor (a deformation field is its displacement tensor). Modules that
 * take tensors, such as plot, accept these too, without depending on the module that defines them.
 */
public interface TensorConvertible {
  /** The tensor this value stands for. */
  Tensor toTensor();
}
