package dev.tangent.lie;

import dev.tangent.lie.groups.GroupRegistry;
import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.value.GroupValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The groups every generic suite runs on: each named group of the registry (the built-ins, and any
 * group a test registers, such as the toy T2 of the test tree), R(3) and a bundle, and R(1) for
 * the kernel suites. No suite lists groups itself, so a new group is tested by registering it.
 *
 * <p>The system property {@value #ONLY} (comma-separated group names, e.g. "T2,R3") restricts every
 * suite to those groups: {@code mvn test -Dtangent.lie.groups=T2}, and {@code ToyGroupTest}.
 */
public final class TestGroups {
  private TestGroups() {}

  /** The property that restricts the suites to some groups. */
  public static final String ONLY = "tangent.lie.groups";

  /** The bundle the suites use, as a script writes it. */
  public static final String BUNDLE = "bundle(SE2, R(2), SO3)";

  /** One group, as Java sees it and as a script writes it. */
  public record TestGroup(GroupValue value, String script) {
    @Override public String toString() { return value.typeName(); }
  }

  /** The named groups, R(3) and the bundle. */
  public static List<TestGroup> all() {
    GroupValue se2 = GroupRegistry.named("SE2");
    GroupValue so3 = GroupRegistry.named("SO3");
    List<TestGroup> out = new ArrayList<>();
    for (GroupValue g : GroupRegistry.named()) out.add(new TestGroup(g, g.typeName()));
    out.add(new TestGroup(GroupRegistry.rn(3), "R(3)"));
    out.add(new TestGroup(GroupRegistry.bundle(List.of(se2, GroupRegistry.rn(2), so3)), BUNDLE));
    return selected(out);
  }

  /** The language values of all(). */
  public static List<GroupValue> values() {
    return all().stream().map(TestGroup::value).toList();
  }

  /** all() as scripts write them. */
  public static List<String> scripts() {
    return all().stream().map(TestGroup::script).toList();
  }

  /** The kernels of R(1) and all(), for the suites on double[] storage. */
  public static List<LieGroup> kernels() {
    List<TestGroup> groups = new ArrayList<>();
    groups.add(new TestGroup(GroupRegistry.rn(1), "R(1)"));
    groups.addAll(all());
    return selected(groups).stream().map(g -> (LieGroup) g.value().kernel).toList();
  }

  private static List<TestGroup> selected(List<TestGroup> groups) {
    String only = System.getProperty(ONLY, "").trim();
    if (only.isEmpty()) return groups;
    List<String> names = Arrays.asList(only.split("\\s*,\\s*"));
    return groups.stream().filter(g -> names.contains(g.value().typeName())).toList();
  }
}
