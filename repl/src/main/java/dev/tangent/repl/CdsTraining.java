package dev.tangent.repl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * The work the launcher records into the start-up archive (java -XX:ArchiveClassesAtExit): the
 * command line's usual paths and a REPL session, so their classes are mapped, not loaded, later.
 * It loads no module beyond the prelude: ND4J and DJL must stay out of the archive.
 */
final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    Main.Io io = new Main.Io(new ByteArrayInputStream(new byte[0]), sink, sink);
    Path script = Files.createTempFile("tangent-cds", ".tg");
    try {
      Files.writeString(script, String.join("\n",
          "fn f(n) = if n < 2 { n } else { f(n - 1) + f(n - 2) }",
          "let xs = [1, 2, 3].map(x => x * 2)",
          "var m = {a: 1, \"b\": [2, 3]}",
          "for i in 0..3 { m.a += i }",
          "print(\"fib ${f(10)}\", xs, m, len(args))",
          "let t = (1, \"two\", nil)",
          "if true and not false { print(t) }",
          "undefined_name(1)"));
      Main.execute(new String[] {"-e", "1 + 2"}, io);
      Main.execute(new String[] {"-e", "[1, 2].map(x => x ^ 2)"}, io);
      Main.execute(new String[] {"run", script.toString(), "a", "b"}, io);
      Main.execute(new String[] {"check", script.toString()}, io);
      Main.execute(new String[] {"-e", "1 +"}, io);
      Main.execute(new String[] {"--version"}, io);
      Main.execute(new String[] {"--help"}, io);
      Main.execute(new String[] {"--no-such-option"}, io);
      repl();
    } finally {
      Files.deleteIfExists(script);
    }
  }

  /** A REPL session on a terminal fed from a string, after the REPL's own system-terminal set-up. */
  private static void repl() {
    try (Terminal probe = Repl.systemTerminal()) {
      probe.getWidth();
    } catch (IOException | RuntimeException e) {
      // Best effort: a build without a terminal device still gets the rest recorded.
    }
    String input = "let x = [1, 2]\rfn g(a) {\r  a + 1\r}\rg(x[0])\r:type x\r:doc print\r:help\r:vars\r"
        + "print(\"!a\\nb\")\r\"oops\r:quit\r";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Terminal terminal = new ExternalTerminal("training", "xterm-256color",
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, StandardCharsets.UTF_8);
         Repl repl = new Repl(terminal, null, false)) {
      repl.loop();
    } catch (IOException | RuntimeException e) {
      // Best effort, as above.
    }
  }
}
