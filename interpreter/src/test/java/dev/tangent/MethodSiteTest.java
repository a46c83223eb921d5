package dev.tangent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tangent.spi.TangentError;
import dev.tangent.spi.Builtin;
import dev.tangent.exec.Members;
import dev.tangent.spi.TMap;
import dev.tangent.spi.TypeInfo;
import dev.tangent.spi.Types;
import dev.tangent.spi.BoundMethod;
import dev.tangent.spi.HasMembers;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A call site's memory of its method never calls the wrong one: other classes, records, changed types. */
class MethodSiteTest {
  static final class A {}

  static final class B {}

  /** A value whose own members depend on its kind: kind "x" has its own m and p, kind "y" none. */
  static final class Keyed implements HasMembers {
    final String kind;

    Keyed(String kind) { this.kind = kind; }

    @Override public Object member(String name) {
      if (!kind.equals("x")) return null;
      if (name.equals("m")) return Builtin.of("own()", "test", a -> 10.0);
      if (name.equals("p")) return 11.0;
      return null;
    }

    @Override public Collection<String> memberNames() { return kind.equals("x") ? List.of("m", "p") : List.of(); }

    @Override public Object membersKey() { return kind; }
  }

  /** Own members that differ value by value (no key): never remembered. */
  static final class Unkeyed implements HasMembers {
    final boolean own;

    Unkeyed(boolean own) { this.own = own; }

    @Override public Object member(String name) { return own && name.equals("m") ? Builtin.of("own()", "test", a -> 20.0) : null; }

    @Override public Collection<String> memberNames() { return own ? List.of("m") : List.of(); }
  }

  @Test void aSiteCallsTheMethodOfEachReceiversClassAndSeesATypeChange() {
    var ctx = TestSupport.interpreter().context();
    TypeInfo ta = Types.forClass(A.class, Types.ANY).method(Builtin.of("m(self)", "test", a -> 1.0));
    Types.forClass(B.class, Types.ANY).method(Builtin.of("m(self)", "test", a -> 2.0));
    Members.Site site = new Members.Site();
    Object[] none = new Object[0];
    for (int i = 0; i < 3; i++) {
      assertEquals(1.0, Members.call(ctx, new A(), "m", none, null, site));
      assertEquals(1.0, Members.call(ctx, new A(), "m", none, null, site));
      assertEquals(2.0, Members.call(ctx, new B(), "m", none, null, site));
      // A record with a field of that name calls the field, and is never remembered.
      TMap rec = new TMap();
      rec.put("m", Builtin.of("f()", "test", a -> 3.0));
      assertEquals(3.0, Members.call(ctx, rec, "m", none, null, site));
      assertEquals(2.0, Members.call(ctx, new B(), "m", none, null, site));
    }
    // The type changes after the site remembered it: the next call uses the new method.
    assertEquals(1.0, Members.call(ctx, new A(), "m", none, null, site));
    ta.replaceMethod(Builtin.of("m(self)", "test", a -> 4.0));
    assertEquals(4.0, Members.call(ctx, new A(), "m", none, null, site));
    // A value without the method still gets the error, after a remembered call.
    TangentError e = assertThrows(TangentError.class, () -> Members.call(ctx, "text", "m", none, null, site));
    assertEquals("String has no member 'm'", e.getMessage());
  }

  @Test void aSiteRemembersTheTypesMethodOnlyForValuesWithTheSameMembersKey() {
    var ctx = TestSupport.interpreter().context();
    Types.forClass(Keyed.class, Types.ANY)
        .method(Builtin.of("m(self)", "test", a -> 1.0))
        .property(Builtin.of("p(self)", "test", a -> 2.0));
    Types.forClass(Unkeyed.class, Types.ANY).method(Builtin.of("m(self)", "test", a -> 3.0));
    Members.Site call = new Members.Site();
    Members.Site get = new Members.Site();
    Object[] none = new Object[0];
    for (int i = 0; i < 3; i++) {
      assertEquals(1.0, Members.call(ctx, new Keyed("y"), "m", none, null, call));
      assertEquals(1.0, Members.call(ctx, new Keyed("y"), "m", none, null, call));
      assertEquals(10.0, Members.call(ctx, new Keyed("x"), "m", none, null, call)); // same class, own member
      assertEquals(2.0, Members.get(ctx, new Keyed("y"), "p", get));
      assertEquals(2.0, Members.get(ctx, new Keyed("y"), "p", get));
      assertEquals(11.0, Members.get(ctx, new Keyed("x"), "p", get));
      assertEquals(3.0, Members.call(ctx, new Unkeyed(false), "m", none, null, call));
      assertEquals(20.0, Members.call(ctx, new Unkeyed(true), "m", none, null, call));
      assertEquals(3.0, Members.call(ctx, new Unkeyed(false), "m", none, null, call));
    }
  }

  @Test void aMemberGetSiteGivesEachClassItsOwnPropertyOrBoundMethod() {
    var ctx = TestSupport.interpreter().context();
    TypeInfo ta = Types.forClass(A.class, Types.ANY).property(Builtin.of("q(self)", "test", a -> 5.0));
    Types.forClass(B.class, Types.ANY).method(Builtin.of("q(self)", "test", a -> 6.0));
    Members.Site site = new Members.Site();
    for (int i = 0; i < 3; i++) {
      assertEquals(5.0, Members.get(ctx, new A(), "q", site));
      assertEquals(5.0, Members.get(ctx, new A(), "q", site));
      Object bound = Members.get(ctx, new B(), "q", site);
      assertEquals(6.0, ((BoundMethod) bound).call(ctx, new Object[0], null));
      TMap rec = new TMap();
      rec.put("q", 7.0);
      assertEquals(7.0, Members.get(ctx, rec, "q", site));
    }
    ta.replaceProperty(Builtin.of("q(self)", "test", a -> 8.0));
    assertEquals(8.0, Members.get(ctx, new A(), "q", site));
    TangentError e = assertThrows(TangentError.class, () -> Members.get(ctx, "text", "q", site));
    assertEquals("String has no member 'q'", e.getMessage());
  }
}
