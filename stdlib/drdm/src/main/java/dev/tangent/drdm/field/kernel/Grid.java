package dev.tangent.drdm.field.kernel;

import dev.tangent.spi.TangentError;
import java.util.Arrays;

/**
 * The spatial grid of a field or an image: 2 or 3 axes of at least 2 voxels, row-major (the last
 * axis is contiguous), voxel centres at integer indices 0..S_k-1.
 */
public final class Grid {
  /** The most voxels one grid may hold: one Java array of 3 channels must fit (2^31 - 9 elements). */
  public static final long MAX_VOXELS = (Integer.MAX_VALUE - 8L) / 3;

  private final int[] size;
  public final int nd;
  public final int voxels;

  private Grid(int[] size) {
    this.size = size;
    this.nd = size.length;
    long v = 1;
    for (int s : size) v *= s;
    this.voxels = (int) v;
  }

  /** A grid of these sizes; {@code fn} names the caller in the error message. */
  public static Grid of(int[] size, String fn) {
    if (size.length != 2 && size.length != 3) {
      throw TangentError.runtime(fn + ": fields are 2-D or 3-D, got " + size.length + " spatial axes " + text(size));
    }
    long v = 1;
    for (int s : size) {
      if (s < 2) throw TangentError.runtime(fn + ": every spatial axis needs at least 2 voxels, got shape " + text(size));
      v = Math.multiplyExact(v, (long) s);
      if (v > MAX_VOXELS) throw TangentError.runtime(fn + ": a grid of shape " + text(size) + " is too large (at most " + MAX_VOXELS + " voxels)");
    }
    return new Grid(size.clone());
  }

  public int size(int k) { return size[k]; }

  public int[] sizes() { return size.clone(); }

  /** The step between neighbours along axis k in a row-major plane. */
  public int stride(int k) {
    int s = 1;
    for (int i = k + 1; i < nd; i++) s *= size[i];
    return s;
  }

  @Override public boolean equals(Object o) {
    return o instanceof Grid g && Arrays.equals(g.size, size);
  }

  @Override public int hashCode() { return Arrays.hashCode(size); }

  /** "(64, 64)", the way Tangent prints shapes. */
  @Override public String toString() { return text(size); }

  public static String text(int[] shape) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) sb.append(i > 0 ? ", " : "").append(shape[i]);
    return sb.append(shape.length == 1 ? ",)" : ")").toString();
  }
}
