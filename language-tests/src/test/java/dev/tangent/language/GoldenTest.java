package dev.tangent.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tangent.api.Interpreter;
import dev.tangent.api.TangentException;
import dev.tangent.diag.SourceFile;
import dev.tangent.spi.TangentError;
import dev.tangent.jit.JitCompiler;
import dev.tangent.spi.Permissions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden scripts: each line may end in `# expect: OUTPUT` (the next line of output) and a script
 * may hold `# expect error: LINE:COL MESSAGE` lines (the errors it must report, in order).
 * Every script runs twice: on the node tier alone, and with every function compiled to
 * bytecode after its first call; both runs must match the expectations exactly.
 */
class GoldenTest {
  static final Path DIR = Path.of("src/test/resources/golden");
  static final Pattern EXPECT = Pattern.compile("# expect: ?(.*)$");
  static final Pattern EXPECT_ERROR = Pattern.compile("# expect error: (\\d+):(\\d+) (.*)$");

  record Expectations(List<String> output, List<String> errors) {}

  static Expectations expectations(String name, String text) {
    List<String> out = new ArrayList<>();
    List<String> errs = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      Matcher e = EXPECT_ERROR.matcher(line);
      if (e.find()) {
        errs.add(name + ":" + e.group(1) + ":" + e.group(2) + ": error: " + e.group(3));
        continue;
      }
      Matcher m = EXPECT.matcher(line);
      if (m.find()) out.add(m.group(1));
    }
    return new Expectations(out, errs);
  }

  record Result(List<String> output, List<String> errors, String formatted) {}

  static Result run(String name, String text) {
    StringWriter out = new StringWriter();
    Interpreter in = new Interpreter(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), Permissions.all());
    List<String> errors = new ArrayList<>();
    String formatted = "";
    try {
      in.run(in.compile(new SourceFile(name, text), false, false));
    } catch (TangentException e) {
      formatted = e.format();
      for (TangentError err : e.errors()) errors.add(err.format().split("\n")[0]);
    }
    List<String> lines = new ArrayList<>(List.of(out.toString().split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
    return new Result(lines, errors, formatted);
  }

  @TestFactory
  Stream<DynamicTest> goldenScripts() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".lie")).sorted().toList();
    }
    if (files.size() < 10) fail("expected the golden scripts in " + DIR.toAbsolutePath());
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      String text = Files.readString(f, StandardCharsets.UTF_8);
      Expectations exp = expectations(name, text);
      tests.add(DynamicTest.dynamicTest(name + " (nodes)", () -> check(name, text, exp, true)));
      tests.add(DynamicTest.dynamicTest(name + " (bytecode)", () -> check(name, text, exp, false)));
    }
    return tests.stream();
  }

  static void check(String name, String text, Expectations exp, boolean nodesOnly) {
    boolean savedDisabled = JitCompiler.disabled;
    int savedThreshold = JitCompiler.threshold;
    JitCompiler.disabled = nodesOnly;
    JitCompiler.threshold = 1;
    try {
      Result r = run(name, text);
      assertEquals(String.join("\n", exp.output()), String.join("\n", r.output()), name + ": output\n" + r.formatted());
      assertEquals(String.join("\n", exp.errors()), String.join("\n", r.errors()), name + ": errors\n" + r.formatted());
    } finally {
      JitCompiler.disabled = savedDisabled;
      JitCompiler.threshold = savedThreshold;
    }
  }
}
