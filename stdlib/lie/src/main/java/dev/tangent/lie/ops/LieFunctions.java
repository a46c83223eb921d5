package dev.tangent.lie.ops;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.lie.algo.Averages;
import dev.tangent.lie.algo.Curves;
import dev.tangent.lie.algo.Interpolation;
import dev.tangent.lie.batch.BatchOps;
import dev.tangent.lie.diff.Diff;
import dev.tangent.lie.diff.DiffScope;
import dev.tangent.lie.diff.Dual;
import dev.tangent.lie.diff.DualElement;
import dev.tangent.lie.diff.DualNumber;
import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.kernel.Mat;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.ModuleBuilder;
import dev.tangent.spi.TList;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The module's functions on elements of any group: interpolate, bezier, decasteljau, average,
 * the covariance helpers and diff. Those that name groups (R, bundle, vee without a group) are
 * the registry's ({@code dev.tangent.lie.groups.GroupFunctions}).
 */
public final class LieFunctions {
  private LieFunctions() {}

  /** Elements of one group from a list or tuple. */
  static List<Element> elements(Object v, String fn, int min) {
    List<Object> items = v instanceof TList l ? l.items : v instanceof Tuple t ? t.list() : null;
    if (items == null) throw TangentError.runtime(fn + " needs a list of group elements, got a " + Types.typeName(v));
    if (items.size() < min) throw TangentError.runtime(fn + " needs at least " + min + " elements, got " + items.size());
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Object x = items.get(i);
      if (!(x instanceof Element e)) {
        throw TangentError.runtime(fn + ": item " + i + " is a " + Types.typeName(x) + ", not a group element");
      }
      if (!out.isEmpty() && !e.group.equals(out.get(0).group)) {
        throw TangentError.runtime(fn + ": item " + i + " is " + Values.an(e.group.typeName()) + " element but item 0 is "
            + Values.an(out.get(0).group.typeName()) + " element; all must belong to one group");
      }
      out.add(e);
    }
    return out;
  }

  static List<double[]> coeffs(List<Element> xs) {
    List<double[]> out = new ArrayList<>();
    for (Element e : xs) out.add(e.c);
    return out;
  }

  static <E extends Enum<E>> E choice(Class<E> type, String value, String fn) {
    for (E e : type.getEnumConstants()) if (e.name().equalsIgnoreCase(value)) return e;
    StringBuilder sb = new StringBuilder();
    for (E e : type.getEnumConstants()) sb.append(sb.length() == 0 ? "" : ", ").append('"').append(e.name().toLowerCase(Locale.ROOT)).append('"');
    throw TangentError.runtime(fn + ": unknown method \"" + value + "\"; expected one of " + sb);
  }

  public static void define(ModuleBuilder m) {
    m.functions(
        LieBuiltin.custom("interpolate(X, Y, s, method='slerp', *, ta=nil, tb=nil, degree=3, jac=false)",
            "The element at s in [0, 1] between X (s = 0) and Y (s = 1): \"slerp\" X (+) s (Y (-) X); \"cubic\" a C1 "
                + "Hermite curve with end velocities ta, tb (tangents, default 0); \"cnsmooth\" manif's CN-smooth curve "
                + "(degree 1-4). With jac: true, also J_X and J_Y.",
            a -> BatchOps.involved(a.get(0), a.get(1)) ? batchInterpolate(a)
                : interpolate(a.get(0), a.get(1), a.num(2), a.str(3, "slerp"), a.get(4), a.get(5), a.integer(6, 3),
                a.bool(7, false)),
            LieFunctions::interpolateRule),
        LieBuiltin.of("bezier(points, s)", "The Bezier curve with the given control points at s in [0, 1] (De Casteljau with geodesic steps).",
            a -> {
              List<Element> xs = elements(a.get(0), "bezier()", 1);
              double s = a.num(1);
              if (!(s >= 0 && s <= 1)) throw TangentError.runtime("bezier(): s must be in [0, 1], got " + s);
              GroupValue g = xs.get(0).group;
              return g.element(Curves.bezier(g.kernel, coeffs(xs), s));
            }),
        LieBuiltin.of("decasteljau(points, n_samples, *, degree=nil)",
            "Samples a curve: without degree, the Bezier curve of all points at n_samples evenly spaced s in [0, 1]; with "
                + "degree k, manif's piecewise curve of k-point segments, n_samples per segment.",
            a -> {
              List<Element> xs = elements(a.get(0), "decasteljau()", 2);
              GroupValue g = xs.get(0).group;
              try {
                List<double[]> cs = Curves.decasteljau(g.kernel, coeffs(xs), a.integer(1), a.present(2) ? a.integer(2) : 0);
                TList out = new TList();
                for (double[] c : cs) out.items.add(g.element(c));
                return out;
              } catch (IllegalArgumentException e) {
                throw TangentError.runtime("decasteljau(): " + e.getMessage());
              }
            }),
        LieBuiltin.of("average(xs, method='biinvariant', *, tol=1e-12, max_iter=50)",
            "The mean of group elements: \"biinvariant\" (Arsigny-Pennec), \"frechet_left\" / \"frechet_right\" "
                + "(minimise the sum of squared left- / right-invariant distances), \"jr_weighted\" (manif's average()).",
            a -> {
              List<Element> xs = elements(a.get(0), "average()", 1);
              GroupValue g = xs.get(0).group;
              Averages.Method method = choice(Averages.Method.class, a.str(1, "biinvariant"), "average()");
              Averages.Result r = Averages.average(g.kernel, coeffs(xs), method, a.num(2, 1e-12), a.integer(3, 50));
              return g.element(r.mean());
            }),
        LieBuiltin.of("propagate(P, J)", "The covariance J P J^T of a function with Jacobian J.",
            a -> {
              Tensor p = Values.squareMatrix(a.get(0), "propagate(): P");
              Tensor j = a.get(1) instanceof Tensor t ? t : Tensor.from(a.get(1));
              if (j.ndim() != 2 || j.dim(1) != p.dim(0)) {
                throw TangentError.runtime("propagate(): J has shape " + Tensor.shapeText(j.shape()) + " but P is "
                    + p.dim(0) + "x" + p.dim(0) + "; J needs " + p.dim(0) + " columns");
              }
              return sandwich(Values.numbers(j, "J", false), j.dim(0), Values.numbers(p, "P", false), p.dim(0));
            }),
        LieBuiltin.of("to_global(P, X)", "A covariance on the tangent at X (local) moved to the identity (global): Ad_X P Ad_X^T.",
            a -> covariance(a.get(0), a.get(1), false, "to_global()")),
        LieBuiltin.of("to_local(P, X)", "A global covariance moved to the tangent at X: Ad_X^-1 P Ad_X^-T.",
            a -> covariance(a.get(0), a.get(1), true, "to_local()")),
        Diff.builtin());
  }

  /**
   * interpolate() under diff: the end points chain through jac: true; a tracked s (slerp only)
   * adds d/ds [X (+) s t] = Jr(s t) t, t = Y (-) X.
   */
  static Object interpolateRule(Builtin raw, dev.tangent.spi.Args a) {
    if (!(Dual.lift(a.get(2)) instanceof DualNumber ds)) return LieBuiltin.chain(raw, a);
    String fn = "interpolate()";
    if (!a.str(3, "slerp").equalsIgnoreCase("slerp") || a.present(4) || a.present(5)) {
      throw TangentError.runtime("diff: " + fn + " is not differentiable with respect to 's' with the cubic and cnsmooth "
          + "methods").withHint("use the slerp method, or keep s out of diff");
    }
    if (a.bool(7, false)) throw Dual.notDifferentiable(fn + " with jac: true");
    Object xv = a.get(0);
    Object yv = a.get(1);
    Element x = xv instanceof DualElement dx ? dx.x : xv instanceof Element e ? e : null;
    if (x == null) throw TangentError.runtime(fn + ": X must be a group element, got " + Values.an(dev.tangent.spi.Types.typeName(xv)));
    Element y = Values.element(x.group, yv instanceof DualElement dy ? dy.x : yv, fn + ": Y");
    double s = ds.v;
    if (!(s >= 0 && s <= 1)) throw TangentError.runtime(fn + ": s must be in [0, 1], got " + dev.tangent.spi.Display.number(s));
    DiffScope scope = Dual.scopeOf(xv, yv, ds);
    LieGroup k = x.kernel();
    int d = k.dof;
    int n = scope.n;
    double[] tau = new double[d];
    double[] jtY = new double[d * d];
    double[] jtX = new double[d * d];
    k.rminus(y.c, 0, x.c, 0, tau, 0, jtY, 0, jtX, 0);
    double[] u = new double[d];
    for (int i = 0; i < d; i++) u[i] = s * tau[i];
    double[] z = new double[k.rep];
    double[] jzX = new double[d * d];
    double[] jzU = new double[d * d];
    k.rplus(x.c, 0, u, 0, z, 0, jzX, 0, jzU, 0);
    double[] acc = new double[d * n];
    if (xv instanceof DualElement dx) {
      double[] jx = new double[d * d];
      Mat.mul(jzU, 0, jtX, 0, jx, 0, d, d, d);
      for (int i = 0; i < jx.length; i++) jx[i] = jzX[i] + s * jx[i];
      Dual.mulAdd(jx, d, d, dx.d, n, acc);
    }
    if (yv instanceof DualElement dy) {
      double[] jy = new double[d * d];
      Mat.mul(jzU, 0, jtY, 0, jy, 0, d, d, d);
      for (int i = 0; i < jy.length; i++) jy[i] *= s;
      Dual.mulAdd(jy, d, d, dy.d, n, acc);
    }
    double[] js = new double[d];
    Mat.mul(jzU, 0, tau, 0, js, 0, d, d, 1);
    Dual.mulAdd(js, d, 1, ds.d, n, acc);
    return Dual.inherit(new DualElement(scope, x.group.element(z), acc), xv, yv, ds);
  }

  static Object batchInterpolate(dev.tangent.spi.Args a) {
    double s = a.num(2);
    if (!(s >= 0 && s <= 1)) throw TangentError.runtime("interpolate(): s must be in [0, 1], got " + dev.tangent.spi.Display.number(s));
    if (!a.str(3, "slerp").equalsIgnoreCase("slerp") || a.present(4) || a.present(5)) {
      throw TangentError.runtime("interpolate(): batches interpolate with the \"slerp\" method only");
    }
    return BatchOps.interpolate(a.ctx(), a.get(0), a.get(1), s, a.bool(7, false));
  }

  /** J P J^T for J rows x n and P n x n: (J P) first, then its products with the rows of J. */
  static Tensor sandwich(double[] j, int rows, double[] p, int n) {
    double[] jp = new double[rows * n];
    Mat.mul(j, 0, p, 0, jp, 0, rows, n, n);
    double[] out = new double[rows * rows];
    if (n == 3) {   // written out, as in Mat.mul (same sums)
      for (int r = 0; r < rows; r++) {
        double x0 = jp[r * 3];
        double x1 = jp[r * 3 + 1];
        double x2 = jp[r * 3 + 2];
        for (int c = 0; c < rows; c++) out[r * rows + c] = x0 * j[c * 3] + x1 * j[c * 3 + 1] + x2 * j[c * 3 + 2];
      }
      return Values.mat(out, rows, rows);
    }
    if (n == 2) {
      for (int r = 0; r < rows; r++) {
        double x0 = jp[r * 2];
        double x1 = jp[r * 2 + 1];
        for (int c = 0; c < rows; c++) out[r * rows + c] = x0 * j[c * 2] + x1 * j[c * 2 + 1];
      }
      return Values.mat(out, rows, rows);
    }
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < rows; c++) {
        double s = 0;
        for (int k = 0; k < n; k++) s += jp[r * n + k] * j[c * n + k];
        out[r * rows + c] = s;
      }
    }
    return Values.mat(out, rows, rows);
  }

  static Tensor covariance(Object pv, Object xv, boolean toLocal, String fn) {
    if (!(xv instanceof Element x)) throw TangentError.runtime(fn + ": X must be a group element, got a " + Types.typeName(xv));
    LieGroup k = x.kernel();
    double[] p = Values.matrix(pv, k.dof, k.dof, fn + ": P (the covariance of a " + x.group.typeName() + " tangent)");
    double[] ad = new double[k.dof * k.dof];
    double[] src = x.c;
    if (toLocal) {
      src = new double[k.rep];
      k.inverse(x.c, 0, src, 0, null, 0);
    }
    k.adj(src, 0, ad, 0);
    return sandwich(ad, k.dof, p, k.dof);
  }

  static Object interpolate(Object xv, Object yv, double s, String method, Object ta, Object tb, int degree, boolean jac) {
    String fn = "interpolate()";
    if (!(xv instanceof Element x)) throw TangentError.runtime(fn + ": X must be a group element, got a " + Types.typeName(xv));
    Element y = Values.element(x.group, yv, fn + ": Y");
    if (!(s >= 0 && s <= 1)) throw TangentError.runtime(fn + ": s must be in [0, 1], got " + dev.tangent.spi.Display.number(s));
    Interpolation.Method m = choice(Interpolation.Method.class, method, fn);
    if (m == Interpolation.Method.CNSMOOTH && (degree < 1 || degree > 4)) {
      throw TangentError.runtime(fn + ": degree must be 1 to 4, got " + degree);
    }
    GroupValue g = x.group;
    double[] va = Rotations.present(ta) ? Values.tangent(g, ta, fn + ": ta") : null;
    double[] vb = Rotations.present(tb) ? Values.tangent(g, tb, fn + ": tb") : null;
    if (m == Interpolation.Method.SLERP && (va != null || vb != null)) {
      throw TangentError.runtime(fn + ": ta and tb apply to the \"cubic\" and \"cnsmooth\" methods only");
    }
    LieGroup k = g.kernel;
    double[] out = new double[k.rep];
    double[] ja = jac ? new double[k.dof * k.dof] : null;
    double[] jb = jac ? new double[k.dof * k.dof] : null;
    Interpolation.interpolate(k, m, x.c, y.c, s, va, vb, degree, out, ja, jb);
    Element z = g.element(out);
    return jac ? Values.withJacobians(z, Values.mat(ja, k.dof, k.dof), Values.mat(jb, k.dof, k.dof)) : z;
  }
}
