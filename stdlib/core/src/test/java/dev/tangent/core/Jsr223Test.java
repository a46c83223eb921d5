package dev.tangent.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import org.junit.jupiter.api.Test;

/** JSR-223: discovery by name and extension, bindings, Compilable and Invocable. */
class Jsr223Test {
  final ScriptEngineManager manager = new ScriptEngineManager();

  public interface Geometry {
    double area(double r);
  }

  @Test void enginesAreFoundByNameAndExtension() {
    ScriptEngine byName = manager.getEngineByName("tangent");
    assertNotNull(byName);
    assertNotNull(manager.getEngineByExtension("lie"));
    assertNotNull(manager.getEngineByExtension("drdm"));
    assertEquals("Tangent", byName.getFactory().getLanguageName());
    assertEquals(List.of(), byName.getFactory().getExtensions(), "the plain engine imports nothing");
    assertEquals(List.of("lie"), manager.getEngineByExtension("lie").getFactory().getExtensions());
    assertEquals("print(\"hi\")", byName.getFactory().getOutputStatement("hi"));
  }

  @Test void evaluatesWithBindingsAndOutput() throws ScriptException {
    ScriptEngine e = manager.getEngineByName("tangent");
    StringWriter out = new StringWriter();
    e.getContext().setWriter(out);
    e.put("radius", 2.0);
    assertEquals(12.566370614359172, (Double) e.eval("pi * radius ^ 2"), 1e-12);
    e.eval("var total = radius * 3\nprint(\"total ${total}\")");
    assertEquals("total 6\n", out.toString());
    Bindings b = e.getBindings(ScriptContext.ENGINE_SCOPE);
    assertEquals(6.0, b.get("total"));
  }

  @Test void compilesAndInvokes() throws Exception {
    ScriptEngine e = manager.getEngineByName("tangent");
    CompiledScript c = ((Compilable) e).compile("var n = n + 1\nn");
    e.put("n", 0);
    assertEquals(1.0, c.eval());
    assertEquals(2.0, c.eval());
    e.eval("fn area(r) = pi * r * r\nfn add(a, b) = a + b");
    Invocable inv = (Invocable) e;
    assertEquals(5.0, inv.invokeFunction("add", 2, 3));
    Geometry g = inv.getInterface(Geometry.class);
    assertEquals(Math.PI * 4, g.area(2), 1e-12);
    assertThrows(NoSuchMethodException.class, () -> inv.invokeFunction("nope"));
    assertEquals("ABC", inv.invokeMethod("abc", "upper"));
  }

  @Test void errorsBecomeScriptExceptionsWithPositions() {
    ScriptEngine e = manager.getEngineByName("tangent");
    ScriptException ex = assertThrows(ScriptException.class, () -> e.eval("let a = 1\nlet b = a +* 2"));
    assertEquals(2, ex.getLineNumber());
    assertTrue(ex.getMessage().contains("error:"), ex.getMessage());
    ScriptException rt = assertThrows(ScriptException.class, () -> e.eval("[1][3]"));
    assertEquals(1, rt.getLineNumber());
  }

  @Test void scriptsAreSandboxed() {
    ScriptEngine e = manager.getEngineByName("tangent");
    ScriptException ex = assertThrows(ScriptException.class, () -> e.eval("read_text(\"/etc/hostname\")"));
    assertTrue(ex.getMessage().contains("permission denied"), ex.getMessage());
  }
}
