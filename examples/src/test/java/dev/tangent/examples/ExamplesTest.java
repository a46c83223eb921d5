package dev.tangent.examples;


import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tangent.api.Interpreter;
import dev.tangent.api.TangentException;
import dev.tangent.diag.SourceFile;
import dev.tangent.spi.Permissions;
import dev.tangent.spi.TList;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every example script the way `./tangent run` does (.lie imports lie, .drdm imports drdm).
 * Scripts that write files take an output folder as args[0]; the test passes a scratch folder.
 * A script passes when it runs without error; lines ending in
 * `# expect: TEXT` must appear, in order, in its output. Dedicated tests check the numbers of
 * the scientific examples more closely.
 */
class ExamplesTest {
  static final Path ROOT = Path.of("").toAbsolutePath();

  static List<Path> scripts() throws IOException {
    try (Stream<Path> s = Files.walk(ROOT)) {
      return s.filter(p -> p.toString().endsWith(".lie") || p.toString().endsWith(".drdm"))
          .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/src/"))
          .sorted().toList();
    }
  }

  /** Runs one example as the CLI would; returns its output. */
  static String run(Path script, Path workDir) throws IOException {
    return run(script, workDir.toString());
  }

  /** Runs one example with these command-line arguments. */
  static String run(Path script, String... args) throws IOException {
    StringWriter out = new StringWriter();
    Interpreter in = new Interpreter(new PrintWriter(out, true), new PrintWriter(out, true), Permissions.all());
    String name = script.getFileName().toString();
    if (name.endsWith(".lie")) in.importModule("lie");
    if (name.endsWith(".drdm")) in.importModule("drdm");
    in.setGlobal("args", TList.of((Object[]) args));
    String text = Files.readString(script, StandardCharsets.UTF_8);
    try {
      in.run(in.compile(new SourceFile(ROOT.relativize(script).toString(), text), false, false));
    } catch (TangentException e) {
      fail(script + " failed:\n" + e.format() + "\noutput:\n" + out);
    }
    return out.toString();
  }

  @TestFactory
  Stream<DynamicTest> everyExampleRuns() throws IOException {
    List<Path> scripts = scripts();
    assertTrue(!scripts.isEmpty(), "examples found under " + ROOT);
    List<DynamicTest> tests = new ArrayList<>();
    for (Path p : scripts) {
      tests.add(DynamicTest.dynamicTest(ROOT.relativize(p).toString(), () -> {
        Path work = Files.createTempDirectory("example");
        String output = run(p, work);
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(p)) {
          int k = line.indexOf("# expect: ");
          if (k >= 0) expected.add(line.substring(k + 10));
        }
        List<String> lines = List.of(output.split("\n"));
        int at = 0;
        for (String e : expected) {
          while (at < lines.size() && !lines.get(at).equals(e)) at++;
          assertTrue(at < lines.size(), p + ": expected the line\n" + e + "\nin output\n" + output);
          at++;
        }
      }));
    }
    return tests.stream();
  }

}
