package dev.tangent.nn.value;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import dev.tangent.core.tensor.BufferStorage;
import dev.tangent.core.tensor.DType;
import dev.tangent.core.tensor.Storage;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.nn.engine.Convert;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Where the language's Tensor (plain arrays: Java heap, or ND4J's native memory) and nn's DTensor
 * (PyTorch memory, autograd, devices) meet: the one conversion API, for scripts (nn.dtensor(x),
 * d.tensor()) and for modules.
 *
 * <p>Copies are one bulk memory copy each way (no per-element Java calls). With {@code share}, a
 * CPU conversion of f32, f64 or i64 elements shares memory instead: a Tensor in native memory
 * (ND4J) becomes a network array over the same bytes, and a network array becomes a Tensor over
 * its bytes; each side then keeps the other's owner alive, and a write through one is seen by
 * the other (as numpy's torch.from_numpy / tensor.numpy()). docs/tensors.md has the rules and
 * docs/benchmarks.md the cost on a 256³ f32 volume.
 */
public final class TensorBridge {
  private TensorBridge() {}

  /** A copy of {@code t} as a network array on the CPU of {@code m} (floating tensors as floatType). */
  public static NDArray toNd(NDManager m, Tensor t, DataType floatType) {
    return Convert.toNd(m, t, floatType);
  }

  /** A Java-heap copy of a network array. */
  public static Tensor toTensor(NDArray a) {
    return Convert.toTensor(a);
  }

  /**
   * {@code t} as a DTensor on the CPU of {@code m}: floating tensors as {@code floatType}, i64 as
   * i64, bool as boolean. With {@code share}, the same memory when the tensor lives in native
   * memory (ND4J, or a Tensor that itself views a DTensor) with that element type; the DTensor then
   * keeps the tensor's memory alive. Otherwise a copy.
   */
  public static DTensor toDTensor(NDManager m, Tensor t, DataType floatType, boolean share) {
    Storage s = t.storage();
    if (share && Convert.targetType(t, floatType) == Convert.djlType(s.dtype())) {
      ByteBuffer bytes = s.nativeBuffer();
      if (bytes != null) {
        DTensor d = new DTensor(m.create(bytes, Convert.shape(t.shape()), Convert.djlType(s.dtype())));
        d.owner = s.nativeOwner();
        return d;
      }
    }
    return new DTensor(Convert.toNd(m, t, floatType));
  }

  /**
   * A DTensor's elements as a Tensor. With {@code share} and a CPU array of f32, f64 or i64, a
   * Tensor over the same memory (it keeps the DTensor alive); otherwise a Java-heap copy.
   */
  public static Tensor toTensor(DTensor d, boolean share) {
    NDArray a = d.nd();
    DType dt = Convert.coreType(a.getDataType());
    if (!share || a.getDevice().isGpu() || dt == null || dt == DType.BOOL) return Convert.toTensor(a);
    int[] shape = Convert.ints(a.getShape());
    ByteBuffer view = ((PtNDArray) a).toByteBuffer(true).order(ByteOrder.nativeOrder());
    int n = 1;
    for (int k : shape) n = Math.multiplyExact(n, k);
    return Tensor.of(shape, BufferStorage.view(view, dt, n, d));
  }
}
