package dev.tangent.lie.kernel;

import java.util.SplittableRandom;

/**
 * A Lie group as a set of kernels on flat {@code double[]} storage, following manif.
 *
 * <h2>Storage</h2>
 * An element is {@link #rep} doubles at an offset ({@code x, xo}); a tangent vector is {@link #dof}
 * doubles ({@code tau, to}); a point the group acts on is {@link #dim} doubles. A batch of n
 * elements is one array with element i at offset {@code i * rep}, so every kernel below runs over
 * batches by stepping offsets. Matrices (Jacobians, adjoints, {@link #matrix}, {@link #hat}) are
 * row-major, also at an offset: a Jacobian {@code J_out_in} has {@code size(out)} rows and
 * {@code size(in)} columns, with tangent sizes for elements (dof) and dim for points.
 *
 * <h2>Conventions</h2>
 * Output arguments come last (EJML style); a {@code null} Jacobian is not computed. Every Jacobian
 * is a right (local) Jacobian, Df/DX = lim Log(f(X)^-1 f(X Exp(t))) / t (paper Eq. 41); points
 * and tangents are perturbed additively. Element outputs may alias element inputs (kernels read
 * their inputs before writing); Jacobian outputs must not alias anything.
 *
 * <h2>Structure</h2>
 * Each group implements the primitives (identity, inverse, compose, log, act, adj, matrix, exp,
 * hat, vee, rjac, ljac and, where a closed form is known, rjacinv/ljacinv and smallAdj).
 * {@link #rplus}, {@link #lplus}, {@link #rminus}, {@link #lminus}, {@link #between} and
 * {@link #isApprox} and their Jacobians are derived here once, from the primitives.
 */
public abstract class LieGroup {
  /** Degrees of freedom: the tangent size. */
  public final int dof;
  /** The size of the vectors the group acts on. */
  public final int dim;
  /** The number of doubles that store an element. */
  public final int rep;
  /** The side of the square matrix form ({@link #matrix}, {@link #hat}). */
  public final int mat;

  private double[] weights;

  protected LieGroup(int dof, int dim, int rep, int mat) {
    this.dof = dof;
    this.dim = dim;
    this.rep = rep;
    this.mat = mat;
  }

  /** The group's name: "SE3", "R3", "Bundle(SE2, R2)". Groups with equal names are equal. */
  public abstract String name();

  // ------------------------------------------------------------------ element primitives

  public abstract void identity(double[] x, int xo);

  /** out = X^-1; J_out_x = -Ad_X. */
  public abstract void inverse(double[] x, int xo, double[] out, int oo, double[] J_out_x, int jo);

  /** out = A B (renormalising rotations); J_out_a = Ad_B^-1, J_out_b = I. */
  public abstract void compose(double[] a, int ao, double[] b, int bo, double[] out, int oo,
      double[] J_out_a, int jao, double[] J_out_b, int jbo);

  /** tau = Log(X); J_tau_x = Jr^-1(tau). */
  public abstract void log(double[] x, int xo, double[] tau, int to, double[] J_tau_x, int jo);

  /** out = X . p for a point p of size dim; J_out_x is dim x dof, J_out_p dim x dim. */
  public abstract void act(double[] x, int xo, double[] p, int po, double[] out, int oo,
      double[] J_out_x, int jxo, double[] J_out_p, int jpo);

  /** The adjoint matrix Ad_X (dof x dof), with X Exp(t) = Exp(Ad_X t) X. */
  public abstract void adj(double[] x, int xo, double[] ad, int ado);

  /** The matrix form (manif's transform()), mat x mat. */
  public abstract void matrix(double[] x, int xo, double[] m, int mo);

  /**
   * The element whose matrix form is m. Rotation blocks must be rotations already (the language
   * layer validates user matrices first); quaternions are renormalised.
   */
  public abstract void fromMatrix(double[] m, int mo, double[] x, int xo);

  /** Renormalises the rotation part in place (unit quaternion or unit complex number). */
  public abstract void normalize(double[] x, int xo);

  /** A random element, distributed as manif's Random(). */
  public abstract void random(SplittableRandom rng, double[] x, int xo);

  // ------------------------------------------------------------------ tangent primitives

  /** x = Exp(tau); J_x_tau = Jr(tau). */
  public abstract void exp(double[] tau, int to, double[] x, int xo, double[] J_x_tau, int jo);

  /** The Lie algebra matrix tau^ (mat x mat). */
  public abstract void hat(double[] tau, int to, double[] m, int mo);

  /** The inverse of hat: reads the algebra coordinates of m. */
  public abstract void vee(double[] m, int mo, double[] tau, int to);

  /** Right Jacobian of Exp at tau. */
  public abstract void rjac(double[] tau, int to, double[] j, int jo);

  /** Left Jacobian of Exp at tau: Jl(tau) = Jr(-tau). */
  public abstract void ljac(double[] tau, int to, double[] j, int jo);

  /** Inverse right Jacobian. The default inverts {@link #rjac}; groups override with closed forms. */
  public void rjacinv(double[] tau, int to, double[] j, int jo) {
    rjac(tau, to, j, jo);
    Mat.invertInPlace(j, jo, dof);
  }

  /** Inverse left Jacobian. The default inverts {@link #ljac}. */
  public void ljacinv(double[] tau, int to, double[] j, int jo) {
    ljac(tau, to, j, jo);
    Mat.invertInPlace(j, jo, dof);
  }

  /** The small adjoint ad_tau (dof x dof): ad_tau s = [tau^, s^]v. The default uses generators. */
  public void smallAdj(double[] tau, int to, double[] ad, int ado) {
    int m2 = mat * mat;
    double[] th = new double[m2];
    double[] e = new double[m2];
    double[] br = new double[m2];
    double[] col = new double[dof];
    double[] unit = new double[dof];
    hat(tau, to, th, 0);
    for (int j = 0; j < dof; j++) {
      java.util.Arrays.fill(unit, 0);
      unit[j] = 1;
      hat(unit, 0, e, 0);
      Mat.commutator(th, e, br, mat);
      vee(br, 0, col, 0);
      for (int i = 0; i < dof; i++) ad[ado + i * dof + j] = col[i];
    }
  }

  /** A random tangent as manif's Tangent::Random(): angles in the ball of radius pi, the rest in [-1, 1]. */
  public void randomTangent(SplittableRandom rng, double[] tau, int to) {
    for (int i = 0; i < dof; i++) tau[to + i] = 2 * rng.nextDouble() - 1;
  }

  // ------------------------------------------------------------------ derived, generic

  /** out = X Exp(tau); J_out_x = Ad_Exp(tau)^-1, J_out_tau = Jr(tau). */
  public final void rplus(double[] x, int xo, double[] tau, int to, double[] out, int oo,
      double[] J_out_x, int jxo, double[] J_out_tau, int jto) {
    Scratch s = Scratch.get(this);
    exp(tau, to, s.e1, 0, J_out_tau, jto);
    compose(x, xo, s.e1, 0, out, oo, J_out_x, jxo, null, 0);
  }

  /** out = Exp(tau) X; J_out_x = I, J_out_tau = Ad_X^-1 Jr(tau). */
  public final void lplus(double[] x, int xo, double[] tau, int to, double[] out, int oo,
      double[] J_out_x, int jxo, double[] J_out_tau, int jto) {
    Scratch s = Scratch.get(this);
    exp(tau, to, s.e1, 0, J_out_tau == null ? null : s.j1, 0);
    compose(s.e1, 0, x, xo, out, oo, J_out_tau == null ? null : s.j2, 0, null, 0);
    if (J_out_x != null) Mat.identity(J_out_x, jxo, dof);
    if (J_out_tau != null) Mat.mul(s.j2, 0, s.j1, 0, J_out_tau, jto, dof, dof, dof);
  }

  /** tau = Y (-) X = Log(X^-1 Y); J_tau_y = Jr^-1(tau), J_tau_x = -Jl^-1(tau). */
  public final void rminus(double[] y, int yo, double[] x, int xo, double[] tau, int to,
      double[] J_tau_y, int jyo, double[] J_tau_x, int jxo) {
    Scratch s = Scratch.get(this);
    inverse(x, xo, s.e1, 0, null, 0);
    compose(s.e1, 0, y, yo, s.e2, 0, null, 0, null, 0);
    logWithInverseJacobians(s.e2, 0, tau, to, J_tau_y, jyo, J_tau_x, jxo);
    if (J_tau_x != null) Mat.scale(J_tau_x, jxo, dof * dof, -1);
  }

  /**
   * tau = Log(x), with Jr^-1(tau) into jr and Jl^-1(tau) into jl unless null: rminus needs both at
   * one tangent, and a group may share the work between them.
   */
  protected void logWithInverseJacobians(double[] x, int xo, double[] tau, int to, double[] jr, int jro,
      double[] jl, int jlo) {
    log(x, xo, tau, to, jr, jro);
    if (jl != null) ljacinv(tau, to, jl, jlo);
  }

  /** tau = Log(Y X^-1); J_tau_y = Jr^-1(tau) Ad_X, J_tau_x = -J_tau_y. */
  public final void lminus(double[] y, int yo, double[] x, int xo, double[] tau, int to,
      double[] J_tau_y, int jyo, double[] J_tau_x, int jxo) {
    Scratch s = Scratch.get(this);
    inverse(x, xo, s.e1, 0, null, 0);
    compose(y, yo, s.e1, 0, s.e2, 0, null, 0, null, 0);
    boolean jac = J_tau_y != null || J_tau_x != null;
    log(s.e2, 0, tau, to, jac ? s.j1 : null, 0);
    if (!jac) return;
    adj(x, xo, s.j2, 0);
    double[] target = J_tau_y != null ? J_tau_y : J_tau_x;
    int off = J_tau_y != null ? jyo : jxo;
    Mat.mul(s.j1, 0, s.j2, 0, target, off, dof, dof, dof);
    if (J_tau_x != null && J_tau_y != null) {
      for (int i = 0; i < dof * dof; i++) J_tau_x[jxo + i] = -J_tau_y[jyo + i];
    } else if (J_tau_y == null) {
      Mat.scale(J_tau_x, jxo, dof * dof, -1);
    }
  }

  /** out = X^-1 Y; J_out_x = -Ad_out^-1, J_out_y = I. */
  public final void between(double[] x, int xo, double[] y, int yo, double[] out, int oo,
      double[] J_out_x, int jxo, double[] J_out_y, int jyo) {
    Scratch s = Scratch.get(this);
    inverse(x, xo, s.e1, 0, J_out_x == null ? null : s.j1, 0);
    compose(s.e1, 0, y, yo, out, oo, J_out_x == null ? null : s.j2, 0, J_out_y, jyo);
    if (J_out_x != null) Mat.mul(s.j2, 0, s.j1, 0, J_out_x, jxo, dof, dof, dof);
  }

  /** True when |Y (-) X| <= tol (Euclidean norm of the tangent). */
  public final boolean isApprox(double[] x, int xo, double[] y, int yo, double tol) {
    Scratch s = Scratch.get(this);
    rminus(y, yo, x, xo, s.t1, 0, null, 0, null, 0);
    double n = 0;
    for (int i = 0; i < dof; i++) n += s.t1[i] * s.t1[i];
    return Math.sqrt(n) <= tol;
  }

  // ------------------------------------------------------------------ generators and metric

  /** The i-th generator E_i = hat(e_i) (mat x mat), so that hat(tau) = sum tau_i E_i. */
  public final void generator(int i, double[] m, int mo) {
    double[] unit = new double[dof];
    unit[i] = 1;
    hat(unit, 0, m, mo);
  }

  /** manif's inner-product weights W_rc = tr(E_r E_c^T) (dof x dof, shared: do not modify). */
  public final double[] innerWeights() {
    double[] w = weights;
    if (w == null) {
      int m2 = mat * mat;
      double[][] gens = new double[dof][m2];
      for (int i = 0; i < dof; i++) generator(i, gens[i], 0);
      w = new double[dof * dof];
      for (int r = 0; r < dof; r++) {
        for (int c = 0; c < dof; c++) {
          double s = 0;
          for (int k = 0; k < m2; k++) s += gens[r][k] * gens[c][k];
          w[r * dof + c] = s;
        }
      }
      weights = w;
    }
    return w;
  }

  // ------------------------------------------------------------------ identity of groups

  @Override public final boolean equals(Object o) {
    return o instanceof LieGroup g && g.name().equals(name());
  }

  @Override public final int hashCode() { return name().hashCode(); }

  @Override public String toString() { return name(); }
}
