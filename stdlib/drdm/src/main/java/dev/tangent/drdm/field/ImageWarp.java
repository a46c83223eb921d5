package dev.tangent.drdm.field;

import dev.tangent.core.tensor.HeapStorage;
import dev.tangent.core.tensor.Storage;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.drdm.field.kernel.Interp;
import dev.tangent.drdm.field.kernel.Memory;
import dev.tangent.drdm.field.kernel.Padding;
import dev.tangent.drdm.field.kernel.Planes;
import dev.tangent.drdm.field.kernel.Warp;
import dev.tangent.spi.Context;

/**
 * Warping image tensors: [S...] (one plane), [C, S...] (channels) or [B, C, S...] (a batch), with
 * S the field's grid. A batch of fields pairs with a batch of images sample by sample, and warps a
 * single image (or a batch of one) once per field, adding a leading batch axis. f32 stays f32 and
 * f64 stays f64; with nearest, i64 and bool values (label maps) are copied exactly; other
 * integer images are interpolated into f64.
 */
final class ImageWarp {
  private ImageWarp() {}

  static Tensor warp(Deformation phi, Tensor img, Interp mode, Padding pad, Context ctx, String fn) {
    Grid g = phi.grid();
    int nd = g.nd;
    int[] s = img.shape();
    int lead = s.length - nd;
    if (lead < 0 || lead > 2 || !sameSpatial(s, lead, g)) {
      throw TangentError.runtime(fn + ": a field on the grid " + g + " warps images of shape " + shapes(g)
          + ", got shape " + Grid.text(s));
    }
    int channels = lead >= 1 ? s[lead - 1] : 1;
    int images = lead == 2 ? s[0] : 1;
    int outCount = images;
    int[] outShape = s;
    if (phi.batched()) {
      if (lead == 2 && images != phi.count() && images != 1) {
        throw TangentError.runtime(fn + ": " + images + " images for a batch of " + phi.count() + " fields (give one image or one per field)");
      }
      outCount = phi.count();
      if (lead == 2) {
        outShape = s.clone();
        outShape[0] = outCount;
      } else {
        outShape = new int[s.length + 1];
        outShape[0] = outCount;
        System.arraycopy(s, 0, outShape, 1, s.length);
      }
    }
    long total = (long) outCount * channels * g.voxels;
    String dtype = img.dtype();
    Kind kind = dtype.equals("f32") ? Kind.F32 : dtype.equals("f64") ? Kind.F64
        : mode == Interp.NEAREST ? Kind.LONG : Kind.F64;
    Object src = source(img, kind);
    Object dst;
    switch (kind) {
      case F32: dst = Memory.floats(total, fn); break;
      case F64: dst = Memory.doubles(total, fn); break;
      default: dst = Memory.longs(total, fn);
    }
    int per = channels * g.voxels;
    for (int b = 0; b < outCount; b++) {
      if (channels == 0) break;
      int field = phi.batched() ? b : 0, image = images == 1 ? 0 : b;
      Warp.apply(g, phi.voxels(), phi.offset(field), new Planes(src, image * per, channels), new Planes(dst, b * per, channels), mode, pad, ctx);
    }
    Storage out;
    if (kind == Kind.LONG && dtype.equals("bool")) {
      long[] l = (long[]) dst;
      boolean[] bo = Memory.bools(l.length, fn);
      for (int i = 0; i < l.length; i++) bo[i] = l[i] != 0;
      out = HeapStorage.of(bo);
    } else if (dst instanceof float[] f) {
      out = HeapStorage.of(f);
    } else if (dst instanceof double[] d) {
      out = HeapStorage.of(d);
    } else {
      out = HeapStorage.of((long[]) dst);
    }
    return Tensor.of(outShape, out);
  }

  private enum Kind { F32, F64, LONG }

  /** The image's elements in the kernel's array type, without a copy when they already are one. */
  private static Object source(Tensor img, Kind kind) {
    Object heap = img.storage().heapArray();
    switch (kind) {
      case F32: return heap instanceof float[] f ? f : img.toFloatArray();
      case F64: return heap instanceof double[] d ? d : img.toDoubleArray();
      default: return heap instanceof long[] l ? l : img.toLongArray();
    }
  }

  private static boolean sameSpatial(int[] s, int lead, Grid g) {
    for (int k = 0; k < g.nd; k++) if (s[lead + k] != g.size(k)) return false;
    return true;
  }

  static String shapes(Grid g) {
    String sp = g.toString();
    String inner = sp.substring(1, sp.length() - 1);
    return sp + ", (C, " + inner + ") or (B, C, " + inner + ")";
  }
}
