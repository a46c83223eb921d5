package dev.tangent.lie.batch;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.lie.algo.Interpolation;
import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.kernel.Mat;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.ElementOps;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.Layers;
import dev.tangent.lie.value.TangentOps;
import dev.tangent.lie.value.TangentValue;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.Context;
import dev.tangent.spi.Operand;
import dev.tangent.spi.TList;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.util.List;

/**
 * The element and tangent operations on batches: one kernel call per element over the flat
 * structure-of-arrays storage (element i at offset i * rep, its tangent at i * dof, its Jacobian
 * at i * dof * dof), split over all cores by {@link Parallel}. A single element (or tangent, or
 * point) broadcasts against a batch; two batches must have the same size. Jacobians come back as
 * n x rows x cols tensors.
 */
public final class BatchOps {
  private BatchOps() {}

  /** n items at the given stride, or one item (n = -1) that every element of the batch shares. */
  public record In(double[] data, int n, int stride) {
    int off(int i) { return n < 0 ? 0 : i * stride; }
  }

  interface K1 {
    void apply(double[] a, int ao, double[] out, int oo, double[] j, int jo);
  }

  interface K2 {
    void apply(double[] a, int ao, double[] b, int bo, double[] out, int oo, double[] ja, int jao, double[] jb, int jbo);
  }

  /** Whether an operation with these operands works on batches: a batch, or a 2-D tensor of points or tangents. */
  public static boolean involved(Object... xs) {
    for (Object x : xs) if (involved(x)) return true;
    return false;
  }

  /** Whether an operation with this operand works on batches (the one-operand case, without an array). */
  public static boolean involved(Object x) {
    return x instanceof BatchElement || x instanceof BatchTangent || x instanceof Tensor t && t.ndim() == 2;
  }

  // ------------------------------------------------------------------ inputs

  static GroupValue groupOf(Object x, String what) {
    if (x instanceof BatchElement b) return b.group;
    if (x instanceof Element e) return e.group;
    if (x instanceof BatchTangent b) return b.group;
    if (x instanceof TangentValue t) return t.group;
    throw TangentError.runtime(what + " must be a group element or a batch, got " + Values.an(Types.typeName(x)));
  }

  static In elements(GroupValue g, Object x, String what) {
    if (x instanceof BatchElement b) {
      if (!b.group.equals(g)) {
        throw TangentError.runtime(what + " must be " + Values.an(g.typeName()) + " batch or element, got "
            + Values.an(b.group.typeName()) + " batch");
      }
      return new In(b.c, b.n, g.kernel.rep);
    }
    return new In(Values.element(g, x, what).c, -1, g.kernel.rep);
  }

  public static In tangents(GroupValue g, Object x, String what) {
    int dof = g.kernel.dof;
    if (x instanceof BatchTangent b) {
      if (!b.group.equals(g)) {
        throw TangentError.runtime(what + " must be " + Values.an(g.tangentType.typeName()) + " batch or tangent, got "
            + Values.an(b.group.tangentType.typeName()) + " batch");
      }
      return new In(b.v, b.n, dof);
    }
    if (x instanceof Tensor t && t.ndim() == 2) return rows(t, dof, what, dof + " tangent coordinates");
    return new In(Values.tangent(g, x, what), -1, dof);
  }

  static In points(GroupValue g, Object x, String what) {
    int dim = g.kernel.dim;
    if (x instanceof Tensor t && t.ndim() == 2) return rows(t, dim, what, dim + " point coordinates");
    return new In(Values.point(g, x, what), -1, dim);
  }

  private static In rows(Tensor t, int width, String what, String words) {
    if (t.dim(1) != width) {
      throw TangentError.runtime(what + " must be a vector or an n x " + width + " tensor (" + words + " per row), got shape "
          + Tensor.shapeText(t.shape()));
    }
    return new In(t.toDoubleArray(), t.dim(0), width);
  }

  /** The batch size of an operation on a and b: equal sizes, or one side single. */
  static int size(String op, In a, In b) {
    if (a.n < 0) return b.n;
    if (b.n < 0 || a.n == b.n) return a.n;
    throw TangentError.runtime(op + ": batch sizes differ: " + a.n + " and " + b.n)
        .withHint("batches combine element by element; a single element broadcasts against a batch");
  }

  // ------------------------------------------------------------------ runners and results

  static void run1(Context ctx, int n, K1 k, In a, double[] out, int os, double[] j, int js) {
    Parallel.forRange(ctx, n, (from, to) -> {
      for (int i = from; i < to; i++) k.apply(a.data, a.off(i), out, i * os, j, i * js);
    });
  }

  static void run2(Context ctx, int n, K2 k, In a, In b, double[] out, int os, double[] ja, int jas, double[] jb, int jbs) {
    Parallel.forRange(ctx, n, (from, to) -> {
      for (int i = from; i < to; i++) k.apply(a.data, a.off(i), b.data, b.off(i), out, i * os, ja, i * jas, jb, i * jbs);
    });
  }

  /** An n x rows x cols tensor over the array (not copied). */
  static Tensor cube(double[] data, int n, int rows, int cols) {
    return new Tensor(new int[] {n, rows, cols}, data);
  }

  public static Tensor matrixRows(double[] data, int n, int cols) {
    return new Tensor(new int[] {n, cols}, data);
  }

  static double[] jac(boolean jac, int n, int size) {
    return jac ? new double[Math.multiplyExact(n, size)] : null;
  }

  /**
   * Two Jacobian arrays, the second zeroed on another thread while this one zeroes the first:
   * for a large batch on a fresh heap, faulting in the pages is most of the allocation's cost.
   */
  static double[][] jacPair(int n, int size) {
    int len = Math.multiplyExact(n, size);
    if (len < 1 << 20) return new double[][] {new double[len], new double[len]};
    java.util.concurrent.CompletableFuture<double[]> other =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> new double[len]);
    double[] first = new double[len];
    return new double[][] {first, other.join()};
  }

  static Object result(Object value, Tensor... jacobians) {
    return jacobians.length == 0 || jacobians[0] == null ? value : Values.withJacobians(value, jacobians);
  }

  // ------------------------------------------------------------------ element operations

  public static Object inverse(Context ctx, Object x, boolean jac) {
    GroupValue g = groupOf(x, "inv()");
    LieGroup k = g.kernel;
    In a = elements(g, x, "inv()");
    int n = a.n;
    double[] out = new double[n * k.rep];
    double[] j = jac(jac, n, k.dof * k.dof);
    run1(ctx, n, k::inverse, a, out, k.rep, j, k.dof * k.dof);
    return result(new BatchElement(g, n, out), jac ? cube(j, n, k.dof, k.dof) : null);
  }

  public static Object log(Context ctx, Object x, boolean jac) {
    GroupValue g = groupOf(x, "log()");
    LieGroup k = g.kernel;
    In a = elements(g, x, "log()");
    int n = a.n;
    double[] out = new double[n * k.dof];
    double[] j = jac(jac, n, k.dof * k.dof);
    run1(ctx, n, k::log, a, out, k.dof, j, k.dof * k.dof);
    return result(new BatchTangent(g, n, out), jac ? cube(j, n, k.dof, k.dof) : null);
  }

  public static Object exp(Context ctx, GroupValue g, Object t, boolean jac) {
    LieGroup k = g.kernel;
    In a = tangents(g, t, g.typeName() + ".exp()");
    int n = a.n;
    double[] out = new double[n * k.rep];
    double[] j = jac(jac, n, k.dof * k.dof);
    run1(ctx, n, k::exp, a, out, k.rep, j, k.dof * k.dof);
    return result(new BatchElement(g, n, out), jac ? cube(j, n, k.dof, k.dof) : null);
  }

  public enum Binary { COMPOSE, BETWEEN, RMINUS, LMINUS }

  /** compose(X, Y), between(X, Y), rminus(Y, X) = Y (-) X, lminus(Y, X): two elements, self first. */
  public static Object binary(Context ctx, Binary op, Object x, Object y, boolean jac) {
    String name = op.name().toLowerCase(java.util.Locale.ROOT) + "()";
    GroupValue g = groupOf(x, name);
    LieGroup k = g.kernel;
    In a = elements(g, x, name);
    In b = elements(g, y, name + ": argument 'other'");
    int n = size(name, a, b);
    int d2 = k.dof * k.dof;
    boolean toTangent = op == Binary.RMINUS || op == Binary.LMINUS;
    int os = toTangent ? k.dof : k.rep;
    double[] out = new double[n * os];
    double[][] js = jac ? jacPair(n, d2) : new double[2][];
    double[] ja = js[0];
    double[] jb = js[1];
    K2 kernel;
    switch (op) {
      case COMPOSE: kernel = k::compose; break;
      case BETWEEN: kernel = k::between; break;
      case RMINUS: kernel = k::rminus; break;
      default: kernel = k::lminus; break;
    }
    run2(ctx, n, kernel, a, b, out, os, ja, d2, jb, d2);
    Object value = toTangent ? new BatchTangent(g, n, out) : new BatchElement(g, n, out);
    return jac ? Values.withJacobians(value, cube(ja, n, k.dof, k.dof), cube(jb, n, k.dof, k.dof)) : value;
  }

  /** X (+) t (right) or t (+) X (left), Jacobians w.r.t. X then t. */
  public static Object plus(Context ctx, Object x, Object t, boolean right, boolean jac) {
    String name = right ? "rplus()" : "lplus()";
    GroupValue g = groupOf(x, name);
    LieGroup k = g.kernel;
    In a = elements(g, x, name);
    In b = tangents(g, t, name + ": argument 't'");
    int n = size(name, a, b);
    int d2 = k.dof * k.dof;
    double[] out = new double[n * k.rep];
    double[] ja = jac(jac, n, d2);
    double[] jb = jac(jac, n, d2);
    run2(ctx, n, right ? k::rplus : k::lplus, a, b, out, k.rep, ja, d2, jb, d2);
    BatchElement z = new BatchElement(g, n, out);
    return jac ? Values.withJacobians(z, cube(ja, n, k.dof, k.dof), cube(jb, n, k.dof, k.dof)) : z;
  }

  public static Object act(Context ctx, Object x, Object p, boolean jac) {
    GroupValue g = groupOf(x, "act()");
    LieGroup k = g.kernel;
    In a = elements(g, x, "act()");
    In b = points(g, p, "act(): argument 'p'");
    int n = size("act()", a, b);
    double[] out = new double[n * k.dim];
    double[] jx = jac(jac, n, k.dim * k.dof);
    double[] jp = jac(jac, n, k.dim * k.dim);
    run2(ctx, n, k::act, a, b, out, k.dim, jx, k.dim * k.dof, jp, k.dim * k.dim);
    Tensor q = matrixRows(out, n, k.dim);
    return jac ? Values.withJacobians(q, cube(jx, n, k.dim, k.dof), cube(jp, n, k.dim, k.dim)) : q;
  }

  public static Object adj(Context ctx, Object x, boolean jac) {
    GroupValue g = groupOf(x, "adj()");
    LieGroup k = g.kernel;
    In a = elements(g, x, "adj()");
    int n = a.n;
    int d = k.dof;
    double[] out = new double[n * d * d];
    double[] j = jac(jac, n, d * d * d);
    double[][] gens = jac ? ElementOps.smallAdjGenerators(k) : null;
    Parallel.forRange(ctx, n, (from, to) -> {
      for (int i = from; i < to; i++) {
        k.adj(a.data, a.off(i), out, i * d * d);
        if (j != null) ElementOps.adjJacobian(out, i * d * d, gens, d, j, i * d * d * d);
      }
    });
    return result(cube(out, n, d, d), jac ? new Tensor(new int[] {n, d * d, d}, j) : null);
  }

  public static Object matrix(Context ctx, Object x, boolean jac) {
    GroupValue g = groupOf(x, "matrix()");
    LieGroup k = g.kernel;
    In a = elements(g, x, "matrix()");
    int n = a.n;
    int m2 = k.mat * k.mat;
    double[] out = new double[n * m2];
    double[] j = jac(jac, n, m2 * k.dof);
    double[][] gens = jac ? ElementOps.generators(k) : null;
    Parallel.forRange(ctx, n, (from, to) -> {
      for (int i = from; i < to; i++) {
        k.matrix(a.data, a.off(i), out, i * m2);
        if (j != null) ElementOps.matrixJacobian(out, i * m2, gens, k.mat, k.dof, j, i * m2 * k.dof);
      }
    });
    return result(cube(out, n, k.mat, k.mat), jac ? new Tensor(new int[] {n, m2, k.dof}, j) : null);
  }

  public static Object coeffs(Object x, boolean jac) {
    BatchElement b = (BatchElement) x;
    LieGroup k = b.group.kernel;
    Tensor c = matrixRows(b.c.clone(), b.n, k.rep);
    if (!jac) return c;
    double[] j = new double[b.n * k.rep * k.dof];
    // element i's rep x dof block starts at row i * rep of the (n rep) x dof stack
    for (int i = 0; i < b.n; i++) b.group.descriptor.coeffJacobian(b.c, i * k.rep, j, i * k.rep, 0, k.dof);
    return Values.withJacobians(c, cube(j, b.n, k.rep, k.dof));
  }

  public static BatchElement normalize(Context ctx, BatchElement x) {
    LieGroup k = x.group.kernel;
    double[] c = x.c.clone();
    Parallel.forRange(ctx, x.n, (from, to) -> {
      for (int i = from; i < to; i++) k.normalize(c, i * k.rep);
    });
    return new BatchElement(x.group, x.n, c);
  }

  /** slerp X (+) s (Y (-) X), element by element, with J_X and J_Y. */
  public static Object interpolate(Context ctx, Object x, Object y, double s, boolean jac) {
    GroupValue g = groupOf(x, "interpolate()");
    LieGroup k = g.kernel;
    In a = elements(g, x, "interpolate(): X");
    In b = elements(g, y, "interpolate(): Y");
    int n = size("interpolate()", a, b);
    int d2 = k.dof * k.dof;
    double[] out = new double[n * k.rep];
    double[] ja = jac(jac, n, d2);
    double[] jb = jac(jac, n, d2);
    Parallel.forRange(ctx, n, (from, to) -> {
      double[] xa = new double[k.rep];
      double[] xb = new double[k.rep];
      double[] o = new double[k.rep];
      double[] la = jac ? new double[d2] : null;
      double[] lb = jac ? new double[d2] : null;
      for (int i = from; i < to; i++) {
        System.arraycopy(a.data, a.off(i), xa, 0, k.rep);
        System.arraycopy(b.data, b.off(i), xb, 0, k.rep);
        Interpolation.interpolate(k, Interpolation.Method.SLERP, xa, xb, s, null, null, 0, o, la, lb);
        System.arraycopy(o, 0, out, i * k.rep, k.rep);
        if (jac) {
          System.arraycopy(la, 0, ja, i * d2, d2);
          System.arraycopy(lb, 0, jb, i * d2, d2);
        }
      }
    });
    BatchElement z = new BatchElement(g, n, out);
    return jac ? Values.withJacobians(z, cube(ja, n, k.dof, k.dof), cube(jb, n, k.dof, k.dof)) : z;
  }

  // ------------------------------------------------------------------ tangent operations

  public static Object tangentMatrix(Context ctx, BatchTangent t, TangentOps.Matrix which) {
    LieGroup k = t.group.kernel;
    int d2 = k.dof * k.dof;
    double[] out = new double[t.n * d2];
    Parallel.forRange(ctx, t.n, (from, to) -> {
      for (int i = from; i < to; i++) {
        int to2 = i * k.dof;
        int oo = i * d2;
        switch (which) {
          case RJAC: k.rjac(t.v, to2, out, oo); break;
          case LJAC: k.ljac(t.v, to2, out, oo); break;
          case RJACINV: k.rjacinv(t.v, to2, out, oo); break;
          case LJACINV: k.ljacinv(t.v, to2, out, oo); break;
          default: k.smallAdj(t.v, to2, out, oo); break;
        }
      }
    });
    return cube(out, t.n, k.dof, k.dof);
  }

  public static Object hat(Context ctx, BatchTangent t, boolean jac) {
    LieGroup k = t.group.kernel;
    int m2 = k.mat * k.mat;
    double[] out = new double[t.n * m2];
    Parallel.forRange(ctx, t.n, (from, to) -> {
      for (int i = from; i < to; i++) k.hat(t.v, i * k.dof, out, i * m2);
    });
    Tensor h = cube(out, t.n, k.mat, k.mat);
    if (!jac) return h;
    double[] gens = ((Tensor) ((Tuple) TangentOps.hat(t.group.tangent(new double[k.dof]), true)).get(1)).toDoubleArray();
    double[] j = new double[t.n * gens.length];
    for (int i = 0; i < t.n; i++) System.arraycopy(gens, 0, j, i * gens.length, gens.length);
    return Values.withJacobians(h, new Tensor(new int[] {t.n, m2, k.dof}, j));
  }

  /** t (+) s or t (-) s for tangents and batches of them (and n x dof tensors). */
  public static BatchTangent add(GroupValue g, Object x, Object y, double sign, String op) {
    In a = tangents(g, x, "the left operand of " + op);
    In b = tangents(g, y, "the right operand of " + op);
    int n = size(op, a, b);
    int dof = g.kernel.dof;
    double[] out = new double[n * dof];
    for (int i = 0; i < n; i++) {
      int ao = a.off(i);
      int bo = b.off(i);
      for (int c = 0; c < dof; c++) out[i * dof + c] = a.data[ao + c] + sign * b.data[bo + c];
    }
    return new BatchTangent(g, n, out);
  }

  static BatchTangent scale(BatchTangent t, double s) {
    double[] out = new double[t.v.length];
    for (int i = 0; i < out.length; i++) out[i] = s * t.v[i];
    return new BatchTangent(t.group, t.n, out);
  }

  /** t.inner(s) per element (an n-vector), manif's weights. */
  public static Tensor inner(GroupValue g, Object x, Object y) {
    In a = tangents(g, x, "inner()");
    In b = tangents(g, y, "inner(): argument 'other'");
    int n = size("inner()", a, b);
    int d = g.kernel.dof;
    double[] w = g.kernel.innerWeights();
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int r = 0; r < d; r++) for (int c = 0; c < d; c++) s += a.data[a.off(i) + r] * w[r * d + c] * b.data[b.off(i) + c];
      out[i] = s;
    }
    return Tensor.ofDoubles(new int[] {n}, out);
  }

  public static Tensor norms(BatchTangent t) {
    int d = t.group.kernel.dof;
    double[] out = new double[t.n];
    for (int i = 0; i < t.n; i++) {
      double s = 0;
      for (int c = 0; c < d; c++) s += t.v[i * d + c] * t.v[i * d + c];
      out[i] = Math.sqrt(s);
    }
    return Tensor.ofDoubles(new int[] {t.n}, out);
  }

  /** [t, s] per element, with J_t = -ad_s and J_s = ad_t. */
  public static Object bracket(Context ctx, GroupValue g, Object x, Object y, boolean jac) {
    LieGroup k = g.kernel;
    In a = tangents(g, x, "bracket()");
    In b = tangents(g, y, "bracket(): argument 'other'");
    int n = size("bracket()", a, b);
    int d = k.dof;
    double[] out = new double[n * d];
    double[] ja = jac(jac, n, d * d);
    double[] jb = jac(jac, n, d * d);
    Parallel.forRange(ctx, n, (from, to) -> {
      double[] adt = new double[d * d];
      for (int i = from; i < to; i++) {
        k.smallAdj(a.data, a.off(i), adt, 0);
        Mat.mul(adt, 0, b.data, b.off(i), out, i * d, d, d, 1);
        if (jac) {
          System.arraycopy(adt, 0, jb, i * d * d, d * d);
          k.smallAdj(b.data, b.off(i), ja, i * d * d);
          Mat.scale(ja, i * d * d, d * d, -1);
        }
      }
    });
    BatchTangent r = new BatchTangent(g, n, out);
    return jac ? Values.withJacobians(r, cube(ja, n, d, d), cube(jb, n, d, d)) : r;
  }

  // ------------------------------------------------------------------ operators

  static boolean isElementLike(Object v) {
    return v instanceof Element || v instanceof BatchElement;
  }

  static boolean isTangentLike(Object v) {
    return v instanceof TangentValue || v instanceof BatchTangent || v instanceof Tensor || v instanceof TList || v instanceof Tuple;
  }

  /** X * Y, X + t, t + X, Y - X and tangent arithmetic when a batch (or an n x dof tensor) is involved. */
  public static Object operator(dev.tangent.spi.BinOp op, Object l, Object r) {
    if (Layers.tracked().involves(l) || Layers.tracked().involves(r)) {
      throw TangentError.runtime("diff: batches cannot be differentiated; diff works on one element at a time");
    }
    boolean le = isElementLike(l);
    boolean re = isElementLike(r);
    if (le && re) {
      if (op == dev.tangent.spi.BinOp.MUL) return binary(null, Binary.COMPOSE, l, r, false);
      if (op == dev.tangent.spi.BinOp.SUB) return binary(null, Binary.RMINUS, l, r, false);
      if (op == dev.tangent.spi.BinOp.ADD) {
        throw TangentError.runtime("cannot add two " + groupOf(l, "+").typeName() + " elements")
            .withHint("compose them with *, or add a tangent: X + t is X.rplus(t)");
      }
      return Operand.NOT_IMPLEMENTED;
    }
    if (le && op == dev.tangent.spi.BinOp.ADD && isTangentLike(r)) return plus(null, l, r, true, false);
    if (re && op == dev.tangent.spi.BinOp.ADD && isTangentLike(l)) return plus(null, r, l, false, false);
    if (le || re) return Operand.NOT_IMPLEMENTED;
    GroupValue g = l instanceof BatchTangent b ? b.group : r instanceof BatchTangent b ? b.group
        : l instanceof TangentValue t ? t.group : r instanceof TangentValue t ? t.group : null;
    if (g == null) return Operand.NOT_IMPLEMENTED;
    switch (op) {
      case ADD: return add(g, l, r, 1, "+");
      case SUB: return add(g, l, r, -1, "-");
      case MUL:
        if (l instanceof BatchTangent b && r instanceof Double s) return scale(b, s);
        if (r instanceof BatchTangent b && l instanceof Double s) return scale(b, s);
        return Operand.NOT_IMPLEMENTED;
      case DIV:
        if (l instanceof BatchTangent b && r instanceof Double s) return scale(b, 1 / s);
        return Operand.NOT_IMPLEMENTED;
      default:
        return Operand.NOT_IMPLEMENTED;
    }
  }

  // ------------------------------------------------------------------ building batches

  /** G.stack(list): elements into a batch, or tangents into a tangent batch. */
  public static Object stack(GroupValue g, Object list) {
    List<Object> items = list instanceof TList l ? l.items : list instanceof Tuple t ? t.list() : null;
    if (items == null) throw TangentError.runtime(g.typeName() + ".stack() needs a list of elements or tangents, got " + Values.an(Types.typeName(list)));
    if (items.isEmpty()) throw TangentError.runtime(g.typeName() + ".stack() needs at least one element");
    LieGroup k = g.kernel;
    int n = items.size();
    if (items.get(0) instanceof TangentValue) {
      double[] v = new double[n * k.dof];
      for (int i = 0; i < n; i++) System.arraycopy(Values.tangent(g, items.get(i), g.typeName() + ".stack(): item " + i), 0, v, i * k.dof, k.dof);
      return new BatchTangent(g, n, v);
    }
    double[] c = new double[n * k.rep];
    for (int i = 0; i < n; i++) System.arraycopy(Values.element(g, items.get(i), g.typeName() + ".stack(): item " + i).c, 0, c, i * k.rep, k.rep);
    return new BatchElement(g, n, c);
  }
}
