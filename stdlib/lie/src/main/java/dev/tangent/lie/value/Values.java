package dev.tangent.lie.value;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.Display;
import dev.tangent.spi.TList;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.util.List;

/** Conversions between language values and the kernels' double arrays, with clear messages. */
public final class Values {
  private Values() {}

  /** Numbers from a list, a tuple or a tensor; null when v is none of these. */
  public static double[] numbers(Object v, String what) {
    return numbers(v, what, true);
  }

  /**
   * As numbers(), but a f64 tensor in a Java array is read in place: only for callers that read
   * the values and keep nothing (a copy costs more than the kernel on these small vectors).
   */
  public static double[] numbers(Object v, String what, boolean copy) {
    if (v instanceof Tensor t) {
      if (!copy && t.elementType() == dev.tangent.core.tensor.DType.F64 && t.storage().heapArray() instanceof double[] d) return d;
      return t.toDoubleArray();
    }
    List<Object> items = v instanceof TList l ? l.items : v instanceof Tuple t ? t.list() : null;
    if (items == null) return null;
    double[] out = new double[items.size()];
    for (int i = 0; i < out.length; i++) {
      Object x = items.get(i);
      if (x instanceof dev.tangent.spi.Tracked) throw notDifferentiable(what);
      if (!(x instanceof Double d)) {
        throw TangentError.runtime(what + " must hold numbers, got a " + Types.typeName(x) + " at index " + i);
      }
      out[i] = d;
    }
    return out;
  }

  /** The error of a built-in that reads a value tracked by diff() but cannot carry its derivative. */
  public static TangentError notDifferentiable(String what) {
    return TangentError.runtime("diff: " + what + " is not differentiable");
  }

  /** A vector of exactly n numbers (a list, tuple or tensor), for 'what'. */
  public static double[] vector(Object v, int n, String what) {
    double[] out = numbers(v, what);
    if (out == null) throw TangentError.runtime(what + " must be a list or a Tensor of " + n + " numbers, got a " + Types.typeName(v));
    if (out.length != n) throw TangentError.runtime(what + " must have " + n + " numbers, got " + out.length);
    return out;
  }

  public static double number(Object v, String what) {
    if (v instanceof Double d) return d;
    throw TangentError.runtime(what + " must be a Number, got a " + Types.typeName(v));
  }

  /** A tangent of group g: one of g's Tangent values, or dof numbers. */
  public static double[] tangent(GroupValue g, Object v, String what) {
    return tangent(g, v, what, true);
  }

  /** A tangent read in place where possible: the caller must not keep or modify it. */
  public static double[] tangentView(GroupValue g, Object v, String what) {
    return tangent(g, v, what, false);
  }

  private static double[] tangent(GroupValue g, Object v, String what, boolean copy) {
    if (v instanceof TangentValue t) {
      if (!t.group.equals(g)) {
        throw TangentError.runtime(what + " must be " + an(g.tangentType.typeName()) + ", got "
            + an(t.group.tangentType.typeName()));
      }
      return t.v;
    }
    if (v instanceof Element e) {
      throw TangentError.runtime(what + " must be " + an(g.tangentType.typeName()) + ", got "
          + an(e.group.typeName()) + " element").withHint("take its tangent with .log()");
    }
    double[] out = numbers(v, what, copy);
    if (out == null) {
      throw TangentError.runtime(what + " must be " + an(g.tangentType.typeName()) + " or " + g.kernel.dof
          + " numbers, got a " + Types.typeName(v));
    }
    if (out.length != g.kernel.dof) {
      throw TangentError.runtime(what + " must have " + g.kernel.dof + " numbers (" + g.typeName() + " has "
          + g.kernel.dof + " degrees of freedom), got " + out.length);
    }
    return out;
  }

  /** A point that g acts on (dim numbers), read in place where possible: callers only read it. */
  public static double[] point(GroupValue g, Object v, String what) {
    double[] out = numbers(v, what, false);
    if (out == null) {
      throw TangentError.runtime(what + " must be a point: a list or a Tensor of " + g.kernel.dim + " numbers, got a "
          + Types.typeName(v));
    }
    if (out.length != g.kernel.dim) {
      throw TangentError.runtime(what + " must have " + g.kernel.dim + " numbers (" + g.typeName() + " acts on "
          + g.kernel.dim + "-vectors), got " + out.length);
    }
    return out;
  }

  /** An element of group g. */
  public static Element element(GroupValue g, Object v, String what) {
    if (v instanceof Element e) {
      if (!e.group.equals(g)) {
        throw TangentError.runtime(what + " must be " + an(g.typeName()) + " element, got " + an(e.group.typeName())
            + " element").withHint("elements of different groups do not mix; convert one first");
      }
      return e;
    }
    if (v instanceof TangentValue t) {
      throw TangentError.runtime(what + " must be " + an(g.typeName()) + " element, got " + an(t.group.tangentType.typeName()))
          .withHint("map a tangent to the group with .exp()");
    }
    throw TangentError.runtime(what + " must be " + an(g.typeName()) + " element, got a " + Types.typeName(v));
  }

  /** A rows x cols matrix, row-major (a Tensor or nested lists). */
  public static double[] matrix(Object v, int rows, int cols, String what) {
    Tensor t;
    if (v instanceof Tensor x) {
      t = x;
    } else if (v instanceof TList || v instanceof Tuple) {
      t = Tensor.from(v);
    } else {
      throw TangentError.runtime(what + " must be a " + rows + "x" + cols + " matrix, got a " + Types.typeName(v));
    }
    int[] s = t.shape();
    if (s.length != 2 || s[0] != rows || s[1] != cols) {
      throw TangentError.runtime(what + " must be a " + rows + "x" + cols + " matrix, got shape " + Tensor.shapeText(s));
    }
    return t.toDoubleArray();
  }

  /** A square matrix of any size n x n, returned with n in out[0] of the shape. */
  public static Tensor squareMatrix(Object v, String what) {
    Tensor t = v instanceof Tensor x ? x : (v instanceof TList || v instanceof Tuple) ? Tensor.from(v) : null;
    if (t == null || t.ndim() != 2 || t.dim(0) != t.dim(1)) {
      throw TangentError.runtime(what + " must be a square matrix, got "
          + (t == null ? "a " + Types.typeName(v) : "shape " + Tensor.shapeText(t.shape())));
    }
    return t;
  }

  /** A rows x cols tensor over the array, not copied: callers hand over fresh arrays. */
  public static Tensor mat(double[] rowMajor, int rows, int cols) {
    return new Tensor(new int[] {rows, cols}, rowMajor);
  }

  /** A vector over the array, not copied. */
  public static Tensor vec(double[] v) {
    return new Tensor(new int[] {v.length}, v);
  }

  /** The result followed by its Jacobians, as `jac: true` returns them. */
  public static Tuple withJacobians(Object result, Tensor... jacobians) {
    Object[] items = new Object[jacobians.length + 1];
    items[0] = result;
    System.arraycopy(jacobians, 0, items, 1, jacobians.length);
    return new Tuple(items);
  }

  /** A numbers list for printing: [1, 2, 3]. */
  public static String list(double[] v, int from, int to) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = from; i < to; i++) {
      if (i > from) sb.append(", ");
      sb.append(Display.number(clean(v[i])));
    }
    return sb.append(']').toString();
  }

  /** A number as it prints inside an element: -0 as 0. */
  public static String text(double v) {
    return Display.number(clean(v));
  }

  /** Prints -0 as 0. */
  public static double clean(double x) {
    return x == 0 ? 0 : x;
  }

  /** The indefinite article for a group name as read aloud: "an SE3", "an R3", "a Bundle(...)". */
  public static String an(String groupName) {
    return (groupName.startsWith("S") || groupName.startsWith("R") ? "an " : "a ") + groupName;
  }
}
