package dev.tangent.nn.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import dev.tangent.core.tensor.DType;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;

/**
 * Copies between the language's Tensor (through its stable API only) and engine arrays, and the
 * type and shape mappings nn.value.TensorBridge (which adds shared memory) builds on. A copy into
 * fresh memory costs mostly its page faults (about 0.25 s for 64 MiB on these VMs, against 5 ms
 * for the copy itself: docs/benchmarks.md), so a conversion makes one copy, into memory that
 * libtorch owns (Owned).
 */
public final class Convert {
  private Convert() {}

  /**
   * Floating tensors become {@code floatType}; integer tensors int64; bool tensors boolean. The
   * copy is libtorch's own memory (see Owned).
   */
  public static NDArray toNd(NDManager m, Tensor t, DataType floatType) {
    Shape shape = shape(t.shape());
    switch (t.dtype()) {
      case "i64":
        return Owned.of(m, t.toLongArray(), shape);
      case "bool": {
        double[] d = t.toDoubleArray();
        boolean[] b = new boolean[d.length];
        for (int i = 0; i < b.length; i++) b[i] = d[i] != 0;
        return Owned.of(m, b, shape);
      }
      default:
        if (floatType == DataType.FLOAT64) return Owned.of(m, t.toDoubleArray(), shape);
        return Owned.of(m, t.toFloatArray(), shape);
    }
  }

  public static Tensor toTensor(NDArray a) {
    int[] shape = ints(a.getShape());
    switch (a.getDataType()) {
      case FLOAT64:
        return Tensor.ofDoubles(shape, a.toDoubleArray());
      case FLOAT32:
        return Tensor.ofFloats(shape, a.toFloatArray());
      case FLOAT16: case BFLOAT16:
        try (NDArray f = a.toType(DataType.FLOAT32, true)) {
          return Tensor.ofFloats(shape, f.toFloatArray());
        }
      case BOOLEAN: {
        boolean[] b = a.toBooleanArray();
        double[] d = new double[b.length];
        for (int i = 0; i < d.length; i++) d[i] = b[i] ? 1 : 0;
        return Tensor.ofDoubles(shape, d);
      }
      case INT64:
        return Tensor.ofLongs(shape, a.toLongArray());
      default:
        try (NDArray l = a.toType(DataType.INT64, true)) {
          return Tensor.ofLongs(shape, l.toLongArray());
        }
    }
  }

  /** A native-order view of an engine array's memory (made contiguous first when it is not). */
  public static ByteBuffer bytes(NDArray a) {
    return ((PtNDArray) a).toByteBuffer(true).order(ByteOrder.nativeOrder());
  }

  /** The engine type a tensor converts to: floating as floatType, i64 as int64, bool as boolean. */
  public static DataType targetType(Tensor t, DataType floatType) {
    switch (t.dtype()) {
      case "i64": return DataType.INT64;
      case "bool": return DataType.BOOLEAN;
      default: return floatType;
    }
  }

  public static DataType djlType(DType t) {
    switch (t) {
      case F64: return DataType.FLOAT64;
      case F32: return DataType.FLOAT32;
      case I64: return DataType.INT64;
      default: return DataType.BOOLEAN;
    }
  }

  /** The Tensor element type of an engine type, or null when there is none. */
  public static DType coreType(DataType t) {
    switch (t) {
      case FLOAT64: return DType.F64;
      case FLOAT32: return DType.F32;
      case INT64: return DType.I64;
      case BOOLEAN: return DType.BOOL;
      default: return null;
    }
  }

  public static Shape shape(int[] dims) {
    long[] l = new long[dims.length];
    for (int i = 0; i < l.length; i++) l[i] = dims[i];
    return new Shape(l);
  }

  public static int[] ints(Shape s) {
    int[] out = new int[s.dimension()];
    for (int i = 0; i < out.length; i++) out[i] = Math.toIntExact(s.get(i));
    return out;
  }

  /** "f32" / "f64" (and the long spellings) to a floating data type. */
  public static DataType floatType(String name) {
    if (name == null) return DataType.FLOAT32;
    switch (name.toLowerCase()) {
      case "f32": case "float32": case "float": return DataType.FLOAT32;
      case "f64": case "float64": case "double": return DataType.FLOAT64;
      default: throw TangentError.runtime("unsupported dtype \"" + name + "\" for network arrays (use \"f32\" or \"f64\")");
    }
  }

  public static String dtypeName(DataType t) {
    switch (t) {
      case FLOAT32: return "f32";
      case FLOAT64: return "f64";
      case FLOAT16: return "f16";
      case BFLOAT16: return "bf16";
      case INT64: return "i64";
      case INT32: return "i32";
      case INT8: return "i8";
      case UINT8: return "u8";
      case BOOLEAN: return "bool";
      default: return t.name().toLowerCase();
    }
  }
}
