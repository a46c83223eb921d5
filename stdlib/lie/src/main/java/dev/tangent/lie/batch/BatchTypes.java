package dev.tangent.lie.batch;

import dev.tangent.lie.value.GroupValue;
import dev.tangent.spi.TypeValue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** type() of batches: one "SE3 batch" and one "SE3.Tangent batch" type per group, made on first use. */
final class BatchTypes {
  private BatchTypes() {}

  private record Pair(TypeValue elements, TypeValue tangents) {}

  private static final Map<GroupValue, Pair> TYPES = new ConcurrentHashMap<>();

  static TypeValue elements(GroupValue g) {
    return of(g).elements();
  }

  static TypeValue tangents(GroupValue g) {
    return of(g).tangents();
  }

  private static Pair of(GroupValue g) {
    return TYPES.computeIfAbsent(g, BatchTypes::make);
  }

  private static Pair make(GroupValue g) {
    String name = g.typeName();
    return new Pair(
        new TypeValue(name + " batch", v -> v instanceof BatchElement b && b.group.equals(g), "A batch of " + name + " elements."),
        new TypeValue(name + ".Tangent batch", v -> v instanceof BatchTangent b && b.group.equals(g), "A batch of " + name + " tangents."));
  }
}
