package dev.tangent.lie.value;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.spi.BinOp;
import dev.tangent.spi.BoundMethod;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.HasMembers;
import dev.tangent.spi.HasType;
import dev.tangent.spi.Indexable;
import dev.tangent.spi.JsonConvertible;
import dev.tangent.spi.Operand;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.TypeLike;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A group element as a language value: immutable, its coefficients in the kernel's storage
 * layout. Operators follow manif: X * Y composes, X + t is X (+) t, t + X is t (+) X, Y - X is
 * Log(X^-1 Y), and X == Y is X.is_approx(Y). Group-specific accessors (X.x, X.translation()...)
 * come from the group's {@link GroupDescriptor}.
 */
public final class Element implements Operand, HasType, HasMembers, JsonConvertible, Indexable {
  public final GroupValue group;
  /** The coefficients in the kernel's layout, shared: read them, never write (coeffs() copies). */
  public final double[] c;

  public Element(GroupValue group, double[] coeffs) {
    this.group = group;
    this.c = coeffs;
  }

  public LieGroup kernel() { return group.kernel; }

  /** A copy of the coefficients, in the kernel's layout. */
  public double[] coeffs() { return c.clone(); }

  @Override public TypeLike type() { return group; }

  @Override public String toString() { return group.descriptor.format(this); }

  // ------------------------------------------------------------------ operators

  @Override public Object binaryOp(BinOp op, Object other, boolean selfOnLeft) {
    if (Layers.tracked.involves(other)) return Layers.tracked.binary(op, selfOnLeft ? this : other, selfOnLeft ? other : this);
    if (Layers.batches.involves(other)) return Layers.batches.binary(op, selfOnLeft ? this : other, selfOnLeft ? other : this);
    switch (op) {
      case MUL:
        if (other instanceof Element e) {
          checkSame(e, "compose");
          return selfOnLeft ? ElementOps.compose(this, e) : ElementOps.compose(e, this);
        }
        return NOT_IMPLEMENTED;
      case ADD:
        if (other instanceof Element e) {
          throw TangentError.runtime("cannot add two " + group.typeName() + " elements")
              .withHint("compose them with *, or add a tangent: X + t is X.rplus(t)");
        }
        if (isTangentLike(other)) {
          double[] t = Values.tangentView(group, other, selfOnLeft ? "the tangent in X + t" : "the tangent in t + X");
          return selfOnLeft ? ElementOps.rplus(this, t) : ElementOps.lplus(this, t);
        }
        return NOT_IMPLEMENTED;
      case SUB:
        if (other instanceof Element e) {
          checkSame(e, "subtract");
          return selfOnLeft ? ElementOps.rminus(this, e) : ElementOps.rminus(e, this);
        }
        if (isTangentLike(other)) {
          throw TangentError.runtime("cannot subtract a tangent from " + Values.an(group.typeName()) + " element")
              .withHint("Y - X is the tangent Log(X^-1 Y); to step back along t write X + (-t)");
        }
        return NOT_IMPLEMENTED;
      case EQ:
      case NE:
        if (other instanceof Element e) {
          boolean same = e.group.equals(group) && ElementOps.isApprox(this, e, ElementOps.DEFAULT_TOL);
          return op == BinOp.EQ ? same : !same;
        }
        return NOT_IMPLEMENTED;
      default:
        return NOT_IMPLEMENTED;
    }
  }

  static boolean isTangentLike(Object v) {
    return v instanceof TangentValue || v instanceof TList || v instanceof Tuple || v instanceof Tensor;
  }

  void checkSame(Element e, String verb) {
    if (!e.group.equals(group)) {
      throw TangentError.runtime("cannot " + verb + " " + group.typeName() + " with " + e.group.typeName()
          + ": both must belong to the same group");
    }
  }

  // ------------------------------------------------------------------ members from the descriptor

  @Override public Object member(String name) {
    Builtin p = group.descriptor.property(name);
    if (p != null) return p.call(null, new Object[] {this}, null);
    Builtin m = group.descriptor.method(name);
    if (m != null) return new BoundMethod(this, m);
    return null;
  }

  /** The descriptor decides an element's own members (the group's extra properties and methods). */
  @Override public Object membersKey() { return group.descriptor; }

  @Override public Collection<String> memberNames() {
    List<String> out = new ArrayList<>(group.descriptor.properties().keySet());
    out.addAll(group.descriptor.methods().keySet());
    return out;
  }

  @Override public Object getIndex(Object[] subs) {
    return group.descriptor.index(this, subs);
  }

  @Override public Object toJson() {
    TMap m = new TMap();
    m.put("group", group.typeName());
    int n = group.kernel.mat;
    double[] mat = new double[n * n];
    group.kernel.matrix(c, 0, mat, 0);
    TList rows = new TList();
    for (int i = 0; i < n; i++) {
      TList row = new TList();
      for (int j = 0; j < n; j++) row.items.add(Values.clean(mat[i * n + j]));
      rows.items.add(row);
    }
    m.put("matrix", rows);
    return m;
  }

  @Override public boolean equals(Object o) {
    return o instanceof Element e && e.group.equals(group) && java.util.Arrays.equals(e.c, c);
  }

  @Override public int hashCode() { return group.hashCode() * 31 + java.util.Arrays.hashCode(c); }
}
