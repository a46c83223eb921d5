package dev.tangent.lie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import org.junit.jupiter.api.Test;

/** JSR-223 by extension: a .lie engine starts with lie imported, as `tangent run x.lie` does. */
class LieScriptEngineTest {
  @Test void engineForTheLieExtensionHasLieImported() throws Exception {
    ScriptEngine e = new ScriptEngineManager().getEngineByExtension("lie");
    assertNotNull(e, "the lie module registers a factory for .lie");
    assertEquals(List.of("lie"), e.getFactory().getExtensions());
    Object log = e.eval("SE2(1, 2, 0.5).inv().log().coeffs().tolist()");
    assertEquals(3, ((List<?>) log).size());
    assertEquals(-0.5, (Double) ((List<?>) log).get(2), 1e-15);
  }

  @Test void thePlainEngineStillStartsWithoutLie() {
    ScriptEngine e = new ScriptEngineManager().getEngineByName("tangent");
    ScriptException ex = assertThrows(ScriptException.class, () -> e.eval("SE2(1, 2, 0.5)"));
    assertTrue(ex.getMessage().contains("undefined name 'SE2'"), ex.getMessage());
  }
}
