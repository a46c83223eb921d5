package dev.tangent.drdm.net.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.tangent.drdm.net.warp.Padding;
import dev.tangent.drdm.net.warp.Warp;
import dev.tangent.nn.engine.Scalars;

/**
 * DRDM's training loss (spec drdm.md §3.3, the reference's losses.py and DRDM_train.py), on
 * engine arrays so that autograd differentiates it. Fields are [B, nd, X...] in fraction units.
 * With ψ the target (the step deformation) and p = warp(ψ̂, ψ) the prediction read where ψ points,
 * the prediction is right when p = -ψ (T_ψ̂ ∘ T_ψ = Id):
 * <ul>
 *   <li>distance (MRSE): mean over voxels of |s·p + s·ψ|² / (|s·ψ|² + 1e-3), s = 100;</li>
 *   <li>angle (NCC): mean over voxels of (s p)·(s ψ) / sqrt(|s p|² |s ψ|² + 1e-4), s = 1e5 (-1 at best);</li>
 *   <li>regulariser on ψ̂: l1 = (1/nd) Σ_axes mean(relu(|Δ_axis ψ̂| - 1e-4)) with forward differences, plus
 *       2 · a folding term: by default mean(relu(-det(I + ∇(S·ψ̂)))), the Jacobian determinant of the
 *       transform in voxel units with central differences (one-sided at the borders, as np.gradient);
 *       with reference: true the reference's 'negdetj' term instead, reproduced with its quirk (§7.4).</li>
 * </ul>
 * Total: w_dist·dist + w_ang·ang + w_reg·reg with weights (1, 1, 10) by default.
 */
public final class RecoveryLoss {
  private RecoveryLoss() {}

  static final double DIST_SCALE = 100;
  static final double DIST_EPS = 1e-3;
  static final double ANG_SCALE = 1e5;
  static final double ANG_EPS = 1e-4;
  static final double WAIVE = 1e-4;
  static final double DETJ_WEIGHT = 2;

  /** The loss and its terms (scalars). */
  public record Parts(NDArray total, NDArray dist, NDArray ang, NDArray reg) {}

  public static Parts compute(NDArray pred, NDArray target, Padding padding, double[] weights, boolean reference) {
    NDArray p = Warp.warp(pred, target, padding);
    NDArray dist = distance(p, target);
    NDArray ang = angle(p, target);
    NDArray reg = regulariser(pred, reference);
    NDArray total = times(dist, weights[0]).add(times(ang, weights[1])).add(times(reg, weights[2]));
    return new Parts(total, dist, ang, reg);
  }

  /** x·c in x's float type (a double would promote a 0-dim float32 array to float64). */
  static NDArray times(NDArray x, double c) {
    return x.getDataType() == ai.djl.ndarray.types.DataType.FLOAT64 ? Scalars.mul(x, c) : Scalars.mul(x, (float) c);
  }

  /** MRSE(p, ψ). */
  public static NDArray distance(NDArray p, NDArray target) {
    NDArray sp = Scalars.mul(p, DIST_SCALE);
    NDArray st = Scalars.mul(target, DIST_SCALE);
    NDArray num = sp.add(st).square().sum(new int[] {1});
    NDArray den = Scalars.add(st.square().sum(new int[] {1}), DIST_EPS);
    return num.div(den).mean();
  }

  /** NCC(p, ψ): the per-voxel cosine, averaged. */
  public static NDArray angle(NDArray p, NDArray target) {
    NDArray sp = Scalars.mul(p, ANG_SCALE);
    NDArray st = Scalars.mul(target, ANG_SCALE);
    NDArray dot = sp.mul(st).sum(new int[] {1});
    NDArray den = Scalars.add(sp.square().sum(new int[] {1}).mul(st.square().sum(new int[] {1})), ANG_EPS).sqrt();
    return dot.div(den).mean();
  }

  /** l1 + 2·folding (reference: l1 + 2·negdetj). */
  public static NDArray regulariser(NDArray field, boolean reference) {
    NDArray fold = reference ? referenceNegDetJ(field) : folding(field);
    return l1(field).add(times(fold, DETJ_WEIGHT));
  }

  /** (1/nd) Σ_axes mean(relu(|forward difference| - 1e-4)), over every channel, sample and voxel. */
  public static NDArray l1(NDArray field) {
    int nd = field.getShape().dimension() - 2;
    NDArray sum = null;
    for (int k = 0; k < nd; k++) {
      NDArray d = forwardDiff(field, 2 + k);
      NDArray term = Scalars.maximum(Scalars.sub(d.abs(), WAIVE), 0).mean();
      sum = sum == null ? term : sum.add(term);
    }
    return Scalars.div(sum, nd);
  }

  /** mean(relu(-det(I + ∇u))) with u = S·ψ̂ in voxels and central differences: the folded fraction, weighted by depth. */
  public static NDArray folding(NDArray field) {
    return Scalars.maximum(jacobianDeterminant(field).neg(), 0).mean();
  }

  /** det(I + ∇(S·ψ)) per sample and voxel, [B, X...]; S the first spatial size; np.gradient's differences. */
  public static NDArray jacobianDeterminant(NDArray field) {
    Shape s = field.getShape();
    int nd = s.dimension() - 2;
    NDArray[][] j = new NDArray[nd][nd];
    for (int i = 0; i < nd; i++) {
      NDArray ui = Scalars.mul(field.get(new NDIndex(":, {}", i)), s.get(2));   // [B, X...] in voxels (unit S_0)
      for (int k = 0; k < nd; k++) {
        NDArray g = centralDiff(ui, 1 + k);
        j[i][k] = i == k ? Scalars.add(g, 1) : g;
      }
    }
    if (nd == 2) return j[0][0].mul(j[1][1]).sub(j[0][1].mul(j[1][0]));
    return det3(j);
  }

  private static NDArray det3(NDArray[][] a) {
    NDArray c0 = a[1][1].mul(a[2][2]).sub(a[1][2].mul(a[2][1]));
    NDArray c1 = a[1][0].mul(a[2][2]).sub(a[1][2].mul(a[2][0]));
    NDArray c2 = a[1][0].mul(a[2][1]).sub(a[1][1].mul(a[2][0]));
    return a[0][0].mul(c0).sub(a[0][1].mul(c1)).add(a[0][2].mul(c2));
  }

  /**
   * The reference's Grad 'negdetj' term without its weight: mean(relu(-D)) where D is the
   * determinant that _eval_detJ builds from _eq_diffs: the rows are the axis-0 difference padded in
   * front (u[x] - u[x-1], 0 on the first row), the same padded at the back (u[x+1] - u[x]), and in
   * 3-D the axis-1 difference padded in front. It is not det(I + ∇u) (0 for every affine field);
   * kept for parity with the published training (spec §7.4).
   */
  public static NDArray referenceNegDetJ(NDArray field) {
    int nd = field.getShape().dimension() - 2;
    NDArray d0 = forwardDiff(field, 2);
    NDArray front0 = padAxis(d0, 2, true);
    NDArray back0 = padAxis(d0, 2, false);
    NDArray[] rows = nd == 2 ? new NDArray[] {front0, back0} : new NDArray[] {front0, back0, padAxis(forwardDiff(field, 3), 3, true)};
    NDArray[][] a = new NDArray[nd][nd];
    for (int r = 0; r < nd; r++) {
      for (int c = 0; c < nd; c++) a[r][c] = rows[r].get(new NDIndex(":, {}", c));
    }
    NDArray det = nd == 2 ? a[0][0].mul(a[1][1]).sub(a[0][1].mul(a[1][0])) : det3(a);
    return Scalars.maximum(det.neg(), 0).mean();
  }

  /** x[.., i+1, ..] - x[.., i, ..] along axis. */
  static NDArray forwardDiff(NDArray x, int axis) {
    long n = x.getShape().get(axis);
    return x.get(NDIndex.sliceAxis(axis, 1, n)).sub(x.get(NDIndex.sliceAxis(axis, 0, n - 1)));
  }

  /** np.gradient along axis: (x[i+1] - x[i-1]) / 2 inside, one-sided differences at both ends. */
  static NDArray centralDiff(NDArray x, int axis) {
    long n = x.getShape().get(axis);
    NDArray first = x.get(NDIndex.sliceAxis(axis, 1, 2)).sub(x.get(NDIndex.sliceAxis(axis, 0, 1)));
    NDArray last = x.get(NDIndex.sliceAxis(axis, n - 1, n)).sub(x.get(NDIndex.sliceAxis(axis, n - 2, n - 1)));
    if (n == 2) return first.concat(last, axis);
    NDArray inner = Scalars.div(x.get(NDIndex.sliceAxis(axis, 2, n)).sub(x.get(NDIndex.sliceAxis(axis, 0, n - 2))), 2);
    return first.concat(inner, axis).concat(last, axis);
  }

  /** One zero slice in front of (or behind) x along axis. */
  static NDArray padAxis(NDArray x, int axis, boolean front) {
    long[] zs = x.getShape().getShape().clone();
    zs[axis] = 1;
    NDArray z = x.getManager().zeros(new Shape(zs), x.getDataType(), x.getDevice());
    return front ? z.concat(x, axis) : x.concat(z, axis);
  }
}
