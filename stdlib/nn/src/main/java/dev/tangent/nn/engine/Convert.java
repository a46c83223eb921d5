package dev.tangent.nn.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;

/** Between the language's Tensor (through its stable API only) and engine arrays. */
public final class Convert {
  private Convert() {}

  /** Floating tensors become {@code floatType}; integer tensors int64; bool tensors boolean. */
  public static NDArray toNd(NDManager m, Tensor t, DataType floatType) {
    Shape shape = shape(t.shape());
    switch (t.dtype()) {
      case "i64":
        return m.create(t.toLongArray(), shape);
      case "bool": {
        double[] d = t.toDoubleArray();
        boolean[] b = new boolean[d.length];
        for (int i = 0; i < b.length; i++) b[i] = d[i] != 0;
        return m.create(b, shape);
      }
      default:
        if (floatType == DataType.FLOAT64) return m.create(t.toDoubleArray(), shape);
        return m.create(t.toFloatArray(), shape);
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
