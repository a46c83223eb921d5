package dev.tangent.lie.kernel;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The composite group G1 x G2 x ... (manif's Bundle, paper section IV): storage, tangents, points
 * and matrix forms are the parts' concatenations, and every Jacobian is block-diagonal. Part i of
 * an element starts at {@link #repOffset}(i), of a tangent at {@link #dofOffset}(i).
 */
public final class Bundle extends LieGroup {
  private final LieGroup[] parts;
  private final int[] repOff;
  private final int[] dofOff;
  private final int[] dimOff;
  private final int[] matOff;
  private final String name;

  public Bundle(List<LieGroup> parts) {
    super(sum(parts, 0), sum(parts, 1), sum(parts, 2), sum(parts, 3));
    if (parts.isEmpty()) throw new IllegalArgumentException("a bundle needs at least one group");
    this.parts = parts.toArray(new LieGroup[0]);
    int n = this.parts.length;
    repOff = new int[n];
    dofOff = new int[n];
    dimOff = new int[n];
    matOff = new int[n];
    StringBuilder sb = new StringBuilder("Bundle(");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        repOff[i] = repOff[i - 1] + this.parts[i - 1].rep;
        dofOff[i] = dofOff[i - 1] + this.parts[i - 1].dof;
        dimOff[i] = dimOff[i - 1] + this.parts[i - 1].dim;
        matOff[i] = matOff[i - 1] + this.parts[i - 1].mat;
        sb.append(", ");
      }
      sb.append(this.parts[i].name());
    }
    name = sb.append(')').toString();
  }

  private static int sum(List<LieGroup> parts, int what) {
    int s = 0;
    for (LieGroup g : parts) s += what == 0 ? g.dof : what == 1 ? g.dim : what == 2 ? g.rep : g.mat;
    return s;
  }

  @Override public String name() { return name; }

  public int size() { return parts.length; }

  public LieGroup part(int i) { return parts[i]; }

  public int repOffset(int i) { return repOff[i]; }

  public int dofOffset(int i) { return dofOff[i]; }

  public int dimOffset(int i) { return dimOff[i]; }

  /** Copies a packed rows x cols block into J (row stride ld) at (rowOff, colOff). */
  private void putBlock(double[] src, double[] J, int jo, int rows, int rowOff, int cols, int colOff, int ld) {
    for (int r = 0; r < rows; r++) System.arraycopy(src, r * cols, J, jo + (rowOff + r) * ld + colOff, cols);
  }

  /** Clears a rows x ld matrix before its diagonal blocks are written. */
  private void blockDiagonal(double[] J, int jo, int ld, int rows) {
    Mat.zero(J, jo, rows * ld);
  }

  @Override public void identity(double[] x, int xo) {
    for (int i = 0; i < parts.length; i++) parts[i].identity(x, xo + repOff[i]);
  }

  @Override public void inverse(double[] x, int xo, double[] out, int oo, double[] J, int jo) {
    if (J != null) blockDiagonal(J, jo, dof, dof);
    for (int i = 0; i < parts.length; i++) {
      LieGroup g = parts[i];
      double[] b = J == null ? null : new double[g.dof * g.dof];
      g.inverse(x, xo + repOff[i], out, oo + repOff[i], b, 0);
      if (b != null) putBlock(b, J, jo, g.dof, dofOff[i], g.dof, dofOff[i], dof);
    }
  }

  @Override public void compose(double[] a, int ao, double[] b, int bo, double[] out, int oo,
      double[] Ja, int jao, double[] Jb, int jbo) {
    if (Ja != null) blockDiagonal(Ja, jao, dof, dof);
    if (Jb != null) blockDiagonal(Jb, jbo, dof, dof);
    for (int i = 0; i < parts.length; i++) {
      LieGroup g = parts[i];
      double[] ba = Ja == null ? null : new double[g.dof * g.dof];
      double[] bb = Jb == null ? null : new double[g.dof * g.dof];
      g.compose(a, ao + repOff[i], b, bo + repOff[i], out, oo + repOff[i], ba, 0, bb, 0);
      if (ba != null) putBlock(ba, Ja, jao, g.dof, dofOff[i], g.dof, dofOff[i], dof);
      if (bb != null) putBlock(bb, Jb, jbo, g.dof, dofOff[i], g.dof, dofOff[i], dof);
    }
  }

  @Override public void log(double[] x, int xo, double[] tau, int to, double[] J, int jo) {
    if (J != null) blockDiagonal(J, jo, dof, dof);
    for (int i = 0; i < parts.length; i++) {
      LieGroup g = parts[i];
      double[] b = J == null ? null : new double[g.dof * g.dof];
      g.log(x, xo + repOff[i], tau, to + dofOff[i], b, 0);
      if (b != null) putBlock(b, J, jo, g.dof, dofOff[i], g.dof, dofOff[i], dof);
    }
  }

  @Override public void act(double[] x, int xo, double[] p, int po, double[] out, int oo,
      double[] Jx, int jxo, double[] Jp, int jpo) {
    if (Jx != null) blockDiagonal(Jx, jxo, dof, dim);
    if (Jp != null) blockDiagonal(Jp, jpo, dim, dim);
    for (int i = 0; i < parts.length; i++) {
      LieGroup g = parts[i];
      double[] bx = Jx == null ? null : new double[g.dim * g.dof];
      double[] bp = Jp == null ? null : new double[g.dim * g.dim];
      g.act(x, xo + repOff[i], p, po + dimOff[i], out, oo + dimOff[i], bx, 0, bp, 0);
      if (bx != null) putBlock(bx, Jx, jxo, g.dim, dimOff[i], g.dof, dofOff[i], dof);
      if (bp != null) putBlock(bp, Jp, jpo, g.dim, dimOff[i], g.dim, dimOff[i], dim);
    }
  }

  @Override public void adj(double[] x, int xo, double[] ad, int ado) {
    blockDiagonal(ad, ado, dof, dof);
    for (int i = 0; i < parts.length; i++) {
      LieGroup g = parts[i];
      double[] b = new double[g.dof * g.dof];
      g.adj(x, xo + repOff[i], b, 0);
      putBlock(b, ad, ado, g.dof, dofOff[i], g.dof, dofOff[i], dof);
    }
  }

  @Override public void matrix(double[] x, int xo, double[] m, int mo) {
    blockDiagonal(m, mo, mat, mat);
    for (int i = 0; i < parts.length; i++) {
      LieGroup g = parts[i];
      double[] b = new double[g.mat * g.mat];
      g.matrix(x, xo + repOff[i], b, 0);
      putBlock(b, m, mo, g.mat, matOff[i], g.mat, matOff[i], mat);
    }
  }

  @Override public void fromMatrix(double[] m, int mo, double[] x, int xo) {
    for (int i = 0; i < parts.length; i++) {
      LieGroup g = parts[i];
      double[] b = new double[g.mat * g.mat];
      Mat.copyBlock(m, mo + matOff[i] * mat + matOff[i], mat, b, 0, g.mat, g.mat, g.mat);
      g.fromMatrix(b, 0, x, xo + repOff[i]);
    }
  }

  @Override public void normalize(double[] x, int xo) {
    for (int i = 0; i < parts.length; i++) parts[i].normalize(x, xo + repOff[i]);
  }

  @Override public void random(SplittableRandom rng, double[] x, int xo) {
    for (int i = 0; i < parts.length; i++) parts[i].random(rng, x, xo + repOff[i]);
  }

  @Override public void randomTangent(SplittableRandom rng, double[] tau, int to) {
    for (int i = 0; i < parts.length; i++) parts[i].randomTangent(rng, tau, to + dofOff[i]);
  }

  @Override public void exp(double[] tau, int to, double[] x, int xo, double[] J, int jo) {
    if (J != null) blockDiagonal(J, jo, dof, dof);
    for (int i = 0; i < parts.length; i++) {
      LieGroup g = parts[i];
      double[] b = J == null ? null : new double[g.dof * g.dof];
      g.exp(tau, to + dofOff[i], x, xo + repOff[i], b, 0);
      if (b != null) putBlock(b, J, jo, g.dof, dofOff[i], g.dof, dofOff[i], dof);
    }
  }

  @Override public void hat(double[] tau, int to, double[] m, int mo) {
    blockDiagonal(m, mo, mat, mat);
    for (int i = 0; i < parts.length; i++) {
      LieGroup g = parts[i];
      double[] b = new double[g.mat * g.mat];
      g.hat(tau, to + dofOff[i], b, 0);
      putBlock(b, m, mo, g.mat, matOff[i], g.mat, matOff[i], mat);
    }
  }

  @Override public void vee(double[] m, int mo, double[] tau, int to) {
    for (int i = 0; i < parts.length; i++) {
      LieGroup g = parts[i];
      double[] b = new double[g.mat * g.mat];
      Mat.copyBlock(m, mo + matOff[i] * mat + matOff[i], mat, b, 0, g.mat, g.mat, g.mat);
      g.vee(b, 0, tau, to + dofOff[i]);
    }
  }

  private interface TangentBlock {
    void apply(LieGroup g, double[] tau, int to, double[] out, int oo);
  }

  private void tangentBlocks(double[] tau, int to, double[] J, int jo, TangentBlock f) {
    blockDiagonal(J, jo, dof, dof);
    for (int i = 0; i < parts.length; i++) {
      LieGroup g = parts[i];
      double[] b = new double[g.dof * g.dof];
      f.apply(g, tau, to + dofOff[i], b, 0);
      putBlock(b, J, jo, g.dof, dofOff[i], g.dof, dofOff[i], dof);
    }
  }

  @Override public void rjac(double[] tau, int to, double[] j, int jo) {
    tangentBlocks(tau, to, j, jo, LieGroup::rjac);
  }

  @Override public void ljac(double[] tau, int to, double[] j, int jo) {
    tangentBlocks(tau, to, j, jo, LieGroup::ljac);
  }

  @Override public void rjacinv(double[] tau, int to, double[] j, int jo) {
    tangentBlocks(tau, to, j, jo, LieGroup::rjacinv);
  }

  @Override public void ljacinv(double[] tau, int to, double[] j, int jo) {
    tangentBlocks(tau, to, j, jo, LieGroup::ljacinv);
  }

  @Override public void smallAdj(double[] tau, int to, double[] ad, int ado) {
    tangentBlocks(tau, to, ad, ado, LieGroup::smallAdj);
  }
}
