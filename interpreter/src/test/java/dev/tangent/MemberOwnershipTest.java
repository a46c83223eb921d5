package dev.tangent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.spi.Builtin;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.TypeInfo;
import dev.tangent.spi.Types;
import org.junit.jupiter.api.Test;

/** A member of a type belongs to one module: a second definition is an error, not a silent swap. */
class MemberOwnershipTest {
  static final class Thing {}

  @Test void aSecondModuleDefiningTheSameMethodIsAnErrorNamingBoth() {
    TypeInfo t = Types.forClass(Thing.class, Types.ANY);
    Types.defining("first", () -> t.method(Builtin.of("area(self)", "test", a -> 1.0)));
    assertEquals("first", t.owner("area"));
    TangentError e = assertThrows(TangentError.class,
        () -> Types.defining("second", () -> t.method(Builtin.of("area(self)", "test", a -> 2.0))));
    assertTrue(e.getMessage().contains("module 'second' defines method 'area'"), e.getMessage());
    assertTrue(e.getMessage().contains("already defined by module 'first'"), e.getMessage());
    // the first definition is still the one in force
    assertEquals(1.0, t.method("area").call(null, new Object[] {new Thing()}, null));
    // a property of the same name collides too
    assertThrows(TangentError.class, () -> Types.defining("third", () -> t.property(Builtin.of("area(self)", "test", a -> 3.0))));
    // replacing on purpose is explicit
    t.replaceMethod(Builtin.of("area(self)", "test", a -> 4.0));
    assertEquals(4.0, t.method("area").call(null, new Object[] {new Thing()}, null));
  }
}
