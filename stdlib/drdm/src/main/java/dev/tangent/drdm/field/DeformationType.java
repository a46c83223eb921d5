package dev.tangent.drdm.field;

import dev.tangent.spi.Builtin;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Context;
import dev.tangent.spi.Documented;
import dev.tangent.spi.HasMembers;
import dev.tangent.spi.InstanceDocs;
import dev.tangent.spi.TypeLike;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value {@code Deformation}: the type of fields (type(phi) == Deformation), their constructor
 * from a displacement tensor, and the members identity(), affine() and load().
 */
public final class DeformationType implements TypeLike, Callable, HasMembers, Documented, InstanceDocs {
  public static final DeformationType INSTANCE = new DeformationType();

  private final Map<String, Object> members = new LinkedHashMap<>();

  private DeformationType() {
    for (Builtin b : DeformationMembers.statics()) members.put(b.name(), b);
  }

  @Override public String typeName() { return "Deformation"; }

  @Override public boolean isInstance(Object value) { return value instanceof Deformation; }

  @Override public Object call(Context ctx, Object[] args, String[] names) {
    return DeformationMembers.CONSTRUCTOR.call(ctx, args, names);
  }

  @Override public String name() { return "Deformation"; }

  @Override public String signature() { return DeformationMembers.CONSTRUCTOR.signature(); }

  @Override public String doc() {
    return "A displacement field (2-D or 3-D, or a batch of them) as a value; channel k moves along spatial axis k, "
        + "in voxels. phi(img) warps by pull-back, out[x] = img(x + u(x)); (phi * psi)(img) == phi(psi(img)). "
        + "Deformation(t, units: \"voxels\"|\"fraction\", batched: nil) from a tensor [nd, S...] or [B, nd, S...]; "
        + "Deformation.identity(shape), Deformation.affine(A, b, shape), Deformation.load(path).";
  }

  @Override public Class<?> instanceClass() { return Deformation.class; }

  @Override public Object member(String name) { return members.get(name); }

  @Override public Collection<String> memberNames() { return members.keySet(); }

  @Override public String toString() { return "Deformation"; }
}
