package dev.tangent.io;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.diag.TangentError;
import dev.tangent.io.array.DType;
import dev.tangent.io.array.NdArray;

/** Between file arrays and tensors: floats stay f32/f64, integers become i64, booleans bool. */
public final class ArrayConvert {
  private ArrayConvert() {}

  public static Tensor toTensor(NdArray a) {
    switch (a.dtype) {
      case F64:
        return Tensor.ofDoubles(a.shape, a.toDoubles());
      case F32: case F16: case BF16:
        return Tensor.ofFloats(a.shape, a.toFloats());
      case BOOL: {
        byte[] b = a.bytes();
        boolean[] v = new boolean[b.length];
        for (int i = 0; i < v.length; i++) v[i] = b[i] != 0;
        return Tensor.ofBools(a.shape, v);
      }
      default:
        return Tensor.ofLongs(a.shape, a.toLongs());
    }
  }

  /** The array to write; {@code dtype} (e.g. "u8") overrides the tensor's own element type. */
  public static NdArray fromTensor(Tensor t, String dtype) {
    String dt = dtype == null ? t.dtype() : dtype.toLowerCase();
    int[] shape = t.shape();
    switch (dt) {
      case "f64": return NdArray.ofDoubles(shape, t.toDoubleArray());
      case "f32": return NdArray.ofFloats(shape, t.toFloatArray());
      case "i64": return NdArray.ofLongs(shape, t.toLongArray());
      case "bool": {
        double[] d = t.toDoubleArray();
        byte[] b = new byte[d.length];
        for (int i = 0; i < d.length; i++) b[i] = (byte) (d[i] != 0 ? 1 : 0);
        return NdArray.ofBytes(DType.BOOL, shape, b);
      }
      case "u8": {
        double[] d = t.toDoubleArray();
        byte[] b = new byte[d.length];
        for (int i = 0; i < d.length; i++) {
          if (d[i] < 0 || d[i] > 255 || d[i] != Math.rint(d[i])) {
            throw TangentError.runtime("value " + d[i] + " does not fit in u8 (integers 0..255)");
          }
          b[i] = (byte) (int) d[i];
        }
        return NdArray.ofBytes(DType.U8, shape, b);
      }
      default:
        throw TangentError.runtime("unsupported dtype '" + dtype + "' (use f64, f32, i64, u8 or bool)");
    }
  }
}
