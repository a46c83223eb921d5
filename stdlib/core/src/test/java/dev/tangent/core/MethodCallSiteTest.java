package dev.tangent.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tangent.api.Tangent;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** One method call site meeting values of several types calls each one's own method, in both tiers. */
class MethodCallSiteTest {
  @Test void aCallSiteInACompiledLoopDispatchesOnEveryReceiver() {
    Tangent t = Tangent.builder().output(new StringWriter()).build();
    String f = "fn f(xs) {\n  var out = []\n  for x in xs { out.push(x.len()) }\n  out\n}\n";
    for (int i = 0; i < 3; i++) {
      assertEquals("[2, 3, 1, 0, 4, 2]", t.eval(f + "str(f([\"ab\", [1, 2, 3], \"c\", [], \"defg\", {a: 1, b: 2}]))"));
    }
    // The tree tier (top-level code) too.
    assertEquals("[2, 3]", t.eval("var out = []\nfor x in [\"ab\", [1, 2, 3]] { out.push(x.len()) }\nstr(out)"));
  }
}
