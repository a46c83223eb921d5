package dev.tangent.lie;

import dev.tangent.lie.kernel.Bundle;
import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.kernel.Rn;
import dev.tangent.lie.kernel.SE23;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The group values, one per group, so that equal groups are the same value. */
public final class Groups {
  private Groups() {}

  private static final Map<String, GroupValue> BY_NAME = new ConcurrentHashMap<>();

  public static final GroupValue SO2 = register(new GroupValue(dev.tangent.lie.kernel.SO2.G, new So2Style()));
  public static final GroupValue SE2 = register(new GroupValue(dev.tangent.lie.kernel.SE2.G, new Se2Style()));
  public static final GroupValue SO3 = register(new GroupValue(dev.tangent.lie.kernel.SO3.G, new So3Style()));
  public static final GroupValue SE3 = register(new GroupValue(dev.tangent.lie.kernel.SE3.G, new Se3Style()));
  public static final GroupValue SE_2_3 = register(new GroupValue(SE23.G, new Se23Style()));
  public static final GroupValue SGAL3 = register(new GroupValue(dev.tangent.lie.kernel.SGal3.G, new SGal3Style()));

  private static GroupValue register(GroupValue g) {
    GroupValue prev = BY_NAME.putIfAbsent(g.typeName(), g);
    return prev == null ? g : prev;
  }

  /** R^n. */
  public static GroupValue rn(int n) {
    return BY_NAME.computeIfAbsent("R" + n, k -> new GroupValue(Rn.of(n), new RnStyle()));
  }

  /** The bundle of the given groups. */
  public static GroupValue bundle(List<GroupValue> parts) {
    List<LieGroup> kernels = new ArrayList<>();
    for (GroupValue p : parts) kernels.add(p.kernel);
    Bundle b = new Bundle(kernels);
    return BY_NAME.computeIfAbsent(b.name(), k -> new GroupValue(b, new BundleStyle(parts)));
  }

  /** The group value of a kernel group (for Java code that built elements with the kernels). */
  public static GroupValue of(LieGroup k) {
    GroupValue g = BY_NAME.get(k.name());
    if (g != null) return g;
    if (k instanceof Rn) return rn(k.dof);
    if (k instanceof Bundle b) {
      List<GroupValue> parts = new ArrayList<>();
      for (int i = 0; i < b.size(); i++) parts.add(of(b.part(i)));
      return bundle(parts);
    }
    throw new IllegalArgumentException("no group value for " + k.name());
  }

}
