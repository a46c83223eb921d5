package dev.tangent.io.data;

import dev.tangent.io.array.DType;
import dev.tangent.io.array.NdArray;
import java.util.Arrays;

/** Helpers for row slices and stacking rows into batches. */
public final class Rows {
  private Rows() {}

  public static int[] rowShape(int[] shape) {
    return Arrays.copyOfRange(shape, 1, shape.length);
  }

  public static NdArray row(NdArray a, long i) {
    int[] rs = rowShape(a.shape);
    int rowBytes = (int) (NdArray.count(rs) * a.dtype.bytes);
    byte[] b = new byte[rowBytes];
    System.arraycopy(a.bytes(), (int) (i * rowBytes), b, 0, rowBytes);
    return new NdArray(a.dtype, rs, b);
  }

  /** Stacks same-shaped arrays along a new first axis. */
  public static NdArray stack(NdArray[] rows, int n, String field) {
    NdArray first = rows[0];
    int rowBytes = first.bytes().length;
    byte[] out = new byte[rowBytes * n];
    for (int i = 0; i < n; i++) {
      NdArray r = rows[i];
      if (r.dtype != first.dtype || !Arrays.equals(r.shape, first.shape)) {
        throw dev.tangent.spi.TangentError.runtime("batch(): " + field + " has elements of different shapes or types: "
            + describe(first.dtype, first.shape) + " and " + describe(r.dtype, r.shape));
      }
      System.arraycopy(r.bytes(), 0, out, i * rowBytes, rowBytes);
    }
    int[] shape = new int[first.shape.length + 1];
    shape[0] = n;
    System.arraycopy(first.shape, 0, shape, 1, first.shape.length);
    return new NdArray(first.dtype, shape, out);
  }

  public static String describe(DType d, int[] shape) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < shape.length; i++) sb.append(i > 0 ? "x" : "").append(shape[i]);
    return (shape.length == 0 ? "scalar " : sb + " ") + d.lower();
  }
}
