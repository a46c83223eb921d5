package dev.tangent.lie.groups;

import dev.tangent.lie.kernel.SO2;
import dev.tangent.lie.kernel.SO3;
import dev.tangent.lie.value.GroupValue;

/**
 * The rotation groups that other groups' accessors return (SE2's X.so2(), SE3's X.so3()...), each
 * looked up once, on the first such call, not while the registry is loading the descriptors.
 */
final class RotationGroups {
  private RotationGroups() {}

  static GroupValue so2() { return So2.VALUE; }

  static GroupValue so3() { return So3.VALUE; }

  private static final class So2 {
    static final GroupValue VALUE = GroupRegistry.of(SO2.G);
  }

  private static final class So3 {
    static final GroupValue VALUE = GroupRegistry.of(SO3.G);
  }
}
