package dev.tangent.lie.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.lie.kernel.Bundle;
import dev.tangent.lie.kernel.Rn;
import dev.tangent.lie.kernel.SE2;
import dev.tangent.lie.kernel.SE3;
import dev.tangent.lie.kernel.SO3;
import dev.tangent.lie.value.GroupDescriptor;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.spi.TangentError;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;

/** Where the groups come from: registration order, one value per group, and the errors of a bad registration. */
class GroupRegistryTest {
  @Test
  void theBuiltInGroupsAreRegisteredInTheOrderOfTheModulesServicesFile() {
    List<String> names = GroupRegistry.named().stream().map(GroupValue::typeName).toList();
    List<String> builtIn = List.of("SO2", "SE2", "SO3", "SE3", "SE_2_3", "SGal3");
    assertEquals(builtIn, names.stream().filter(builtIn::contains).toList());
    assertTrue(names.contains("T2"), "and the test tree's toy group: " + names);
  }

  @Test
  void everyGroupHasOneValue() {
    assertSame(GroupRegistry.named("SE3"), GroupRegistry.of(SE3.G));
    assertSame(GroupRegistry.rn(3), GroupRegistry.of(Rn.of(3)));
    GroupValue b = GroupRegistry.bundle(List.of(GroupRegistry.of(SE2.G), GroupRegistry.rn(2), GroupRegistry.of(SO3.G)));
    assertSame(b, GroupRegistry.of(new Bundle(List.of(SE2.G, Rn.of(2), SO3.G))));
    assertEquals("Bundle(SE2, R2, SO3)", b.typeName());
    assertEquals(null, GroupRegistry.named("SE4"));
  }

  @Test
  void twoGroupsWithOneNameAreAnError() {
    TangentError e = assertThrows(TangentError.class, () -> GroupRegistry.collect(List.of(new So2Group(), new Se3Group(), new So2Group())));
    assertTrue(e.getMessage().contains("two Lie groups are registered as SO2: dev.tangent.lie.groups.So2Group and "
        + "dev.tangent.lie.groups.So2Group"), e.getMessage());
  }

  @Test
  void aRegisteredGroupCannotTakeTheNameOfAnRn() {
    TangentError e = assertThrows(TangentError.class, () -> GroupRegistry.collect(List.of(new RnGroup(Rn.of(2)))));
    assertTrue(e.getMessage().contains("is named \"R2\": a registered group needs a name that is an identifier and not R1, R2"),
        e.getMessage());
  }

  @Test
  void aProviderThatCannotBeLoadedIsNamedInTheError() {
    Iterable<GroupDescriptor> broken = () -> new Iterator<>() {
      @Override public boolean hasNext() { return true; }

      @Override public GroupDescriptor next() {
        throw new ServiceConfigurationError("dev.tangent.lie.value.GroupDescriptor: Provider com.example.SE4Group not found");
      }
    };
    TangentError e = assertThrows(TangentError.class, () -> GroupRegistry.collect(broken));
    assertTrue(e.getMessage().contains("a Lie group registered in META-INF/services/dev.tangent.lie.value.GroupDescriptor "
        + "could not be loaded: ") && e.getMessage().contains("com.example.SE4Group not found"), e.getMessage());
  }

  @Test
  void theCheckedGroupsKeepTheirOrder() {
    assertEquals(List.of("SE3", "SO2"), List.copyOf(GroupRegistry.collect(List.of(new Se3Group(), new So2Group())).keySet()));
  }
}
