package dev.tangent.io;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
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
      default: {
        DType target = integerType(dt);
        if (target == null) {
          throw TangentError.runtime("unsupported dtype '" + dtype + "' (use f64, f32, i64, i32, i16, i8, u32, u16, u8 or bool)");
        }
        double[] d = t.toDoubleArray();
        checkFits(d, target);
        return NdArray.ofValues(target, shape, d);
      }
    }
  }

  static DType integerType(String name) {
    switch (name) {
      case "i32": return DType.I32;
      case "i16": return DType.I16;
      case "i8": return DType.I8;
      case "u32": return DType.U32;
      case "u16": return DType.U16;
      case "u8": return DType.U8;
      default: return null;
    }
  }

  /** The range of an integer element type, as {min, max}. */
  public static double[] range(DType d) {
    switch (d) {
      case U8: return new double[] {0, 255};
      case I8: return new double[] {-128, 127};
      case U16: return new double[] {0, 65535};
      case I16: return new double[] {-32768, 32767};
      case U32: return new double[] {0, 4294967295.0};
      case I32: return new double[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
      case BOOL: return new double[] {0, 1};
      default: return new double[] {-0x1p63, 0x1p63 - 1024};
    }
  }

  /** Fails with a clear message when a value is not an integer in the range of {@code d}. */
  public static void checkFits(double[] v, DType d) {
    double[] r = range(d);
    for (double x : v) {
      if (x < r[0] || x > r[1] || x != Math.rint(x)) {
        throw TangentError.runtime("value " + dev.tangent.spi.Display.number(x) + " does not fit in " + d.lower()
            + " (integers " + dev.tangent.spi.Display.number(r[0]) + ".." + dev.tangent.spi.Display.number(r[1]) + ")");
      }
    }
  }

  /** True when every value is an integer within the range of {@code d}. */
  public static boolean fits(double[] v, DType d) {
    double[] r = range(d);
    for (double x : v) if (x < r[0] || x > r[1] || x != Math.rint(x)) return false;
    return true;
  }
  /** "[2, 3]"-style text of a shape, for messages. */
  public static String shapeText(int[] shape) {
    return java.util.Arrays.toString(shape);
  }
}
