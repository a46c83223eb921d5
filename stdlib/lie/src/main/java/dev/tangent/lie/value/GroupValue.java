package dev.tangent.lie.value;

import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Context;
import dev.tangent.spi.Documented;
import dev.tangent.spi.HasMembers;
import dev.tangent.spi.TypeLike;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A group as a first-class value: SE3, SO2, R(3), bundle(SE2, R(2))... It is the type of its
 * elements (type(X) == SE3, annotations X: SE3), a constructor (SE3(t: [..], q: [..])), and has
 * members: dof, dim, identity(), random(), exp(), from_matrix(), tangent(), vee(), generator(),
 * Tangent, plus the group's own (SO3.from_rpy...). Equal groups are the same value.
 */
public final class GroupValue implements Callable, HasMembers, TypeLike, Documented, dev.tangent.spi.InstanceDocs {
  public final LieGroup kernel;
  /** Everything specific to this group: its accessors, printing, constructor and layout facts. */
  public final GroupDescriptor descriptor;
  public final TangentType tangentType;
  private final Builtin constructor;
  private volatile Map<String, Object> members;

  /**
   * The value of the group described by d; made by the group registry
   * ({@code dev.tangent.lie.groups.GroupRegistry}), once per group, after it wired the {@link Layers}.
   */
  public GroupValue(GroupDescriptor d) {
    this.kernel = d.kernel();
    this.descriptor = d;
    this.tangentType = new TangentType(this);
    this.constructor = d.constructor(this);
  }

  @Override public String typeName() { return kernel.name(); }

  @Override public boolean isInstance(Object value) {
    return value instanceof Element e && e.group.equals(this)
        || Layers.tracked.primal(value) instanceof Element primal && primal.group.equals(this);   // tracked by diff()
  }

  @Override public Object call(Context ctx, Object[] args, String[] names) {
    return constructor.call(ctx, args, names);
  }

  @Override public String name() { return typeName(); }

  @Override public String signature() { return constructor.signature(); }

  @Override public String doc() { return descriptor.doc(this); }

  private Map<String, Object> members() {
    Map<String, Object> m = members;
    if (m == null) {
      m = new LinkedHashMap<>();
      Layers.members.define(this, m);
      descriptor.groupMembers(this, m);
      members = m;
    }
    return m;
  }

  @Override public Object member(String name) { return members().get(name); }

  @Override public Collection<String> memberNames() { return members().keySet(); }

  /** Wraps coefficients without copying (callers hand over ownership). */
  public Element element(double[] c) {
    return new Element(this, c);
  }

  public TangentValue tangent(double[] v) {
    return new TangentValue(this, v);
  }

  /** An element from coefficients in the kernel's layout (copied; quaternions renormalised). */
  public Element elementOf(double... coeffs) {
    if (coeffs.length != kernel.rep) {
      throw new IllegalArgumentException(typeName() + " stores " + kernel.rep + " coefficients, got " + coeffs.length);
    }
    double[] c = coeffs.clone();
    kernel.normalize(c, 0);
    return element(c);
  }

  /** A tangent from dof coordinates (copied). */
  public TangentValue tangentOf(double... v) {
    if (v.length != kernel.dof) throw new IllegalArgumentException(typeName() + " has " + kernel.dof + " dof, got " + v.length);
    return tangent(v.clone());
  }

  public Element identity() {
    double[] c = new double[kernel.rep];
    kernel.identity(c, 0);
    return element(c);
  }

  @Override public boolean equals(Object o) {
    return o instanceof GroupValue g && g.kernel.equals(kernel);
  }

  @Override public int hashCode() { return kernel.hashCode(); }

  @Override public String toString() { return typeName(); }

  /** help(SE3) lists the methods of SE3's elements too. */
  @Override public Class<?> instanceClass() { return Element.class; }
}
