package dev.tangent.lie.groups;

import dev.tangent.lie.batch.BatchOperands;
import dev.tangent.lie.diff.TrackedOperands;
import dev.tangent.lie.kernel.Bundle;
import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.kernel.Rn;
import dev.tangent.lie.ops.GroupMembers;
import dev.tangent.lie.value.GroupDescriptor;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.Layers;
import dev.tangent.spi.TangentError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import dev.tangent.spi.Services;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The groups the module knows, one {@link GroupValue} per group so that equal groups are the same
 * value. Named groups (SO2, SE3, ...) are registered by their {@link GroupDescriptor}, found with
 * {@link java.util.ServiceLoader} (through {@link dev.tangent.spi.Services}) in {@code META-INF/services/dev.tangent.lie.value.GroupDescriptor} of
 * every jar or class folder on the class path, in the order the class loader lists them (this
 * module's own file lists the built-in groups). They are loaded once, on first use (`import lie`).
 * Two groups with one name, or a provider that cannot be loaded, fail that first use with a
 * TangentError that names them.
 * R(n) and bundles are families, made on demand by {@link #rn} and {@link #bundle}.
 *
 * <p>Before it makes the first group value, the registry wires the layers above the values into
 * them ({@link Layers}): operators with batches and with values tracked by diff(), and the members
 * every group has. Every element and tangent belongs to a group value made here, so none exists
 * unwired, whether a script imports lie or Java code starts from {@link #of}.
 */
public final class GroupRegistry {
  private GroupRegistry() {}

  static {
    Layers.wire(BatchOperands.INSTANCE, TrackedOperands.INSTANCE, GroupMembers::define);
  }

  private static final Map<String, GroupValue> BY_NAME = new ConcurrentHashMap<>();
  private static volatile List<GroupValue> named;

  /** The registered named groups, in registration order (what `import lie` exports); loaded on first use. */
  public static List<GroupValue> named() {
    List<GroupValue> n = named;
    if (n == null) {
      synchronized (GroupRegistry.class) {
        n = named;
        if (n == null) named = n = load();
      }
    }
    return n;
  }

  /** Every descriptor on the class path; a broken registration fails `import lie` with a clear message (and again on the next try). */
  private static List<GroupValue> load() {
    Map<String, GroupValue> found = collect(Services.load(GroupDescriptor.class, GroupDescriptor.class.getClassLoader()));
    BY_NAME.putAll(found);
    return List.copyOf(found.values());
  }

  /** The groups of the descriptors by name, in order, checked: names are identifiers, not R(n)'s, and unique. */
  static Map<String, GroupValue> collect(Iterable<GroupDescriptor> descriptors) {
    Map<String, GroupValue> found = new LinkedHashMap<>();
    try {
      for (GroupDescriptor d : descriptors) {
        GroupValue g = new GroupValue(d);
        String name = g.typeName();
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*") || name.matches("R[0-9]+")) {
          throw TangentError.runtime("the Lie group " + d.getClass().getName() + " is named \"" + name
              + "\": a registered group needs a name that is an identifier and not R1, R2, ... (R(n) makes those)");
        }
        GroupValue prev = found.putIfAbsent(name, g);
        if (prev != null) {
          throw TangentError.runtime("two Lie groups are registered as " + name + ": "
              + prev.descriptor.getClass().getName() + " and " + d.getClass().getName());
        }
      }
    } catch (ServiceConfigurationError e) {
      throw TangentError.runtime("a Lie group registered in META-INF/services/" + GroupDescriptor.class.getName()
          + " could not be loaded: " + e.getMessage());
    }
    return found;
  }

  /** The named group, or null. */
  public static GroupValue named(String name) {
    for (GroupValue g : named()) if (g.typeName().equals(name)) return g;
    return null;
  }

  /** R^n. */
  public static GroupValue rn(int n) {
    return BY_NAME.computeIfAbsent("R" + n, key -> new GroupValue(new RnGroup(Rn.of(n))));
  }

  /** The bundle of the given groups. */
  public static GroupValue bundle(List<GroupValue> parts) {
    List<LieGroup> kernels = new ArrayList<>();
    for (GroupValue p : parts) kernels.add(p.kernel);
    Bundle b = new Bundle(kernels);
    return BY_NAME.computeIfAbsent(b.name(), key -> new GroupValue(new BundleGroup(b, parts)));
  }

  /** The group value of a kernel group (for Java code that built elements with the kernels). */
  public static GroupValue of(LieGroup k) {
    named();   // loads the named groups
    GroupValue g = BY_NAME.get(k.name());
    if (g != null) return g;
    if (k instanceof Rn) return rn(k.dof);
    if (k instanceof Bundle b) {
      List<GroupValue> parts = new ArrayList<>();
      for (int i = 0; i < b.size(); i++) parts.add(of(b.part(i)));
      return bundle(parts);
    }
    throw new IllegalArgumentException("no group value for " + k.name() + ": its descriptor is not registered");
  }
}
