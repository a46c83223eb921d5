package dev.tangent.lie.value;

import dev.tangent.spi.Callable;
import dev.tangent.spi.Context;
import dev.tangent.spi.Documented;
import dev.tangent.spi.TypeLike;

/** G.Tangent: the type of G's tangent vectors (fn f(u: SE3.Tangent)), and their constructor. */
public final class TangentType implements TypeLike, Callable, Documented {
  final GroupValue group;

  TangentType(GroupValue group) {
    this.group = group;
  }

  @Override public String typeName() { return group.typeName() + ".Tangent"; }

  @Override public boolean isInstance(Object value) {
    return value instanceof TangentValue t && t.group.equals(group)
        || Layers.tracked.primal(value) instanceof TangentValue primal && primal.group.equals(group);   // tracked by diff()
  }

  @Override public Object call(Context ctx, Object[] args, String[] names) {
    if (names != null && names.length > 0 || args.length != 1) {
      throw dev.tangent.spi.TangentError.runtime(typeName() + "() takes one argument: a list or Tensor of "
          + group.kernel.dof + " numbers");
    }
    if (Layers.tracked.involves(args[0])) return Layers.tracked.tangent(group, args[0], typeName() + "()");
    return group.tangent(Values.tangent(group, args[0], typeName() + "()").clone());
  }

  @Override public String name() { return typeName(); }

  @Override public String signature() { return typeName() + "(vec)"; }

  @Override public String doc() {
    return "Tangent vectors of " + group.typeName() + " (" + group.kernel.dof + " coordinates, "
        + group.descriptor.tangentLayout() + "). " + typeName() + "([...]) builds one.";
  }

  @Override public boolean equals(Object o) {
    return o instanceof TangentType t && t.group.equals(group);
  }

  @Override public int hashCode() { return group.hashCode() + 1; }

  @Override public String toString() { return typeName(); }
}
