package dev.tangent.drdm.net.warp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.tangent.nn.engine.Owned;
import dev.tangent.nn.engine.Scalars;
import dev.tangent.spi.TangentError;

/**
 * The DRDM spatial transformer (PyTorch's grid_sample with align_corners=True, as the reference
 * STN calls it) built from ops that libtorch's autograd differentiates, so gradients reach both the
 * image and the field:
 *
 * <pre>  out[b, c, x] = I[b, c, x + S·u[b, :, x]]</pre>
 *
 * with x an integer voxel index and u in fraction-of-size units, channel k along spatial axis k,
 * bilinear in 2D and trilinear in 3D. The unit S is the size of the first spatial axis for every
 * component, as the reference network's resample (max_sz = [S_0]·nd); square and cubic grids,
 * the reference's only ones, have no other choice. Padding "zeros": a corner outside
 * the grid contributes 0; "border": the sample position is clamped to [0, S_k - 1] first (its
 * gradient is then 0, as grid_sample's).
 *
 * <p>How: the 2^nd corner indices and weights are computed on [B, N] arrays (N voxels), the image
 * is read with one gather of all corners ([B, C, 2^nd·N]) and the weighted corners are summed.
 * Autograd gives d/dI through gather (a scatter-add) and d/du through the fractional weights.
 */
public final class Warp {
  private Warp() {}

  /** img [B, C, X0, X1(, X2)], field [B, nd, X0, X1(, X2)] (the same spatial sizes). */
  public static NDArray warp(NDArray img, NDArray field, Padding padding) {
    Shape is = img.getShape();
    Shape fs = field.getShape();
    int nd = is.dimension() - 2;
    if (nd != 2 && nd != 3) throw TangentError.runtime("warp: the image must be [B, C, H, W] or [B, C, D, H, W], got " + is);
    long[] size = new long[nd];
    for (int k = 0; k < nd; k++) size[k] = is.get(2 + k);
    if (fs.dimension() != nd + 2 || fs.get(1) != nd || fs.get(0) != is.get(0)
        || !fs.slice(2).equals(is.slice(2))) {
      throw TangentError.runtime("warp: the field must be [B, " + nd + ", " + spatial(size) + "] for an image of shape " + is
          + ", got " + fs);
    }
    long b = is.get(0);
    long c = is.get(1);
    long n = is.slice(2).size();
    NDManager m = img.getManager();
    DataType dt = field.getDataType();
    NDArray u = field.reshape(b, nd, n);

    long[] stride = new long[nd];
    long st = 1;
    for (int k = nd - 1; k >= 0; k--) {
      stride[k] = st;
      st *= size[k];
    }
    NDArray[][] index = new NDArray[nd][2];
    NDArray[][] weight = new NDArray[nd][2];
    for (int k = 0; k < nd; k++) {
      NDArray pos = Scalars.mul(u.get(new NDIndex(":, {}, :", k)), size[0]).add(reference(m, size, k, dt, field));
      if (padding == Padding.BORDER) pos = clamp(pos, 0, size[k] - 1);
      NDArray lo = pos.floor();
      NDArray frac = pos.sub(lo);
      NDArray i0 = lo.toType(DataType.INT64, false);
      NDArray i1 = Scalars.add(i0, 1);
      NDArray w0 = Scalars.add(frac.neg(), 1);
      NDArray w1 = frac;
      if (padding == Padding.ZEROS) {
        w0 = w0.mul(inside(i0, size[k], dt));
        w1 = w1.mul(inside(i1, size[k], dt));
      }
      index[k][0] = Scalars.mul(clamp(i0, 0, size[k] - 1), stride[k]);
      index[k][1] = Scalars.mul(clamp(i1, 0, size[k] - 1), stride[k]);
      weight[k][0] = w0;
      weight[k][1] = w1;
    }
    int corners = 1 << nd;
    NDList idx = new NDList(corners);
    NDList wts = new NDList(corners);
    for (int corner = 0; corner < corners; corner++) {
      NDArray i = null;
      NDArray w = null;
      for (int k = 0; k < nd; k++) {
        int bit = (corner >> (nd - 1 - k)) & 1;
        i = i == null ? index[k][bit] : i.add(index[k][bit]);
        w = w == null ? weight[k][bit] : w.mul(weight[k][bit]);
      }
      idx.add(i);
      wts.add(w);
    }
    NDArray allIdx = NDArrays.stack(idx, 1).reshape(b, 1, corners * n);
    NDArray allW = NDArrays.stack(wts, 1).reshape(b, 1, corners, n);
    NDArray expanded = JniUtils.broadcast((PtNDArray) allIdx, new Shape(b, c, corners * n));
    NDArray taps = JniUtils.gather((PtNDArray) img.reshape(b, c, n), (PtNDArray) expanded, 2).reshape(b, c, corners, n);
    return taps.mul(allW).sum(new int[] {2}).reshape(is);
  }

  /** The integer coordinate along axis k of every voxel, as [1, N]. */
  private static NDArray reference(NDManager m, long[] size, int axis, DataType dt, NDArray like) {
    long[] shape = new long[size.length];
    java.util.Arrays.fill(shape, 1);
    shape[axis] = size[axis];
    NDArray r = m.arange(0f, (float) size[axis], 1f, dt).toDevice(like.getDevice(), false).reshape(shape);
    long n = 1;
    for (long s : size) n *= s;
    return r.broadcast(new Shape(size)).reshape(1, n);
  }

  /**
   * x.clip(lo, hi) with owned bounds (DJL's clip borrows Java memory for them; see nn's
   * engine.Owned) and clamp's values, types and gradient: 1 inside and on the bounds, 0 outside
   * and at NaN (which stays NaN). DJL's where wants an array of the condition's shape first, so
   * the value outside is built from a detached x with negated conditions.
   */
  private static NDArray clamp(NDArray x, Number lo, Number hi) {
    NDManager m = x.getManager();
    try (NDArray l = Owned.scalar(m, lo); NDArray h = Owned.scalar(m, hi)) {
      NDArray still = x.stopGradient();
      NDArray outside = NDArrays.where(x.gt(h).logicalNot(), NDArrays.where(x.lt(l).logicalNot(), still, l), h);
      return NDArrays.where(x.gte(l).logicalAnd(x.lte(h)), x, outside);
    }
  }

  private static NDArray inside(NDArray i, long size, DataType dt) {
    return Scalars.gte(i, 0).logicalAnd(Scalars.lt(i, size)).toType(dt, false);
  }

  private static String spatial(long[] size) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < size.length; k++) sb.append(k > 0 ? ", " : "").append(size[k]);
    return sb.toString();
  }
}
