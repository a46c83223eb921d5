package dev.tangent.lie.diff;

import dev.tangent.lie.value.TangentValue;
import dev.tangent.spi.BoundMethod;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.HasMembers;
import dev.tangent.spi.HasType;
import dev.tangent.spi.Indexable;
import dev.tangent.spi.Sized;
import dev.tangent.spi.TIterable;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.TypeInfo;
import dev.tangent.spi.TypeLike;
import dev.tangent.spi.Types;
import dev.tangent.spi.UnOp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * A tangent tracked by diff(): type(t) is still the group's Tangent type, and every tangent
 * method and operator works, each chaining its analytic Jacobian into d (dof x n).
 */
public final class DualTangent extends Dual implements HasType, HasMembers, Indexable, Sized, TIterable {
  public final TangentValue t;

  public DualTangent(DiffScope scope, TangentValue t, double[] d) {
    super(scope, d);
    this.t = t;
  }

  @Override public int size() { return t.v.length; }

  @Override public Object primal() { return t; }

  @Override public TypeLike type() { return t.group.tangentType; }

  @Override public Object unaryOp(UnOp op) {
    if (op == UnOp.PLUS) return this;
    if (op == UnOp.NEG) return DualArith.negate(this);
    return NOT_IMPLEMENTED;
  }

  @Override public Object mathOp(String fn) {
    return DualArith.math(fn, this);
  }

  private DualVector asVector() {
    return (DualVector) inherit(new DualVector(scope, t.v, new int[] {t.v.length}, d), this);
  }

  @Override public Object getIndex(Object[] subs) {
    if (subs.length != 1) throw TangentError.runtime("a tangent takes one subscript, got " + subs.length);
    return asVector().getIndex(subs);
  }

  @Override public long length() { return t.v.length; }

  @Override public Iterator<Object> iterator() { return asVector().iterator(); }

  @Override public Object member(String name) {
    TypeInfo ti = Types.of(TangentValue.class);
    Builtin p = ti.property(name);
    if (p != null) return p.call(null, new Object[] {this}, null);
    Builtin m = ti.method(name);
    return m == null ? null : new BoundMethod(this, m);
  }

  @Override public Collection<String> memberNames() {
    TypeInfo ti = Types.of(TangentValue.class);
    List<String> out = new ArrayList<>(ti.properties().keySet());
    out.addAll(ti.methods().keySet());
    return out;
  }

}
