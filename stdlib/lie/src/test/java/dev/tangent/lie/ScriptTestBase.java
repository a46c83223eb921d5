package dev.tangent.lie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import dev.tangent.spi.Display;
import dev.tangent.spi.Permissions;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Runs Tangent code through the embedding API with `import lie`; fails on unexpected output. */
public abstract class ScriptTestBase {
  protected StringWriter out;
  protected Tangent t;

  @BeforeEach
  protected void setUp() {
    out = new StringWriter();
    t = Tangent.builder().output(out).errors(out).permissions(Permissions.none()).importModule("lie").build();
  }

  @AfterEach
  protected void noStrayOutput() {
    assertEquals("", out.toString(), "unexpected output");
  }

  /** The value of the code, as Tangent shows it (repr). */
  protected String show(String code) {
    return Display.repr(t.evalRaw(code));
  }

  protected Object raw(String code) {
    return t.evalRaw(code);
  }

  protected double num(String code) {
    return (Double) t.eval(code);
  }

  protected double[] vec(String code) {
    Object v = t.eval(code);
    if (v instanceof double[] d) return d;
    fail("expected a vector, got " + v);
    return null;
  }

  protected double[][] mat(String code) {
    Object v = t.eval(code);
    if (v instanceof double[][] d) return d;
    fail("expected a matrix, got " + v);
    return null;
  }

  /** The user-facing text of the error the code raises. */
  protected String error(String code) {
    try {
      Object v = t.evalRaw(code);
      fail("expected an error, got " + Display.repr(v));
      return null;
    } catch (TangentException e) {
      return e.format();
    }
  }

  protected void assertError(String code, String... fragments) {
    String msg = error(code);
    assertTrue(!msg.contains("Exception") && !msg.contains("\tat "), "a Java exception leaked: " + msg);
    for (String f : fragments) assertTrue(msg.contains(f), "message lacks '" + f + "':\n" + msg);
  }

  protected static void close(double[] expected, double[] actual, double tol) {
    assertArrayEquals(expected, actual, tol);
  }

  protected static void close(double[][] expected, double[][] actual, double tol) {
    assertEquals(expected.length, actual.length, "rows");
    for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], actual[i], tol, "row " + i);
  }

  protected static double[] flat(double[][] m) {
    int c = m[0].length;
    double[] out = new double[m.length * c];
    for (int i = 0; i < m.length; i++) System.arraycopy(m[i], 0, out, i * c, c);
    return out;
  }

  @SuppressWarnings("unchecked")
  protected List<Object> tuple(String code) {
    return (List<Object>) t.eval(code);
  }
}
