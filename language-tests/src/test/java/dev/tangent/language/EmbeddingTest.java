package dev.tangent.language;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Script;
import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import dev.tangent.spi.TangentError;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java embedding API: values in and out, calls, compiled scripts, output, interrupts, sandbox. */
class EmbeddingTest {
  final StringWriter out = new StringWriter();
  final Tangent t = Tangent.builder().output(out).build();

  @Test void evalReturnsJavaValues() {
    assertEquals(3.0, t.eval("1 + 2"));
    assertEquals("ab", t.eval("\"a\" + \"b\""));
    assertEquals(true, t.eval("1 < 2"));
    assertNull(t.eval("nil"));
    assertEquals(List.of(1.0, "x"), t.eval("[1, \"x\"]"));
    assertEquals(Map.of("a", 1.0), t.eval("{a: 1}"));
    assertEquals(List.of(1.0, 2.0), t.eval("(1, 2)"));
    double[][] m = (double[][]) t.eval("tensor([[1, 2], [3, 4]]) * 2");
    assertArrayEquals(new double[] {6, 8}, m[1]);
  }

  @Test void globalsConvertBothWays() {
    t.set("x", 2.5);
    t.set("n", 3);
    t.set("name", "pose");
    t.set("xs", List.of(1, 2, 3));
    t.set("cfg", Map.of("lr", 0.1));
    t.set("A", new double[][] {{1, 2}, {3, 4}});
    assertEquals(7.5, t.eval("x * n"));
    assertEquals("pose!", t.eval("name + \"!\""));
    assertEquals(6.0, t.eval("sum(xs)"));
    assertEquals(0.1, t.eval("cfg.lr"));
    assertEquals(-2.0, (Double) t.eval("det(A)"), 1e-12);
    t.eval("var y = x * 2");
    assertEquals(5.0, t.get("y"));
    assertNull(t.get("undefined_name"));
  }

  @Test void callsScriptFunctionsWithJavaArguments() {
    t.eval("fn hyp(a, b = 4) = sqrt(a ^ 2 + b ^ 2)");
    assertEquals(5.0, t.call("hyp", 3.0));
    assertEquals(13.0, t.call("hyp", 5, 12));
    assertEquals(3.0, t.call("len", List.of(1, 2, 3)), "built-ins too");
    TangentException e = assertThrows(TangentException.class, () -> t.call("hyp"));
    assertTrue(e.format().contains("missing argument 'a'"), e.format());
  }

  @Test void compilesOnceAndRunsManyTimes() {
    t.eval("var counter = 0");
    Script s = t.compile("counter += 1\ncounter * 10");
    assertEquals(10.0, s.run());
    assertEquals(20.0, s.run());
    assertEquals(30.0, s.run());
  }

  @Test void outputIsRedirected() {
    t.eval("print(\"hello\", 42)");
    assertEquals("hello 42\n", out.toString());
    StringWriter other = new StringWriter();
    t.setOutput(other);
    t.eval("print(\"elsewhere\")");
    assertEquals("elsewhere\n", other.toString());
  }

  @Test void errorsComeAsTangentExceptionsWithTheCliFormat() {
    TangentException e = assertThrows(TangentException.class, () -> t.eval("let x = [1]\nx[5]"));
    assertEquals("<eval>:2:1: error: index 5 out of range for list of length 1\n    x[5]\n    ^^^^", e.format());
    assertEquals(TangentError.Kind.RUNTIME, e.kind());
  }

  @Test void anotherThreadInterruptsWhileTrue() throws Exception {
    AtomicReference<TangentException> caught = new AtomicReference<>();
    Thread runner = new Thread(() -> {
      try {
        t.eval("while true {}");
      } catch (TangentException e) {
        caught.set(e);
      }
    });
    runner.start();
    Thread.sleep(300);
    t.interrupt();
    runner.join(5000);
    assertTrue(!runner.isAlive());
    assertEquals(TangentError.Kind.INTERRUPT, caught.get().kind());
    assertEquals("<eval>:1:1: error: interrupted", caught.get().format().split("\n")[0]);
    assertEquals(2.0, t.eval("1 + 1"), "still usable");
  }

  @Test void sandboxRefusesFilesProcessesAndJavaUnlessGranted(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "top secret");
    String[] forbidden = {
        "read_text(\"" + secret + "\")",
        "write_text(\"" + dir.resolve("out.txt") + "\", \"x\")",
        "exists(\"" + secret + "\")",
        "list_dir(\"" + dir + "\")",
        "shell(\"echo hi\")",
        "java_class(\"java.lang.System\")",
    };
    for (String code : forbidden) {
      TangentException e = assertThrows(TangentException.class, () -> t.eval(code), code);
      assertTrue(e.format().contains("permission denied"), e.format());
    }
    assertThrows(TangentException.class, () -> t.evalFile(secret));
    assertTrue(!Files.exists(dir.resolve("out.txt")));

    Tangent reader = Tangent.builder().output(out).allowRead(dir).build();
    assertEquals("top secret", reader.eval("read_text(\"" + secret + "\")"));
    TangentException w = assertThrows(TangentException.class, () -> reader.eval("write_text(\"" + dir.resolve("o.txt") + "\", \"x\")"));
    assertTrue(w.format().contains("permission denied: writing"), w.format());
    TangentException outside = assertThrows(TangentException.class, () -> reader.eval("read_text(\"/etc/hostname\")"));
    assertTrue(outside.format().contains("permission denied"), outside.format());

    Tangent writer = Tangent.builder().output(out).allowReadWrite(dir).allowProcesses().allowJava().build();
    writer.eval("write_text(\"" + dir.resolve("o.txt") + "\", \"written\")");
    assertEquals("written", Files.readString(dir.resolve("o.txt")));
    assertEquals(List.of(0.0, "hi\n"), writer.eval("shell(\"echo hi\")"));
    assertEquals(3.0, writer.eval("java_class(\"java.lang.Math\").max(2, 3)"));
  }

  @Test void writesAreAtomic(@TempDir Path dir) throws Exception {
    Tangent w = Tangent.builder().output(out).allowReadWrite(dir).build();
    Path f = dir.resolve("data.txt");
    w.eval("write_text(\"" + f + "\", \"first\")");
    w.eval("write_text(\"" + f + "\", \"second\")");
    assertEquals("second", Files.readString(f));
    try (var s = Files.list(dir)) {
      assertEquals(1, s.count(), "no temporary files left behind");
    }
  }
}
