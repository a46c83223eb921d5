package dev.tangent.lie.diff;

import dev.tangent.lie.value.Element;
import dev.tangent.spi.BoundMethod;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.HasMembers;
import dev.tangent.spi.HasType;
import dev.tangent.spi.Indexable;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.TypeInfo;
import dev.tangent.spi.TypeLike;
import dev.tangent.spi.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A group element tracked by diff(): X(delta) = x (+) d delta, d being dof x n. type(X) is still
 * the group, and the element's methods, accessors and operators all work, each chaining its
 * analytic right Jacobians into d.
 */
public final class DualElement extends Dual implements HasType, HasMembers, Indexable {
  public final Element x;

  public DualElement(DiffScope scope, Element x, double[] d) {
    super(scope, d);
    this.x = x;
  }

  @Override public int size() { return x.kernel().dof; }

  @Override public Object primal() { return x; }

  @Override public TypeLike type() { return x.group; }

  @Override public Object member(String name) {
    Builtin p = x.group.descriptor.properties().get(name);
    if (p != null) return p.call(null, new Object[] {this}, null);
    Builtin m = x.group.descriptor.methods().get(name);
    if (m != null) return new BoundMethod(this, m);
    TypeInfo ti = Types.of(Element.class);
    m = ti.method(name);
    if (m != null) return new BoundMethod(this, m);
    p = ti.property(name);
    return p == null ? null : p.call(null, new Object[] {this}, null);
  }

  @Override public Collection<String> memberNames() {
    List<String> out = new ArrayList<>(x.group.descriptor.properties().keySet());
    out.addAll(x.group.descriptor.methods().keySet());
    TypeInfo ti = Types.of(Element.class);
    out.addAll(ti.properties().keySet());
    out.addAll(ti.methods().keySet());
    return out;
  }

  @Override public Object getIndex(Object[] subs) {
    Builtin part = x.group.descriptor.methods().get("element");
    if (part == null) {
      throw TangentError.runtime(x.group.typeName() + " elements cannot be indexed")
          .withHint("use X.coeffs() for the stored coefficients");
    }
    if (subs.length != 1) throw TangentError.runtime("a bundle element takes one subscript, got " + subs.length);
    return part.call(null, new Object[] {this, subs[0]}, null);
  }
}
