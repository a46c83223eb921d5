package dev.tangent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tangent.diag.TangentError;
import dev.tangent.runtime.Builtin;
import dev.tangent.runtime.Members;
import dev.tangent.runtime.TMap;
import dev.tangent.runtime.TypeInfo;
import dev.tangent.runtime.Types;
import org.junit.jupiter.api.Test;

/** A call site's memory of its method never calls the wrong one: other classes, records, changed types. */
class MethodSiteTest {
  static final class A {}

  static final class B {}

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
    ta.method(Builtin.of("m(self)", "test", a -> 4.0));
    assertEquals(4.0, Members.call(ctx, new A(), "m", none, null, site));
    // A value without the method still gets the error, after a remembered call.
    TangentError e = assertThrows(TangentError.class, () -> Members.call(ctx, "text", "m", none, null, site));
    assertEquals("String has no member 'm'", e.getMessage());
  }
}
