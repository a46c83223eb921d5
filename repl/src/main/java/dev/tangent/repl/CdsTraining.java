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
 * Beyond the prelude it loads only the pure-Java lie module (a .lie script imports it) with small
 * tensors: ND4J and DJL must stay out of the archive.
 */
final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    Main.Io io = new Main.Io(new ByteArrayInputStream(new byte[0]), sink, sink);
    Path script = Files.createTempFile("tangent-cds", ".tg");
    Path lie = Files.createTempFile("tangent-cds", ".lie");
    try {
      // A filter step's operations (examples/lie), on tensors far below the ND4J size.
      Files.writeString(lie, String.join("\n",
          "fn step(X, P, u, b) {",
          "  let (Xp, J_x, J_u) = X.plus(u, jac: true)",
          "  let Q = propagate(P, J_x) + diag(u * u)",
          "  let (X_inv, J_xi_x) = Xp.inv(jac: true)",
          "  let (e, J_e_xi, J_e_b) = X_inv.act(b, jac: true)",
          "  let H = J_e_xi @ J_xi_x",
          "  let K = Q @ H.T @ inv(propagate(Q, H) + eye(2))",
          "  (Xp + K @ (b - e), Q - propagate(eye(2), K))",
          "}",
          "var s = (SE2.identity(), eye(3) * 0.01)",
          "let noise = randn(20, 3, seed: 1, device: \"java\") * tensor([0.1, 0.1, 0.1])",
          "for t in 0..20 { s = step(s[0], s[1], tensor([0.1, 0.0, 0.05]) + noise[t], tensor([2.0, 1.0])) }",
          "let Y = SE3.random(seed: 1)",
          "print(\"  \".join(map(x => fmt(x, \"+.3f\"), s[0].log().coeffs())), (Y - Y.inv()).norm(), trace(s[1]))"));
      Main.execute(new String[] {"run", lie.toString()}, io);
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
      Files.deleteIfExists(lie);
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
