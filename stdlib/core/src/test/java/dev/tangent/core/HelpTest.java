package dev.tangent.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** help(x) and doc(x): signatures, doc strings, methods of types and values, module members. */
class HelpTest {
  final StringWriter out = new StringWriter();
  final Tangent t = Tangent.builder().output(out).build();

  String help(String expr) {
    out.getBuffer().setLength(0);
    t.eval("help(" + expr + ")");
    return out.toString();
  }

  @Test void functionsShowSignatureAndDoc() {
    assertEquals("len(x)\n\nThe number of items of a list, tuple, map, string (in characters), range or tensor (along its first axis).\n", help("len"));
    t.eval("fn area(r: Number, scale = 1) {\n \"Area of a disc.\"\n pi * r ^ 2 * scale\n}");
    assertEquals("area(r: Number, scale=1)\n\nArea of a disc.\n", help("area"));
    assertEquals("Area of a disc.", t.eval("doc(area)"));
    assertEquals(null, t.eval("doc(x => x)"));
  }

  @Test void typesAndValuesListTheirMethods() {
    String list = help("List");
    assertTrue(list.startsWith("type List\n\nMutable lists"), list);
    assertTrue(list.contains(".push(x)") && list.contains(".sort(key=nil, reverse=false)"), list);
    String value = help("\"abc\"");
    assertTrue(value.startsWith("a value of type String"), value);
    assertTrue(value.contains(".upper()"), value);
    String tensor = help("eye(2)");
    assertTrue(tensor.contains("Properties:") && tensor.contains(".shape"), tensor);
  }

  @Test void modulesListTheirMembersAndTheOverviewNamesModules() {
    t.eval("import core as c");
    String mod = help("c");
    assertTrue(mod.startsWith("module core"), mod);
    assertTrue(mod.contains("  sqrt") && mod.contains("Square root."), mod);
    String overview = help("");
    assertTrue(overview.contains("Modules on this class path: core"), overview);
  }
}
