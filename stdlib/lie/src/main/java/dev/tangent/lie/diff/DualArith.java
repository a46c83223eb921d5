package dev.tangent.lie.diff;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.TangentValue;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.BinOp;
import dev.tangent.spi.Operand;
import dev.tangent.spi.Operators;
import dev.tangent.spi.TList;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Tuple;

/**
 * Arithmetic on tracked numbers, vectors and tangents, mixed with plain ones: elementwise + - * /
 * and ^ (same shapes, or one side a scalar), @ (matrix and vector products), unary minus and the
 * math functions, each with its derivative. A tangent stays a tangent under + - and scaling, as
 * in TangentValue.
 */
public final class DualArith {
  private DualArith() {}

  /** A flat view of an operand: values, shape, derivative (null for a constant), tangent group. */
  record View(double[] p, int[] shape, double[] d, GroupValue group, String undefined) {
    boolean scalar() { return shape.length == 0; }

    String describe() {
      if (group != null) return group.tangentType.typeName();
      return shape.length == 0 ? "Number" : "Tensor of shape " + Tensor.shapeText(shape);
    }
  }

  private static final int[] SCALAR = new int[0];

  /** The view of a numeric operand, or null when it is not one. */
  static View view(Object o) {
    if (o instanceof Double x) return new View(new double[] {x}, SCALAR, null, null, null);
    if (o instanceof DualNumber x) return new View(new double[] {x.v}, SCALAR, x.d, null, x.undefined);
    if (o instanceof DualVector x) return new View(x.p, x.shape, x.d, null, x.undefined);
    if (o instanceof DualTangent x) return new View(x.t.v, new int[] {x.t.v.length}, x.d, x.t.group, x.undefined);
    if (o instanceof TangentValue x) return new View(x.v, new int[] {x.v.length}, null, x.group, null);
    if (o instanceof Tensor t) return new View(t.toDoubleArray(), t.shape(), null, null, null);
    if (o instanceof TList || o instanceof Tuple) {
      Object lifted = Dual.lift(o);
      if (lifted instanceof DualVector v) return view(v);
      try {
        Tensor t = Tensor.from(o);
        return new View(t.toDoubleArray(), t.shape(), null, null, null);
      } catch (TangentError e) {
        return null;
      }
    }
    return null;
  }

  static Object binary(BinOp op, Object left, Object right) {
    switch (op) {
      case EQ: case NE: case LT: case LE: case GT: case GE:
        return Operators.binary(op, Dual.strip(left), Dual.strip(right));
      default:
        break;
    }
    DiffScope scope = Dual.scopeOf(left, right);
    View a = view(left);
    View b = view(right);
    if (a == null || b == null || scope == null) return Operand.NOT_IMPLEMENTED;
    switch (op) {
      case ADD: case SUB: case MUL: case DIV: case POW:
        return elementwise(op, a, b, scope);
      case MATMUL:
        return matmul(a, b, scope);
      default:
        throw Dual.notDifferentiable("the operator " + op.symbol);
    }
  }

  private static GroupValue tangentGroup(BinOp op, View a, View b) {
    if (a.group != null && b.group != null) {
      if (!a.group.equals(b.group)) {
        throw TangentError.runtime("the other operand of " + op.symbol + " must be " + Values.an(a.group.tangentType.typeName())
            + ", got " + Values.an(b.group.tangentType.typeName()));
      }
      if (op == BinOp.MUL) throw TangentError.runtime("cannot multiply two tangents").withHint("use t.inner(s) or t.bracket(s)");
    }
    GroupValue g = a.group != null ? a.group : b.group;
    if (g == null) return null;
    View other = a.group != null ? b : a;
    boolean scaling = op == BinOp.MUL || (op == BinOp.DIV && a.group != null);
    if (scaling && other.scalar()) return g;
    if ((op == BinOp.ADD || op == BinOp.SUB) && !other.scalar()) {
      if (other.p.length != g.kernel.dof || other.shape.length != 1) {
        throw TangentError.runtime("the other operand of " + op.symbol + " must have " + g.kernel.dof + " numbers ("
            + g.typeName() + " has " + g.kernel.dof + " degrees of freedom), got " + other.describe());
      }
      return g;
    }
    throw TangentError.runtime("unsupported operand types for " + op.symbol + ": " + a.describe() + " and " + b.describe());
  }

  static Object elementwise(BinOp op, View a, View b, DiffScope scope) {
    GroupValue g = tangentGroup(op, a, b);
    int[] shape;
    if (a.scalar()) shape = b.shape;
    else if (b.scalar() || java.util.Arrays.equals(a.shape, b.shape)) shape = a.shape;
    else {
      throw TangentError.runtime("diff: shapes " + Tensor.shapeText(a.shape) + " and " + Tensor.shapeText(b.shape)
          + " do not match (tracked values broadcast only against scalars)");
    }
    int count = a.scalar() ? b.p.length : a.p.length;
    int n = scope.n;
    double[] p = new double[count];
    double[] d = new double[count * n];
    String undefined = null;
    for (int i = 0; i < count; i++) {
      int ia = a.scalar() ? 0 : i;
      int ib = b.scalar() ? 0 : i;
      double x = a.p[ia];
      double y = b.p[ib];
      double v;
      String bad = null;
      double ga; // d result / d x
      double gb; // d result / d y
      switch (op) {
        case ADD: v = x + y; ga = 1; gb = 1; break;
        case SUB: v = x - y; ga = 1; gb = -1; break;
        case MUL: v = x * y; ga = y; gb = x; break;
        case DIV: v = x / y; ga = 1 / y; gb = -x / (y * y); break;
        default: {
          v = Math.pow(x, y);
          ga = y == 0 ? 0 : y * Math.pow(x, y - 1);
          if (b.d != null) {
            gb = x > 0 ? v * Math.log(x) : 0;
            if (!(x > 0)) bad = "x ^ y with respect to y at x = " + dev.tangent.spi.Display.number(x);
          } else {
            gb = 0;
          }
          if (a.d != null && !Double.isFinite(ga)) {
            bad = "x ^ " + dev.tangent.spi.Display.number(y) + " at x = " + dev.tangent.spi.Display.number(x);
            ga = 0;
          }
        }
      }
      if (bad != null && undefined == null) undefined = bad;
      p[i] = v;
      int o = i * n;
      if (a.d != null && ga != 0) for (int c = 0, s = ia * n; c < n; c++) d[o + c] += ga * a.d[s + c];
      if (b.d != null && gb != 0) for (int c = 0, s = ib * n; c < n; c++) d[o + c] += gb * b.d[s + c];
    }
    return result(p, shape, d, g, scope, undefined == null ? either(a, b) : undefined);
  }

  static Object result(double[] p, int[] shape, double[] d, GroupValue g, DiffScope scope, String undefined) {
    Dual r;
    if (g != null) r = new DualTangent(scope, g.tangent(p), d);
    else if (shape.length == 0) r = new DualNumber(scope, p[0], d);
    else r = new DualVector(scope, p, shape, d);
    return undefined == null ? r : r.taint(undefined);
  }

  private static String either(View a, View b) {
    return a.undefined != null ? a.undefined : b.undefined;
  }

  /** numpy's matmul for vectors and matrices: dC = dA B + A dB. */
  static Object matmul(View a, View b, DiffScope scope) {
    if (a.scalar() || b.scalar() || a.shape.length > 2 || b.shape.length > 2) {
      throw TangentError.runtime("diff: @ needs vectors or matrices, got " + a.describe() + " and " + b.describe());
    }
    if (a.group != null) {
      throw TangentError.runtime("unsupported operand types for @: " + a.describe() + " and " + b.describe())
          .withHint("multiply a matrix by a tangent: J @ t");
    }
    int r = a.shape.length == 2 ? a.shape[0] : 1;
    int k = a.shape.length == 2 ? a.shape[1] : a.shape[0];
    int kb = b.shape[0];
    int c = b.shape.length == 2 ? b.shape[1] : 1;
    if (k != kb) {
      throw TangentError.runtime("cannot multiply shapes " + Tensor.shapeText(a.shape) + " and " + Tensor.shapeText(b.shape)
          + " (" + k + " != " + kb + ")");
    }
    int n = scope.n;
    double[] p = new double[r * c];
    double[] d = new double[r * c * n];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        int o = i * c + j;
        double s = 0;
        for (int q = 0; q < k; q++) {
          int ia = i * k + q;
          int ib = q * c + j;
          double x = a.p[ia];
          double y = b.p[ib];
          s += x * y;
          if (a.d != null && y != 0) for (int e = 0; e < n; e++) d[o * n + e] += y * a.d[ia * n + e];
          if (b.d != null && x != 0) for (int e = 0; e < n; e++) d[o * n + e] += x * b.d[ib * n + e];
        }
        p[o] = s;
      }
    }
    int[] shape;
    if (a.shape.length == 2 && b.shape.length == 2) shape = new int[] {r, c};
    else if (a.shape.length == 2) shape = new int[] {r};
    else if (b.shape.length == 2) shape = new int[] {c};
    else shape = SCALAR;
    return result(p, shape, d, null, scope, either(a, b));
  }

  static Object negate(Dual x) {
    View v = view(x);
    double[] p = new double[v.p.length];
    double[] d = new double[x.d.length];
    for (int i = 0; i < p.length; i++) p[i] = -v.p[i];
    for (int i = 0; i < d.length; i++) d[i] = -x.d[i];
    return result(p, v.shape, d, v.group, x.scope, x.undefined);
  }

  /** sin, exp, sqrt, ... elementwise; norm and sum reduce to a number. */
  static Object math(String fn, Dual x) {
    View v = view(x);
    int n = x.scope.n;
    if (fn.equals("norm")) {
      double s = 0;
      for (double e : v.p) s += e * e;
      double r = Math.sqrt(s);
      double[] g = new double[v.p.length];
      if (r > 0) for (int i = 0; i < g.length; i++) g[i] = v.p[i] / r;
      Dual out = new DualNumber(x.scope, r, Dual.mulAdd(g, 1, g.length, x.d, n, null));
      return (Dual) Dual.inherit(r > 0 ? out : out.taint("norm() at 0"), x);
    }
    if (fn.equals("sum")) {
      double s = 0;
      double[] g = new double[n];
      for (int i = 0; i < v.p.length; i++) {
        s += v.p[i];
        for (int c = 0; c < n; c++) g[c] += x.d[i * n + c];
      }
      return Dual.inherit(new DualNumber(x.scope, s, g), x);
    }
    if (v.group != null && !fn.equals("abs")) return Operand.NOT_IMPLEMENTED;
    double[] p = new double[v.p.length];
    double[] d = new double[x.d.length];
    String undefined = x.undefined;
    for (int i = 0; i < p.length; i++) {
      double a = v.p[i];
      double f;
      double g;
      switch (fn) {
        case "sin": f = Math.sin(a); g = Math.cos(a); break;
        case "cos": f = Math.cos(a); g = -Math.sin(a); break;
        case "tan": f = Math.tan(a); g = 1 + f * f; break;
        case "asin": f = Math.asin(a); g = 1 / Math.sqrt(1 - a * a); break;
        case "acos": f = Math.acos(a); g = -1 / Math.sqrt(1 - a * a); break;
        case "atan": f = Math.atan(a); g = 1 / (1 + a * a); break;
        case "sinh": f = Math.sinh(a); g = Math.cosh(a); break;
        case "cosh": f = Math.cosh(a); g = Math.sinh(a); break;
        case "tanh": f = Math.tanh(a); g = 1 - f * f; break;
        case "exp": f = Math.exp(a); g = f; break;
        case "expm1": f = Math.expm1(a); g = Math.exp(a); break;
        case "log": f = Math.log(a); g = 1 / a; break;
        case "log1p": f = Math.log1p(a); g = 1 / (1 + a); break;
        case "log10": f = Math.log10(a); g = 1 / (a * Math.log(10)); break;
        case "log2": f = Math.log(a) / Math.log(2); g = 1 / (a * Math.log(2)); break;
        case "sqrt": f = Math.sqrt(a); g = 0.5 / f; break;
        case "cbrt": f = Math.cbrt(a); g = 1 / (3 * f * f); break;
        case "sigmoid": f = 1 / (1 + Math.exp(-a)); g = f * (1 - f); break;
        case "abs":
          f = Math.abs(a);
          g = Math.signum(a);
          if (a == 0 && undefined == null) undefined = "abs() at 0";
          break;
        case "floor": case "ceil": case "sign": case "round":
          throw Dual.notDifferentiable(fn + "()")
              .withHint("its derivative is zero almost everywhere and undefined at its jumps; compute it outside diff");
        default:
          throw Dual.notDifferentiable(fn + "()");
      }
      if (!Double.isFinite(g) && Double.isFinite(f)) {
        if (undefined == null) undefined = fn + "() at " + dev.tangent.spi.Display.number(a) + " (an infinite derivative)";
        g = 0;
      }
      p[i] = f;
      for (int c = 0; c < n; c++) d[i * n + c] = g * x.d[i * n + c];
    }
    return result(p, v.shape, d, v.group, x.scope, undefined);
  }
}
