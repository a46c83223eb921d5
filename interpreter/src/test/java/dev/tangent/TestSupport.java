package dev.tangent;

import dev.tangent.api.Interpreter;
import dev.tangent.api.TangentException;
import dev.tangent.diag.SourceFile;
import dev.tangent.spi.Permissions;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs programs on a bare interpreter (no modules needed: values are returned, not printed). */
final class TestSupport {
  private TestSupport() {}

  static Interpreter interpreter() {
    return new Interpreter(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Permissions.none());
  }

  static Object eval(String code) {
    return interpreter().eval(new SourceFile("t.lie", code), false);
  }

  static TangentException error(String code) {
    try {
      eval(code);
    } catch (TangentException e) {
      return e;
    }
    throw new AssertionError("expected an error from:\n" + code);
  }
}
