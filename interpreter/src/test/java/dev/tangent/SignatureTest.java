package dev.tangent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.spi.TangentError;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Signature;
import dev.tangent.spi.TList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Built-ins declare their parameters in one string; binding and checking follow it. */
class SignatureTest {
  static final Builtin F = Builtin.of("f(a, b=2, *rest, key='k', **opts)", "test", a -> TList.of(
      a.get(0), a.get(1, "dflt"), new TList(a.rest()), a.get(3, "nokey"), a.kwargs()));

  static Object call(Object[] args, String... names) {
    return F.call(TestSupport.interpreter().context(), args, names.length == 0 ? null : names);
  }

  @Test void parsesKindsAndDefaults() {
    Signature s = Signature.parse("print(*values, sep=' ', end='\\n')");
    assertEquals("print", s.name);
    assertEquals(3, s.params().size());
    assertEquals(Signature.Kind.VARARGS, s.params().get(0).kind());
    assertEquals(Signature.Kind.KEYWORD_ONLY, s.params().get(1).kind());
    assertEquals("' '", s.params().get(1).defaultText());
    assertTrue(s.hasVarargs());
  }

  @Test void bindsPositionalVarargsKeywordsAndExtras() {
    assertEquals("[1, \"dflt\", [], \"nokey\", {}]", dev.tangent.spi.Display.repr(call(new Object[] {1.0})));
    assertEquals("[1, 5, [6, 7], \"nokey\", {}]", dev.tangent.spi.Display.repr(call(new Object[] {1.0, 5.0, 6.0, 7.0})));
    assertEquals("[1, 2, [], \"K\", {z: 9}]",
        dev.tangent.spi.Display.repr(call(new Object[] {1.0, 2.0, "K", 9.0}, "key", "z")));
  }

  @Test void reportsArityProblemsClearly() {
    TangentError missing = assertThrows(TangentError.class, () -> call(new Object[] {}));
    assertEquals("missing argument 'a' for f()", missing.getMessage());
    Builtin g = Builtin.of("g(x)", "test", a -> a.get(0));
    TangentError many = assertThrows(TangentError.class, () -> g.call(TestSupport.interpreter().context(), new Object[] {1.0, 2.0}, null));
    assertEquals("too many arguments to g(): expected at most 1, got 2", many.getMessage());
    TangentError unknown = assertThrows(TangentError.class, () -> g.call(TestSupport.interpreter().context(), new Object[] {1.0}, new String[] {"y"}));
    assertEquals("unknown argument 'y' for g()", unknown.getMessage());
    assertEquals("the parameters are g(x)", unknown.hint());
  }

  @Test void staticCheckMatchesBinding() {
    Signature s = Signature.parse("h(x, y=1, *, flag=false)");
    assertNull(s.check(1, List.of(), 0));
    assertNull(s.check(1, List.of("flag"), 0));
    assertEquals("too many arguments to h(): expected at most 2, got 3", s.check(3, List.of(), 0));
    assertEquals("missing argument 'x' for h()", s.check(0, List.of("y"), 0));
    assertEquals("argument 'y' of h() given twice", s.check(2, List.of("y"), 0));
  }

  @Test void repeatedNamedCallsBindLikeTheFirstWhateverTheOrderOrSource() {
    // The binding of a call with named arguments is remembered for the next call with the same
    // names (interned, so a fresh array with the same strings matches too); other names, orders
    // and positional counts bind afresh, and errors stay errors.
    Builtin h = Builtin.of("h(x, y=1, *, flag=false, mode='a')", "test",
        a -> TList.of(a.get(0), a.get(1, 1.0), a.get(2, false), a.get(3, "a")));
    var ctx = TestSupport.interpreter().context();
    for (int round = 0; round < 3; round++) {
      assertEquals("[1, 1, true, \"b\"]", dev.tangent.spi.Display.repr(
          h.call(ctx, new Object[] {1.0, true, "b"}, new String[] {"flag", "mode"})));
      assertEquals("[1, 1, false, \"c\"]", dev.tangent.spi.Display.repr(
          h.call(ctx, new Object[] {1.0, "c", false}, new String[] {"mode", "flag"})));
      assertEquals("[1, 5, true, \"a\"]", dev.tangent.spi.Display.repr(
          h.call(ctx, new Object[] {1.0, 5.0, true}, new String[] {"flag"})));
      assertEquals("[2, 7, false, \"a\"]", dev.tangent.spi.Display.repr(
          h.call(ctx, new Object[] {2.0, 7.0}, new String[] {"y"})));
      TangentError twice = assertThrows(TangentError.class,
          () -> h.call(ctx, new Object[] {1.0, 2.0, 3.0}, new String[] {"y"}));
      assertEquals("argument 'y' of h() given twice", twice.getMessage());
      TangentError missing = assertThrows(TangentError.class,
          () -> h.call(ctx, new Object[] {true}, new String[] {"flag"}));
      assertEquals("missing argument 'x' for h()", missing.getMessage());
    }
    // A Java caller that reuses one names array with new contents gets the new binding.
    String[] reused = {"flag"};
    assertEquals("[1, 1, true, \"a\"]", dev.tangent.spi.Display.repr(h.call(ctx, new Object[] {1.0, true}, reused)));
    reused[0] = "mode";
    assertEquals("[1, 1, false, \"z\"]", dev.tangent.spi.Display.repr(h.call(ctx, new Object[] {1.0, "z"}, reused)));
  }
}
