package dev.tangent.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL driven through a real JLine terminal: keys in, screen out. */
class ReplTest {
  @TempDir Path dir;
  ReplDriver repl;

  @BeforeEach void start() throws Exception {
    repl = new ReplDriver(dir.resolve("history"));
  }

  @AfterEach void stop() throws Exception {
    repl.close();
  }

  @Test void showsValuesAndKeepsTheLastAsUnderscore() {
    assertEquals("21", repl.enter("20 + 1"));
    assertEquals("42", repl.enter("_ * 2"));
    assertEquals("", repl.enter("nil"), "nil is not shown");
    assertEquals("", repl.enter("let quiet = 5"));
    assertEquals("42", repl.enter("_"), "an entry without a value leaves _ alone");
    assertEquals("[1, \"two\", (3, 4)]", repl.enter("[1, \"two\", (3, 4)]"));
  }

  @Test void multiLineEntryIsDecidedByTheGrammar() {
    String block = repl.enter("fn twice(x) {\r  let y = x *\r    2\r  y\r}");
    assertEquals("", block);
    assertTrue(repl.text().contains("    ...> "), "continuation lines get the secondary prompt");
    assertEquals("42", repl.enter("twice(21)"));
    assertEquals("[1, 2, 3]", repl.enter("[1,\r2,\r3]"));
    assertEquals("3", repl.enter("len(\r  _\r)"));
    assertEquals("7", repl.enter("3 +\r4"), "a trailing operator continues the entry");
  }

  @Test void anOpenStringContinuesTheEntry() {
    int before = repl.prompts();
    repl.type("\"open\r");
    repl.awaitLine(line -> line.startsWith("    ...>"));
    assertEquals(before, repl.prompts(), "the entry was not run");
    repl.type("\u0003");
    repl.awaitPrompts(before + 1);
    assertEquals("8", repl.enter("8"));
  }

  @Test void errorsNameTheReplAndTheEntrysOwnLines() {
    assertEquals("<repl#1>:1:5: error: undefined name 'zzqqx'\n    1 + zzqqx\n        ^^^^^", repl.enter("1 + zzqqx"));
    String err = repl.enter("fn g(x) {\r  x + missing\r}");
    assertTrue(err.startsWith("<repl#2>:2:7: error: undefined name 'missing'"), err);
    assertTrue(err.contains("\n      x + missing\n          ^^^^^^^"), err);
    assertEquals("", repl.enter("fn h(x) = x.nope"));
    String runtime = repl.enter("(\rh(1))");
    assertTrue(runtime.startsWith("<repl#3>:1:11: error: Number has no member 'nope'"), runtime);
    // Each entry is its own source, named by its number: h's frame points into entry 3, the call into entry 4.
    assertTrue(runtime.contains("  at h (<repl#3>:1:11)\n  at <script> (<repl#4>:2:1)"), runtime);
    assertEquals("2", repl.enter("1 + 1"), "the REPL goes on after errors");
  }

  @Test void bangsAndBackslashesArriveIntact() {
    assertEquals("a\nb", repl.enter("print(\"a\\nb\")"));
    assertEquals("\"!x\"", repl.enter("\"!x\""));
    assertEquals("\"x!!\"", repl.enter("\"x\" + \"!!\""));
    assertEquals("\"tab\\there\"", repl.enter("\"tab\\there\""));
  }

  @Test void typeDocAndTimeCommands() {
    repl.enter("let xs = [1, 2]");
    assertEquals("List", repl.enter(":type xs"));
    assertEquals("Number", repl.enter(":ty 1 + 1"));
    assertEquals("Function", repl.enter(":type (x) => x"));
    String doc = repl.enter(":doc len");
    assertTrue(doc.startsWith("len(x)\n\nThe number of items"), doc);
    assertEquals(doc, repl.enter(":d len"), ":d abbreviates :doc");
    String method = repl.enter(":doc xs.map");
    assertTrue(method.startsWith("map(self, "), method);
    assertEquals("error: no name 'nosuch' in scope", repl.enter(":doc nosuch"));
    String timed = repl.enter(":time 6 * 7");
    assertTrue(timed.matches("42\ntime: \\d+\\.\\d+ m?s"), timed);
    assertEquals("42", repl.enter("_"), ":time keeps the value as _");
  }

  @Test void abbreviationsAndTheirErrors() {
    assertEquals("error: ambiguous command ':t': it could be :type or :time", repl.enter(":t 1"));
    assertEquals("error: unknown command ':frob' (:help lists the commands)", repl.enter(":frob"));
    String help = repl.enter(":h");
    assertTrue(help.startsWith("Commands"), help);
    for (String c : new String[] {":help [topic]", ":doc NAME", ":type EXPR", ":time EXPR", ":load FILE",
        ":vars", ":reset", ":quit", "Keys:", "Ctrl-C", "Ctrl-D", "Tab"}) {
      assertTrue(help.contains(c), c + " in\n" + help);
    }
    assertEquals(":load FILE\n  run a script in this session (its names stay defined)", repl.enter(":help :lo"));
    assertEquals("error: usage: :type EXPR", repl.enter(":type"));
    assertEquals("error: :vars takes no argument", repl.enter(":vars x"));
  }

  @Test void varsListsTheSessionAndResetForgetsIt() {
    repl.enter("let a = 1");
    repl.enter("var b = \"s\"");
    repl.enter("fn inc(x, by = 1) = x + by");
    repl.enter("a + 1");
    assertEquals("let a: Number = 1\nvar b: String = \"s\"\nfn inc(x, by=1)", repl.enter(":vars"));
    assertEquals("Session reset: all variables, functions and imports are forgotten.", repl.enter(":reset"));
    assertTrue(repl.enter("a").startsWith("<repl#5>:1:1: error: undefined name 'a'"));
    assertEquals("(no variables yet)", repl.enter(":vars"));
    assertEquals("3", repl.enter("len([1, 2, 3])"), "the prelude survives a reset");
  }

  @Test void loadRunsAScriptInTheSession() throws Exception {
    Path script = dir.resolve("lib.tg");
    Files.writeString(script, "fn tripled(x) = 3 * x\nprint(\"loaded\")\n");
    assertEquals("loaded", repl.enter(":load " + script));
    assertEquals("6", repl.enter("tripled(2)"));
    Path bad = dir.resolve("bad.tg");
    Files.writeString(bad, "let ok = 1\nok.nope\n");
    assertTrue(repl.enter(":lo " + bad).startsWith(bad + ":2:1: error: Number has no member 'nope'"));
    assertEquals("error: cannot read " + dir.resolve("none.tg") + ": no such file", repl.enter(":load " + dir.resolve("none.tg")));
  }

  @Test void tabCompletesModulesLiteralsAndEvaluatedExpressionsButNeverByTypo() {
    assertTrue(repl.enter("SE\t").startsWith("<repl#1>:1:1: error: undefined name 'SE'"), "SE is not 'corrected' to String");
    assertEquals("", repl.enter("import pl\t"), "import completes module names");
    assertFalse(repl.enter("plot").contains("error"));
    assertEquals("", repl.enter("from li\te import SE3"), "from ... import too (lie, not lib)");
    assertEquals("6", repl.enter("SE3.dof"));
    assertEquals("\"ABC\"", repl.enter("\"abc\".up\t()"), "members of a string literal");
    assertEquals("[3, 1, 2]", repl.enter("[3, 1, 2].copy()"));
    assertEquals("3", repl.enter("len([3, 1, 2].copy().cop\t())"), "members of an expression an entry evaluated");
  }

  @Test void tabCompletesThroughTheTerminal() {
    repl.enter("let record = {alpha: 7, beta: 8}");
    assertEquals("tab", repl.enter("prin\t(\"tab\")"));
    assertEquals("7", repl.enter("record.al\t"));
  }

  @Test void outOfMemoryIsAnErrorAndTheSessionKeepsItsVariables() {
    repl.enter("var xs = [1, 2]");
    String err = repl.enter("zeros(2147483000, device: \"java\")");
    assertTrue(err.startsWith("<repl#2>:1:1: error: out of memory in zeros()"), err);
    assertEquals("2", repl.enter("len(xs)"));
  }

  @Test void ctrlCStopsAnEvaluationAndTheReplGoesOn() {
    repl.enter("var spins = 0");
    int before = repl.prompts();
    repl.type("print(\"spinning\"); while true { spins += 1 }\r");
    repl.awaitLine(line -> line.equals("spinning"));
    repl.type("\u0003");
    repl.awaitPrompts(before + 1);
    String block = repl.block(before);
    assertTrue(block.contains("<repl#2>:1:20: error: interrupted"), block);
    assertEquals("true", repl.enter("spins > 0"));
    assertEquals("2", repl.enter("1 + 1"));
  }

  @Test void ctrlCAtThePromptClearsTheLine() {
    int before = repl.prompts();
    repl.type("1 + 2 + 3");
    repl.awaitLine(line -> line.endsWith("1 + 2 + 3"));
    repl.type("\u0003");
    repl.awaitPrompts(before + 1);
    assertEquals("5", repl.enter("5"));
    assertFalse(repl.text().contains("\n6\n"), "the cleared line did not run");
  }

  @Test void interruptFromAnotherThreadReturnsToThePrompt() throws Exception {
    int before = repl.prompts();
    repl.type("print(\"looping\"); while true {}\r");
    repl.awaitLine(line -> line.equals("looping"));
    Thread other = new Thread(() -> repl.terminal.raise(org.jline.terminal.Terminal.Signal.INT));
    other.start();
    other.join();
    repl.awaitPrompts(before + 1);
    assertTrue(repl.block(before).contains("error: interrupted"), repl.block(before));
    assertEquals("ok", repl.enter("print(\"ok\")"));
  }

  @Test void ctrlDQuitsAndTheHistoryIsSaved() throws Exception {
    repl.enter("let kept = 1");
    repl.enter("fn two() {\r  2\r}");
    repl.type("\u0004");
    assertEquals(0, repl.awaitExit());
    repl.close();
    String history = Files.readString(dir.resolve("history"));
    assertTrue(history.contains("let kept = 1"), history);
    assertTrue(history.contains("fn two() {"), history);
  }

  @Test void quitEndsTheRepl() throws Exception {
    repl.type(":q\r");
    assertEquals(0, repl.awaitExit());
  }

  @Test void builtInsReachTheConsoleHook() {
    repl.enter("import replprobe");
    String shown = repl.enter("replprobe.above(\"progress 50%\")");
    assertTrue(shown.contains("progress 50%"), shown);
    assertTrue(shown.endsWith("true"), shown);
    assertEquals("120", repl.enter("replprobe.console_width()"));
  }

  @Test void progressFromLoopsAndTrainingPrintsThroughTheRepl() {
    repl.enter("var s = 0");
    String shown = repl.enter("for x in progress(0..5, desc: \"walk\") { s += x }; s");
    assertTrue(shown.contains("walk"), shown);
    assertTrue(shown.contains("5/5"), shown);
    assertTrue(shown.endsWith("10"), shown);
    assertEquals("3", repl.enter("1 + 2"), "the prompt is intact afterwards");
  }
}
