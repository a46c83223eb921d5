package dev.tangent.drdm.field;

import dev.tangent.spi.BinOp;
import dev.tangent.core.tensor.HeapStorage;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.core.tensor.TensorConvertible;
import dev.tangent.spi.TangentError;
import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.drdm.field.kernel.Interp;
import dev.tangent.drdm.field.kernel.Inversion;
import dev.tangent.drdm.field.kernel.Jacobian;
import dev.tangent.drdm.field.kernel.Memory;
import dev.tangent.drdm.field.kernel.Padding;
import dev.tangent.drdm.field.kernel.Planes;
import dev.tangent.drdm.field.kernel.Warp;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Context;
import dev.tangent.spi.HasMembers;
import dev.tangent.spi.Indexable;
import dev.tangent.spi.Ints;
import dev.tangent.spi.Operand;
import dev.tangent.spi.Sized;
import dev.tangent.spi.Slice;
import java.util.Collection;
import java.util.List;

/**
 * A displacement field u on a 2-D or 3-D grid, or a batch of them, as a value: channel k is the
 * displacement along spatial axis k, in voxels, stored as float32 [B][nd][voxels]. It stands for
 * the map T(x) = x + u(x) and warps images by pull-back, {@code phi(I)[x] = I(x + u(x))}.
 *
 * <p>Composition follows the images: {@code (phi * psi)(I) == phi(psi(I))}, i.e. psi is applied to
 * the image first. Its field is {@code phi + psi(phi)} ("c = b + warp(a, b)" in DRDM's code with
 * a = psi, b = phi), so T_{phi*psi} = T_psi o T_phi. Values are immutable; operations make new ones.
 */
public final class Deformation implements Operand, Callable, HasMembers, Indexable, Sized, TensorConvertible {
  private static final Object MEMBERS_KEY = new Object();

  private final Grid grid;
  private final int count;
  private final boolean batched;
  private final float[] data;

  private Deformation(Grid grid, int count, boolean batched, float[] data) {
    this.grid = grid;
    this.count = count;
    this.batched = batched;
    this.data = data;
  }

  // ------------------------------------------------------------------ construction (Java API)

  /**
   * A field in voxels over {@code spatial}; {@code voxels} holds nd planes (row-major) and is owned
   * by the Deformation from now on. Non-finite values are rejected.
   */
  public static Deformation ofVoxels(int[] spatial, float[] voxels) {
    return of(Grid.of(spatial, "Deformation()"), 1, false, voxels, Units.VOXELS, "Deformation()");
  }

  /** A batch of {@code batch} fields in voxels: [batch][nd][voxels]. */
  public static Deformation ofVoxels(int batch, int[] spatial, float[] voxels) {
    return of(Grid.of(spatial, "Deformation()"), batch, true, voxels, Units.VOXELS, "Deformation()");
  }

  /** A field in DRDM's units (fractions of S_0, the first spatial size); the values are converted to voxels in place. */
  public static Deformation ofFraction(int[] spatial, float[] fraction) {
    return of(Grid.of(spatial, "Deformation()"), 1, false, fraction, Units.FRACTION, "Deformation()");
  }

  /** A batch of fields in DRDM's units, converted to voxels in place. */
  public static Deformation ofFraction(int batch, int[] spatial, float[] fraction) {
    return of(Grid.of(spatial, "Deformation()"), batch, true, fraction, Units.FRACTION, "Deformation()");
  }

  static Deformation of(Grid g, int count, boolean batched, float[] values, Units units, String fn) {
    if (count < 0 || (long) count * g.nd * g.voxels != values.length) {
      throw TangentError.runtime(fn + ": " + values.length + " values do not make " + count + " field(s) of " + g.nd + " channels on " + g);
    }
    for (float x : values) {
      if (!Float.isFinite(x)) throw TangentError.runtime(fn + ": the displacement has NaN or infinite values");
    }
    if (units == Units.FRACTION) toVoxels(g, values);
    return new Deformation(g, count, batched, values);
  }

  /** Wraps values made by this module's kernels (already checked, in voxels); not copied. */
  public static Deformation wrap(Grid g, int count, boolean batched, float[] voxels) {
    return new Deformation(g, count, batched, voxels);
  }

  public static Deformation identity(Grid g, Integer batch) {
    int n = batch == null ? 1 : batch;
    return new Deformation(g, n, batch != null, Memory.floats((long) n * g.nd * g.voxels, "identity()"));
  }

  /** Fraction units to voxels in place: every component times S_0 (see {@link Units#FRACTION}). */
  static void toVoxels(Grid g, float[] v) {
    float s = Units.unit(g);
    for (int i = 0; i < v.length; i++) v[i] *= s;
  }

  static void toFraction(Grid g, float[] v) {
    float s = Units.unit(g);
    for (int i = 0; i < v.length; i++) v[i] /= s;
  }

  // ------------------------------------------------------------------ accessors

  public Grid grid() { return grid; }

  /** 2 or 3. */
  public int nd() { return grid.nd; }

  public boolean batched() { return batched; }

  /** The number of fields: the batch size, or 1. */
  public int count() { return count; }

  /** The displacement in voxels, [count][nd][voxels]: the Deformation's own array; do not modify it. */
  public float[] voxels() { return data; }

  /** The offset of sample b's first plane in {@link #voxels()}. */
  public int offset(int b) { return b * grid.nd * grid.voxels; }

  /** A copy of the displacement in the given units. */
  public float[] values(Units units) {
    float[] v = data.clone();
    if (units == Units.FRACTION) toFraction(grid, v);
    return v;
  }

  /** The shape of {@link #tensor}: [nd, ...spatial] or [B, nd, ...spatial]. */
  public int[] tensorShape() {
    int[] s = grid.sizes();
    int lead = batched ? 2 : 1;
    int[] out = new int[s.length + lead];
    if (batched) out[0] = count;
    out[lead - 1] = grid.nd;
    System.arraycopy(s, 0, out, lead, s.length);
    return out;
  }

  /** The displacement as a float32 tensor in the given units (a copy). */
  public Tensor tensor(Units units) {
    return Tensor.of(tensorShape(), HeapStorage.of(values(units)));
  }

  @Override public Tensor toTensor() { return tensor(Units.VOXELS); }

  /** Sample b of a batch, as an unbatched field. */
  public Deformation sample(int b) {
    int n = grid.nd * grid.voxels;
    float[] v = new float[n];
    System.arraycopy(data, b * n, v, 0, n);
    return new Deformation(grid, 1, false, v);
  }

  // ------------------------------------------------------------------ operations

  /** Warps an image tensor (see ImageWarp for the shapes). */
  public Tensor warp(Tensor img, Interp mode, Padding pad, Context ctx) {
    return ImageWarp.warp(this, img, mode, pad, ctx, "warp()");
  }

  /** {@code this * psi}: psi first, then this, on images; field this + psi(x + this(x)). */
  public Deformation compose(Deformation psi, Padding pad, Context ctx) {
    int n = pairCount(psi, "*");
    int per = grid.nd * grid.voxels;
    float[] out = Memory.floats((long) n * per, "compose()");
    for (int b = 0; b < n; b++) {
      int po = batched ? b * per : 0, qo = psi.batched ? b * per : 0;
      Warp.apply(grid, data, po, new Planes(psi.data, qo, grid.nd), new Planes(out, b * per, grid.nd), Interp.LINEAR, pad, ctx);
      for (int i = 0; i < per; i++) out[b * per + i] += data[po + i];
    }
    return new Deformation(grid, n, batched || psi.batched, out);
  }

  /** Adds the displacements (not a composition). */
  public Deformation plus(Deformation psi) {
    int n = pairCount(psi, "+");
    int per = grid.nd * grid.voxels;
    float[] out = Memory.floats((long) n * per, "+");
    for (int b = 0; b < n; b++) {
      int po = batched ? b * per : 0, qo = psi.batched ? b * per : 0;
      for (int i = 0; i < per; i++) out[b * per + i] = data[po + i] + psi.data[qo + i];
    }
    return new Deformation(grid, n, batched || psi.batched, out);
  }

  public Deformation scale(double s) {
    if (!Double.isFinite(s)) throw TangentError.runtime("scale(): the factor must be finite, got " + s);
    float[] out = Memory.floats(data.length, "scale()");
    for (int i = 0; i < out.length; i++) out[i] = (float) (data[i] * s);
    return new Deformation(grid, count, batched, out);
  }

  /**
   * The inverse v, with v(x) + u(x + v(x)) = 0 (T_u o T_v = Id), so that
   * {@code phi.inv()(phi(I)) ~ I}; u is read with border padding, as DRDM composes. NEWTON (the
   * default) solves the equation voxel by voxel ({@link Inversion}); FIXED_POINT is the spec's
   * iteration v <- -u(x + v(x)) from v = 0, which converges only where the local gradient of u is
   * a contraction and stalls where DRDM's fields swirl. Both stop after {@code iters} iterations or
   * once no value moves by more than {@code tol} voxels.
   */
  public Deformation inverse(int iters, double tol, InverseMethod method, Context ctx) {
    int nd = grid.nd, v = grid.voxels, per = nd * v;
    float[] out = Memory.floats(data.length, "inv()");
    if (method == InverseMethod.NEWTON) {
      float[] grad = Memory.floats((long) nd * per, "inv()");
      for (int b = 0; b < count; b++) {
        Jacobian.gradient(grid, data, b * per, grad, 0, ctx);
        Inversion.newton(grid, data, b * per, grad, out, b * per, iters, tol, ctx);
      }
      return new Deformation(grid, count, batched, out);
    }
    float[] next = Memory.floats(per, "inv()");
    for (int b = 0; b < count; b++) {
      int o = b * per;
      for (int it = 0; it < iters; it++) {
        Warp.apply(grid, out, o, new Planes(data, o, nd), new Planes(next, 0, nd), Interp.LINEAR, Padding.BORDER, ctx);
        double moved = 0;
        for (int i = 0; i < per; i++) {
          float x = -next[i];
          moved = Math.max(moved, Math.abs(x - out[o + i]));
          out[o + i] = x;
        }
        if (moved <= tol) break;
      }
    }
    return new Deformation(grid, count, batched, out);
  }

  public enum InverseMethod { NEWTON, FIXED_POINT }

  /** det(I + grad u) at every voxel (float64), shaped like the grid, with a leading batch axis if batched. */
  public Tensor jacdet(Context ctx) {
    double[] det = Memory.doubles((long) count * grid.voxels, "jacdet()");
    for (int b = 0; b < count; b++) Jacobian.det(grid, data, offset(b), det, b * grid.voxels, ctx);
    int[] s = grid.sizes();
    int[] shape = s;
    if (batched) {
      shape = new int[s.length + 1];
      shape[0] = count;
      System.arraycopy(s, 0, shape, 1, s.length);
    }
    return Tensor.of(shape, HeapStorage.of(det));
  }

  /** The fraction of voxels (of every sample) where det(I + grad u) <= 0: the map folds or collapses there. */
  public double foldRate(Context ctx) {
    double[] det = new double[grid.voxels];
    long folded = 0;
    for (int b = 0; b < count; b++) {
      Jacobian.det(grid, data, offset(b), det, 0, ctx);
      for (double d : det) if (d <= 0) folded++;
    }
    return folded / ((double) count * grid.voxels);
  }

  private int pairCount(Deformation psi, String op) {
    if (!grid.equals(psi.grid)) {
      throw TangentError.runtime("Deformation " + op + " Deformation: the grids differ, " + grid + " and " + psi.grid);
    }
    if (batched && psi.batched && count != psi.count) {
      throw TangentError.runtime("Deformation " + op + " Deformation: batches of " + count + " and " + psi.count + " fields");
    }
    return Math.max(batched ? count : 1, psi.batched ? psi.count : 1);
  }

  // ------------------------------------------------------------------ the language's protocols

  @Override public Object binaryOp(BinOp op, Object other, boolean selfOnLeft) {
    if (!(other instanceof Deformation d)) return NOT_IMPLEMENTED;
    Deformation l = selfOnLeft ? this : d, r = selfOnLeft ? d : this;
    switch (op) {
      case MUL: return l.compose(r, Padding.BORDER, null);
      case ADD: return l.plus(r);
      default: return NOT_IMPLEMENTED;
    }
  }

  @Override public Object call(Context ctx, Object[] args, String[] names) {
    Object[] all = new Object[args.length + 1];
    all[0] = this;
    System.arraycopy(args, 0, all, 1, args.length);
    return DeformationMembers.WARP.call(ctx, all, names);
  }

  @Override public String name() { return "Deformation"; }

  @Override public String signature() { return "phi(img, mode='linear', padding='zeros')"; }

  @Override public String doc() { return DeformationMembers.WARP.doc(); }

  @Override public Object member(String name) { return null; }

  @Override public Collection<String> memberNames() { return List.of(); }

  @Override public Object membersKey() { return MEMBERS_KEY; }

  @Override public Object getIndex(Object[] subs) {
    if (!batched) throw TangentError.runtime("a single Deformation cannot be indexed (only a batch of fields can)");
    if (subs.length != 1) throw TangentError.runtime("a batch of fields takes one index, got " + subs.length);
    if (subs[0] instanceof Slice s) {
      Slice.Bounds bd = s.bounds(count);
      int per = grid.nd * grid.voxels;
      float[] v = Memory.floats((long) bd.count() * per, "batch slice");
      for (int k = 0, b = bd.start(); k < bd.count(); k++, b += bd.step()) System.arraycopy(data, b * per, v, k * per, per);
      return new Deformation(grid, bd.count(), true, v);
    }
    return sample(Ints.index(subs[0], count, "a batch of fields"));
  }

  @Override public long length() {
    if (!batched) throw TangentError.runtime("len(): a single Deformation has no length (only a batch of fields has)");
    return count;
  }

  @Override public String toString() {
    return "Deformation(" + grid.nd + "-D " + shapeText() + (batched ? ", batch of " + count : "") + ")";
  }

  String shapeText() {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < grid.nd; k++) sb.append(k > 0 ? "x" : "").append(grid.size(k));
    return sb.toString();
  }
}
