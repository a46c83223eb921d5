package dev.tangent.lie.diff;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.TangentValue;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.Args;
import dev.tangent.spi.BinOp;
import dev.tangent.spi.Display;
import dev.tangent.spi.Operand;
import dev.tangent.spi.TList;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Tracked;
import dev.tangent.spi.Tuple;
import java.util.List;

/**
 * A value tracked by diff(): its primal value and its Jacobian d with respect to the stacked
 * tangent of diff's inputs (size() rows, scope.n columns, row-major). Group elements are
 * perturbed on their tangent space, Z(delta) = Z (+) d delta (the right, local convention), every
 * other value additively, so each operation's right Jacobians chain by plain matrix products.
 * Subclasses: {@link DualNumber}, {@link DualVector}, {@link DualElement}, {@link DualTangent}.
 */
public abstract class Dual implements Operand, Tracked {
  public final DiffScope scope;
  public final double[] d;
  /**
   * Where the derivative does not exist (e.g. "norm() at 0"), or null. The value stays usable (in
   * comparisons, say); diff() fails with this reason only if its result depends on it.
   */
  String undefined;

  Dual(DiffScope scope, double[] d) {
    this.scope = scope;
    this.d = d;
  }

  /** The number of rows of d: 1, the vector's element count, or the group's dof. */
  public abstract int size();

  /** The value without its derivative. */
  public abstract Object primal();

  @Override public Object binaryOp(BinOp op, Object other, boolean selfOnLeft) {
    return DualOps.binary(op, selfOnLeft ? this : other, selfOnLeft ? other : this);
  }

  @Override public Object tensorOf(Object nested) {
    return DualVector.of(nested);
  }

  @Override public String toString() {
    return "tracked(" + Display.repr(primal()) + ")";
  }

  // ------------------------------------------------------------------ helpers for the rules

  /** Marks the derivative as undefined (the first reason wins); returns this. */
  public Dual taint(String reason) {
    if (undefined == null) undefined = reason;
    return this;
  }

  /** out with the first undefined-derivative reason among the inputs. */
  public static Object inherit(Object out, Object... inputs) {
    if (out instanceof Dual o) for (Object x : inputs) if (x instanceof Dual in && in.undefined != null) o.taint(in.undefined);
    return out;
  }

  /** True when v is a tracked value or a list or tuple holding one. */
  public static boolean contains(Object v) {
    return v instanceof Dual || ((v instanceof TList || v instanceof Tuple) && Tracked.find(v) != null);
  }

  /** True when some argument of a built-in call is (or holds) a tracked value. */
  public static boolean anyIn(Args a) {
    for (int i = 0; i < a.count(); i++) if (contains(a.get(i))) return true;
    java.util.List<Object> rest = a.rest();
    for (int i = 0; i < rest.size(); i++) if (contains(rest.get(i))) return true;
    if (a.fn().sig().hasKwargs() && a.kwargs().size() > 0) {   // kwargs() allocates when there are none
      for (Object x : a.kwargs().entries.values()) if (contains(x)) return true;
    }
    return false;
  }

  /** A list or tuple holding tracked numbers as a tracked vector; other values unchanged. */
  public static Object lift(Object v) {
    if ((v instanceof TList || v instanceof Tuple) && Tracked.find(v) != null) return DualVector.of(v);
    return v;
  }

  /** The value with every tracked value inside replaced by its primal (for comparisons and printing). */
  public static Object strip(Object v) {
    if (v instanceof Dual x) return x.primal();
    if (v instanceof TList l && Tracked.find(l) != null) {
      TList out = new TList();
      for (Object o : l.items) out.items.add(strip(o));
      return out;
    }
    if (v instanceof Tuple t && Tracked.find(t) != null) {
      List<Object> xs = t.list();
      Object[] out = new Object[xs.size()];
      for (int i = 0; i < out.length; i++) out[i] = strip(xs.get(i));
      return new Tuple(out);
    }
    return v;
  }

  /** The scope shared by the tracked values among xs (null when there are none); mixing scopes fails. */
  public static DiffScope scopeOf(Object... xs) {
    DiffScope s = null;
    for (Object x : xs) {
      if (x instanceof Dual dx) {
        if (s != null && s != dx.scope) throw DiffScope.mixed();
        s = dx.scope;
      }
    }
    return s;
  }

  /** The tracked value of a primal result with Jacobian d (rows x scope.n). */
  public static Object wrap(Object primal, double[] d, DiffScope scope) {
    if (primal instanceof Element e) return new DualElement(scope, e, d);
    if (primal instanceof TangentValue t) return new DualTangent(scope, t, d);
    if (primal instanceof Double x) return new DualNumber(scope, x, d);
    if (primal instanceof Tensor t) return new DualVector(scope, t.toDoubleArray(), t.shape(), d);
    throw new IllegalStateException("no tracked form for " + primal);
  }

  /** acc (rows x n) += a (rows x k) b (k x n), allocating acc when null. */
  public static double[] mulAdd(double[] a, int rows, int k, double[] b, int n, double[] acc) {
    if (acc == null) acc = new double[rows * n];
    for (int i = 0; i < rows; i++) {
      int ao = i * k;
      int co = i * n;
      for (int j = 0; j < k; j++) {
        double s = a[ao + j];
        if (s == 0) continue;
        int bo = j * n;
        for (int c = 0; c < n; c++) acc[co + c] += s * b[bo + c];
      }
    }
    return acc;
  }

  public static TangentError notDifferentiable(String what) {
    return Values.notDifferentiable(what);
  }
}
