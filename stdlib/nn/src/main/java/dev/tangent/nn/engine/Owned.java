package dev.tangent.nn.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Engine arrays made from Java data in memory that libtorch owns. Every array nn makes from Java
 * values (tensors, lists, numbers, file contents) comes from here.
 *
 * <p>Why: DJL's {@code NDManager.create(float[] ...)} and the number operand of its
 * {@code x.div(2.0)} and friends make a libtorch array that borrows a Java direct buffer
 * (torch::from_blob without a deleter). Java frees that buffer once the array object is closed
 * or collected, but libtorch can still hold the array: autograd saves the operands its backward
 * pass needs, and a slice is a view of its base's memory. The backward pass or the view then reads
 * freed memory (NaN weights in training whenever a collection fell between a forward and a
 * backward pass). An array from here is libtorch's own, reference-counted like any result, and is
 * filled through a view of its memory: one copy, as DJL's own path makes.
 */
public final class Owned {
  private Owned() {}

  public static NDArray of(NDManager m, float[] v, Shape shape) {
    if (m.getDevice().isGpu()) return m.create(v, shape);   // DJL copies it to the device: the device's own
    return filled(m, shape, DataType.FLOAT32, v.length, b -> b.asFloatBuffer().put(v));
  }

  public static NDArray of(NDManager m, double[] v, Shape shape) {
    if (m.getDevice().isGpu()) return m.create(v, shape);
    return filled(m, shape, DataType.FLOAT64, v.length, b -> b.asDoubleBuffer().put(v));
  }

  public static NDArray of(NDManager m, long[] v, Shape shape) {
    if (m.getDevice().isGpu()) return m.create(v, shape);
    return filled(m, shape, DataType.INT64, v.length, b -> b.asLongBuffer().put(v));
  }

  public static NDArray of(NDManager m, int[] v, Shape shape) {
    if (m.getDevice().isGpu()) return m.create(v, shape);
    return filled(m, shape, DataType.INT32, v.length, b -> b.asIntBuffer().put(v));
  }

  public static NDArray of(NDManager m, boolean[] v, Shape shape) {
    if (m.getDevice().isGpu()) return m.create(v, shape);
    return filled(m, shape, DataType.BOOLEAN, v.length, b -> {
      for (int i = 0; i < v.length; i++) b.put(i, (byte) (v[i] ? 1 : 0));
    });
  }

  /**
   * A 0-dimensional array holding n, typed as DJL types a number operand (Integer int32, Long
   * int64, Float float32, Double float64), so results are those of DJL's own x.op(n).
   */
  public static NDArray scalar(NDManager m, Number n) {
    Shape s = new Shape();
    if (n instanceof Double d) return of(m, new double[] {d}, s);
    if (n instanceof Float f) return of(m, new float[] {f}, s);
    if (n instanceof Long l) return of(m, new long[] {l}, s);
    if (n instanceof Integer i) return of(m, new int[] {i}, s);
    throw new IllegalArgumentException("no engine scalar for a " + n.getClass().getName());
  }

  /** An uninitialised array of libtorch's, written through a native-order view of its memory. */
  private static NDArray filled(NDManager m, Shape shape, DataType type, int length, Consumer<ByteBuffer> fill) {
    if (shape.size() != length) {
      throw new IllegalArgumentException(length + " values for shape " + shape + " (" + shape.size() + " elements)");
    }
    NDArray a = m.create(shape, type);   // torch::empty
    if (length == 0) return a;
    try {
      fill.accept(Convert.bytes(a));
      return a;
    } catch (RuntimeException e) {
      a.close();
      throw e;
    }
  }
}
