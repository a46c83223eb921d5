package dev.tangent.lie.value;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.BinOp;
import dev.tangent.spi.HasType;
import dev.tangent.spi.Indexable;
import dev.tangent.spi.Ints;
import dev.tangent.spi.JsonConvertible;
import dev.tangent.spi.Operand;
import dev.tangent.spi.Sized;
import dev.tangent.spi.Slice;
import dev.tangent.spi.TIterable;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.TypeLike;
import dev.tangent.spi.UnOp;
import java.util.Iterator;

/**
 * A tangent vector of a group (an element of its Lie algebra in vector form, manif's Tangent):
 * immutable. Arithmetic is that of R^dof (t1 + t2, t1 - t2, 2 * t, t / 2, -t); t + X is the
 * left plus Exp(t) X; t[i] reads a coordinate and len(t) is the group's dof.
 */
public final class TangentValue implements Operand, HasType, Indexable, Sized, TIterable, JsonConvertible {
  public final GroupValue group;
  /** The coordinates, shared: read them, never write (coeffs() copies). */
  public final double[] v;

  public TangentValue(GroupValue group, double[] v) {
    this.group = group;
    this.v = v;
  }

  /** A copy of the coordinates. */
  public double[] coeffs() { return v.clone(); }

  @Override public TypeLike type() { return group.tangentType; }

  @Override public String toString() {
    return group.tangentType.typeName() + "(" + Values.list(v, 0, v.length) + ")";
  }

  public TangentValue with(double[] w) {
    return new TangentValue(group, w);
  }

  @Override public Object binaryOp(BinOp op, Object other, boolean selfOnLeft) {
    if (Layers.tracked.involves(other)) return Layers.tracked.binary(op, selfOnLeft ? this : other, selfOnLeft ? other : this);
    if (Layers.batches.involves(other) && op != BinOp.MATMUL) {
      return Layers.batches.binary(op, selfOnLeft ? this : other, selfOnLeft ? other : this);
    }
    switch (op) {
      case ADD:
        if (isVectorLike(other)) return with(add(v, Values.tangent(group, other, "the other operand of +"), 1));
        return NOT_IMPLEMENTED;
      case SUB:
        if (isVectorLike(other)) {
          double[] w = Values.tangent(group, other, "the other operand of -");
          return with(selfOnLeft ? add(v, w, -1) : add(w, v, -1));
        }
        return NOT_IMPLEMENTED;
      case MUL:
        if (other instanceof Double d) return with(scale(v, d));
        if (other instanceof TangentValue) {
          throw TangentError.runtime("cannot multiply two tangents").withHint("use t.inner(s) or t.bracket(s)");
        }
        return NOT_IMPLEMENTED;
      case DIV:
        if (other instanceof Double d && selfOnLeft) return with(scale(v, 1 / d));
        return NOT_IMPLEMENTED;
      case MATMUL:
        if (other instanceof Tensor m && !selfOnLeft) {
          int[] s = m.shape();
          if (s.length != 2 || s[1] != v.length) {
            throw TangentError.runtime("cannot multiply a matrix of shape " + Tensor.shapeText(s) + " with a "
                + group.tangentType.typeName() + " of " + v.length + " coordinates");
          }
          double[] a = m.toDoubleArray();
          double[] out = new double[s[0]];
          for (int i = 0; i < s[0]; i++) for (int k = 0; k < v.length; k++) out[i] += a[i * v.length + k] * v[k];
          return Tensor.vector(out);
        }
        return NOT_IMPLEMENTED;
      case EQ:
      case NE:
        if (other instanceof TangentValue t) {
          boolean same = t.group.equals(group) && java.util.Arrays.equals(t.v, v);
          return op == BinOp.EQ ? same : !same;
        }
        return NOT_IMPLEMENTED;
      default:
        return NOT_IMPLEMENTED;
    }
  }

  /** Another tangent, or dof numbers as a list, tuple or Tensor. */
  static boolean isVectorLike(Object o) {
    return o instanceof TangentValue || o instanceof dev.tangent.spi.TList || o instanceof dev.tangent.spi.Tuple
        || o instanceof Tensor;
  }

  public static double[] add(double[] a, double[] b, double s) {
    double[] o = new double[a.length];
    for (int i = 0; i < o.length; i++) o[i] = a[i] + s * b[i];
    return o;
  }

  static double[] scale(double[] a, double s) {
    double[] o = new double[a.length];
    for (int i = 0; i < o.length; i++) o[i] = s * a[i];
    return o;
  }

  @Override public Object unaryOp(UnOp op) {
    if (op == UnOp.NEG) return with(scale(v, -1));
    if (op == UnOp.PLUS) return this;
    return NOT_IMPLEMENTED;
  }

  @Override public Object mathOp(String fn) {
    if (fn.equals("norm")) return TangentOps.norm(v);
    if (fn.equals("abs")) return with(java.util.Arrays.stream(v).map(Math::abs).toArray());
    return NOT_IMPLEMENTED;
  }

  @Override public Object getIndex(Object[] subs) {
    if (subs.length != 1) throw TangentError.runtime("a tangent takes one subscript, got " + subs.length);
    if (subs[0] instanceof Slice sl) {
      Slice.Bounds b = sl.bounds(v.length);
      double[] out = new double[b.count()];
      for (int k = 0, i = b.start(); k < out.length; k++, i += b.step()) out[k] = v[i];
      return Tensor.vector(out);
    }
    return v[Ints.index(subs[0], v.length, group.tangentType.typeName())];
  }

  @Override public long length() { return v.length; }

  @Override public Iterator<Object> iterator() {
    return new Iterator<>() {
      int i;

      @Override public boolean hasNext() { return i < v.length; }

      @Override public Object next() { return v[i++]; }
    };
  }

  @Override public Object toJson() {
    TMap m = new TMap();
    m.put("group", group.typeName());
    TList xs = new TList();
    for (double x : v) xs.items.add(Values.clean(x));
    m.put("tangent", xs);
    return m;
  }

  @Override public boolean equals(Object o) {
    return o instanceof TangentValue t && t.group.equals(group) && java.util.Arrays.equals(t.v, v);
  }

  @Override public int hashCode() { return group.hashCode() * 31 + java.util.Arrays.hashCode(v); }
}
