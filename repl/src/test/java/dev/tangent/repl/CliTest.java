package dev.tangent.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process through the real Main with captured streams. */
class CliTest {
  /** A Java stack frame as printStackTrace writes it. */
  static final Pattern JAVA_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.]+\\([\\w$]+\\.java:\\d+\\)");

  @TempDir Path dir;

  record Result(int status, String out, String err) {}

  static Result tangent(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.execute(args, new Main.Io(new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  /** Output into a stream that fails like a closed pipe or a full disk. */
  static Result failingOutput(String message, String... args) {
    java.io.OutputStream broken = new java.io.OutputStream() {
      int written;
      @Override public void write(int b) throws IOException {
        if (++written > 20) throw new IOException(message);
      }
    };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CheckedOutput.stdout = new CheckedOutput(broken);
    try {
      int status = Main.execute(args, new Main.Io(new ByteArrayInputStream(new byte[0]),
          new PrintStream(CheckedOutput.stdout, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
      return new Result(status, "", err.toString(StandardCharsets.UTF_8));
    } finally {
      CheckedOutput.stdout = null;
    }
  }

  @Test void aClosedPipeEndsTheScriptQuietlyAndAFullDiskIsAnError() {
    long start = System.nanoTime();
    Result r = failingOutput("Broken pipe", "-e", "for i in 0..1e7 { print(i) }");
    assertEquals(new Result(ExitCodes.BROKEN_PIPE, "", ""), r);
    assertTrue(System.nanoTime() - start < 3e9, "it stopped at the first failed write");
    r = failingOutput("No space left on device", "-e", "for i in 0..100 { print(i) }");
    assertEquals(70, r.status);
    assertTrue(r.err.contains("error: cannot write the output: no space left on the device"), r.err);
  }

  @Test void deeplyNestedInputIsASyntaxErrorWithAPosition() throws IOException {
    Result r = tangent("run", file("deep.lie", "[".repeat(5000) + "]".repeat(5000) + "\n").toString());
    assertEquals(65, r.status);
    assertTrue(r.err.contains("deep.lie:1:201: error: brackets nested more than 200 levels deep"), r.err);
    assertFalse(JAVA_FRAME.matcher(r.err).find(), r.err);
  }

  @Test void aScriptMayStartWithAByteOrderMark() throws IOException {
    assertEquals(new Result(0, "3\n", ""), tangent("run", file("bom.lie", "\uFEFFprint(1 + 2)\n").toString()));
  }

  @Test void checkRecoversAtStatementsAndReportsStaticErrorsToo() throws IOException {
    Path syn = file("syn.lie", "let a = 1\nfn f(x) {\n  return x + undefined_one\n}\nprint(f(a))\n"
        + "let b = [1, 2,, 3]\nlet c = a +* 2\nprint(nope)\nprint(b, c)\n");
    Result r = tangent("check", syn.toString());
    assertEquals(65, r.status);
    assertTrue(r.err.contains("syn.lie:3:14: error: undefined name 'undefined_one'"), r.err);
    assertTrue(r.err.contains("syn.lie:6:15: error: unexpected ','"), r.err);
    assertTrue(r.err.contains("syn.lie:7:12: error: unexpected '*'"), r.err);
    assertTrue(r.err.contains("syn.lie:8:7: error: undefined name 'nope'"), r.err);
    assertFalse(r.err.contains("undefined name 'b'") || r.err.contains("undefined name 'c'"), "broken lines still define their names: " + r.err);
    assertTrue(r.err.endsWith("4 errors in 1 file\n"), r.err);
  }

  @Test void deepRecursionIsFoldedInTheTrace() throws IOException {
    Result r = tangent("run", file("rec.lie", "fn f(x) {\n  if x == 0 { return 1 / nil }\n  return f(x - 1)\n}\nf(3000)\n").toString());
    assertEquals(70, r.status);
    assertTrue(r.err.contains("  at f (" + dir.resolve("rec.lie") + ":3:10) × 3,000"), r.err);
  }

  @Test void evalPrintsTheValueOfTheLastExpression() {
    Result r = tangent("-e", "let x = 20\nx * 2 + 2");
    assertEquals(new Result(0, "42\n", ""), r);
    assertEquals(new Result(0, "[1, \"a\", true]\n", ""), tangent("-e", "[1, \"a\", 1 < 2]"));
    assertEquals(new Result(0, "3\n", ""), tangent("--eval", "1 + 2"));
  }

  @Test void evalPrintsNothingForNil() {
    assertEquals(new Result(0, "", ""), tangent("-e", "nil"));
    assertEquals(new Result(0, "hi\n", ""), tangent("-e", "print(\"hi\")"));
  }

  @Test void evalSyntaxErrorIs65WithPositionAndCaret() {
    Result r = tangent("-e", "1 +");
    assertEquals(65, r.status);
    assertEquals("<eval>:1:4: error: unexpected end of input\n    1 +\n       ^\n", r.err);
    assertEquals("", r.out);
  }

  @Test void evalRuntimeErrorIs70() {
    Result r = tangent("-e", "let xs = [1, 2]\nxs[5]");
    assertEquals(70, r.status);
    assertTrue(r.err.startsWith("<eval>:2:"), r.err);
    assertTrue(r.err.contains("error: "), r.err);
    assertFalse(JAVA_FRAME.matcher(r.err).find(), r.err);
  }

  @Test void runGivesTheScriptItsArguments() throws IOException {
    Path script = file("args.tg", "print(len(args), args)\nprint(type(args[0]))\n");
    Result r = tangent("run", script.toString(), "one", "--lr", "0.1", "-e");
    assertEquals(new Result(0, "4 [\"one\", \"--lr\", \"0.1\", \"-e\"]\nString\n", ""), r);
    assertEquals(new Result(0, "0 []\n", ""), tangent("run", file("none.tg", "print(len(args), args)").toString()));
  }

  @Test void runtimeErrorShowsScriptFramesAndNoJavaStackTrace() throws IOException {
    Path script = file("frames.tg", "fn inner(x) = x.nope\nfn outer(x) {\n  return inner(x)\n}\nouter(1)\n");
    Result r = tangent("run", script.toString());
    assertEquals(70, r.status);
    String f = script.toString();
    assertEquals(f + ":1:15: error: Number has no member 'nope'\n"
        + "    fn inner(x) = x.nope\n"
        + "                  ^^^^^^\n"
        + "  at inner (" + f + ":1:15)\n"
        + "  at outer (" + f + ":3:10)\n"
        + "  at <script> (" + f + ":5:1)\n", r.err);
    assertFalse(JAVA_FRAME.matcher(r.err).find());
  }

  @Test void deepRecursionEndsInACleanStackOverflow() throws IOException {
    Result r = tangent("run", file("deep.tg", "fn down(n) = down(n + 1) + 1\ndown(0)\n").toString());
    assertEquals(70, r.status);
    assertTrue(r.err.contains("error: stack overflow in 'down'"), r.err);
    assertFalse(JAVA_FRAME.matcher(r.err).find(), r.err);
    assertFalse(r.err.contains("StackOverflowError"), r.err);
  }

  @Test void checkReportsEveryErrorOfEveryFileInSourceOrder() throws IOException {
    Path a = file("a.tg", "let x = 1\nprint(y)\nlet x = 2\nfn f(a) {\n  return a + zz\n}\n");
    Path b = file("b.tg", "let = 5\nprint(\"ok\")\nvar v = (1 +\n");
    Path good = file("good.tg", "print(\"never runs\")\n");
    Result r = tangent("check", a.toString(), good.toString(), b.toString());
    assertEquals(65, r.status);
    assertEquals("", r.out, "check runs nothing");
    String expected = String.join("\n",
        a + ":2:7: error: undefined name 'y'",
        "    print(y)",
        "          ^",
        a + ":3:5: error: 'x' is already defined at line 1",
        "    let x = 2",
        "        ^",
        a + ":5:14: error: undefined name 'zz'",
        "      return a + zz",
        "                 ^^",
        b + ":1:5: error: expected a name or '(' or '[', found '='",
        "    let = 5",
        "        ^",
        b + ":3:9: error: '(' is never closed",
        "    var v = (1 +",
        "            ^",
        "5 errors in 2 files",
        "");
    assertEquals(expected, r.err);
  }

  @Test void checkOfGoodFilesIsSilent() throws IOException {
    Path good = file("good.tg", "fn f(x) = x + len(args)\nprint(f(1))\n");
    assertEquals(new Result(0, "", ""), tangent("check", good.toString()));
  }

  @Test void versionAndHelp() {
    Result v = tangent("--version");
    assertEquals(0, v.status);
    assertTrue(v.out.startsWith("tangent " + dev.tangent.jsr223.Version.get() + "\n"), v.out);
    assertFalse(dev.tangent.jsr223.Version.get().contains("${"), "the version is filtered in by Maven");
    Result h = tangent("--help");
    assertEquals(0, h.status);
    assertTrue(h.out.startsWith("Usage: tangent "), h.out);
    for (String s : new String[] {"-e, --eval=CODE", "--debug", "run", "check", "Exit status"}) {
      assertTrue(h.out.contains(s), s + " in\n" + h.out);
    }
    Result runHelp = tangent("run", "--help");
    assertEquals(0, runHelp.status);
    assertTrue(runHelp.out.startsWith("Usage: tangent run "), runHelp.out);
  }

  @Test void usageErrorsAre64() {
    Result r = tangent("--bogus");
    assertEquals(64, r.status);
    assertEquals("tangent: Unknown option: '--bogus'\nTry 'tangent --help' for more information.\n", r.err);
    assertEquals(64, tangent("run").status);
    assertEquals(64, tangent("check").status);
    Result script = tangent("fit.lie");
    assertEquals(64, script.status);
    assertTrue(script.err.contains("To run a script: tangent run fit.lie"), script.err);
    assertEquals(64, tangent("-e").status, "-e needs its CODE");
    assertEquals(64, tangent("-e", "1", "run", "x.tg").status);
  }

  @Test void missingScriptIsAUsageError() {
    Path missing = dir.resolve("missing.lie");
    Result r = tangent("run", missing.toString());
    assertEquals(new Result(64, "", "tangent: cannot read " + missing + ": no such file\n"), r);
    Result c = tangent("check", missing.toString());
    assertEquals(64, c.status);
  }

  @Test void internalErrorIsOneLineWithTheDebugHint() {
    Result r = tangent("-e", "import replprobe\nreplprobe.crash()");
    assertEquals(70, r.status);
    assertTrue(r.err.startsWith("<eval>:2:1: internal error: in "), r.err);
    assertTrue(r.err.contains("crash(): NullPointerException"), r.err);
    assertTrue(r.err.contains("hint: this is a bug in Tangent; run with --debug for the Java stack trace"), r.err);
    assertFalse(JAVA_FRAME.matcher(r.err).find(), r.err);

    Result debug = tangent("--debug", "-e", "import replprobe\nreplprobe.crash()");
    assertEquals(70, debug.status);
    assertTrue(debug.err.contains("java.lang.NullPointerException"), debug.err);
    assertTrue(JAVA_FRAME.matcher(debug.err).find(), "--debug shows the Java stack trace:\n" + debug.err);
  }

  @Test void debugIsAlsoAnOptionOfRunBeforeTheFile() throws IOException {
    Path script = file("crash.tg", "import replprobe\nreplprobe.crash()\n");
    assertTrue(JAVA_FRAME.matcher(tangent("run", "--debug", script.toString()).err).find());
    Result afterFile = tangent("run", script.toString(), "--debug");
    assertFalse(JAVA_FRAME.matcher(afterFile.err).find(), "after FILE, --debug belongs to the script");
  }

  @Test void commonInvocationsSkipPicocliButBehaveTheSame() throws IOException {
    assertEquals(null, Main.common(new String[] {"--version"}, null), "anything else goes to picocli");
    assertEquals(null, Main.common(new String[] {"-e", "-1"}, null), "unusual values go to picocli");
    assertEquals(null, Main.common(new String[] {"run", "--debug", "x.tg"}, null));
    Path ok = file("ok.tg", "print(args)\n");
    Path bad = file("bad.tg", "print(1 +)\n");
    Path boom = file("boom.tg", "error(\"boom\")\n");
    for (Path p : List.of(ok, bad, boom)) {
      // `--` ends the options: the same command line, parsed by picocli.
      assertEquals(tangent("run", "--", p.toString(), "x", "--y"), tangent("run", p.toString(), "x", "--y"), p.toString());
    }
    for (String code : List.of("1 + 2", "nil", "1 +", "error(\"boom\")", "print(\"a\")")) {
      assertEquals(tangent("--eval=" + code), tangent("-e", code), code);
      assertEquals(tangent("--eval=" + code), tangent("--eval", code), code);
    }
  }

  @Test void scriptFilesStartWithTheModuleThatDeclaresTheirExtension() throws Exception {
    assertEquals("lie", ScriptFiles.defaultModule(Path.of("ekf.lie")));
    assertEquals("drdm", ScriptFiles.defaultModule(Path.of("dir/train.drdm")));
    assertEquals(null, ScriptFiles.defaultModule(Path.of("plain.tg")));
    assertEquals(null, ScriptFiles.defaultModule(Path.of("lie")));
    assertEquals(null, ScriptFiles.defaultModule(Path.of(".hidden")));
  }

  @Test void aScriptWhoseExtensionNoModuleDeclaresIsAUsageError() throws IOException {
    Path odd = file("notes.txt", "print(1)\n");
    Result r = tangent("run", odd.toString());
    assertEquals(ExitCodes.USAGE, r.status);
    assertTrue(r.err.contains("no module on the class path declares the extension .txt"), r.err);
    assertTrue(r.err.contains(".lie (lie)") && r.err.contains(".drdm (drdm)"), r.err);
    assertEquals("", r.out);
    Result c = tangent("check", odd.toString());
    assertEquals(ExitCodes.USAGE, c.status, c.err);
  }

  @Test void printGoesToStdoutAndErrorsToStderr() throws IOException {
    Path script = file("both.tg", "print(\"before\")\nerror(\"boom\")\nprint(\"after\")\n");
    Result r = tangent("run", script.toString());
    assertEquals(70, r.status);
    assertEquals("before\n", r.out);
    assertTrue(r.err.startsWith(script + ":2:1: error: boom"), r.err);
  }
}
