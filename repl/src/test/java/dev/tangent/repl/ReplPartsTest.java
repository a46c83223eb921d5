package dev.tangent.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.exec.Members;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jline.reader.Candidate;
import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL's parts called directly: completer, highlighter, parser, command table. */
class ReplPartsTest {
  @TempDir Path dir;
  ReplDriver repl;
  ReplCompleter completer;

  @BeforeEach void start() throws Exception {
    repl = new ReplDriver(null);
    completer = repl.repl.completer();
  }

  @AfterEach void stop() throws Exception {
    repl.close();
  }

  private Set<String> values(String line) {
    return completer.candidates(repl.repl.reader(), line, line.length()).stream().map(Candidate::value).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> startingWith(Set<String> all, String prefix) {
    return all.stream().filter(v -> v.startsWith(prefix)).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test void completesKeywordsAndNamesInScope() {
    repl.enter("let printable = 1");
    Set<String> all = values("pri");
    assertTrue(all.containsAll(Set.of("print", "printable")), all.toString());
    assertTrue(values("wh").contains("while"), "keywords come from the lexer");
    assertTrue(values("").containsAll(Set.of("let", "fn", "len", "printable")));
    Candidate printable = completer.candidates(repl.repl.reader(), "pri", 3).stream().filter(c -> c.value().equals("printable")).findFirst().orElseThrow();
    assertEquals("variables", printable.group());
    assertEquals("Number", printable.descr());
    Candidate print = completer.candidates(repl.repl.reader(), "pri", 3).stream().filter(c -> c.value().equals("print")).findFirst().orElseThrow();
    assertEquals("built-ins", print.group());
    assertEquals("print(*values, sep=' ', end='\\n')", print.descr());
  }

  @Test void completesMembersOfRecordsModulesAndValues() {
    repl.enter("let rec = {alpha: 1, beta: {gamma: 2}}");
    Set<String> members = startingWith(values("rec."), "rec.");
    assertTrue(members.containsAll(Set.of("rec.alpha", "rec.beta", "rec.keys", "rec.get")), members.toString());
    Set<String> inner = values("rec.beta.g");
    assertTrue(inner.contains("rec.beta.gamma") && !inner.contains("rec.beta.alpha"), inner.toString());
    repl.enter("import replprobe");
    assertEquals(Set.of("replprobe.above", "replprobe.console_width", "replprobe.crash"), values("replprobe.c".substring(0, 10)));
    repl.enter("let word = \"abc\"");
    Set<String> expected = Members.names("abc").stream().map(m -> "word." + m).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, values("word.u"));
    assertTrue(expected.contains("word.upper"), expected.toString());
    assertEquals(Set.of(), values("nosuch.x"));
    Candidate upper = completer.candidates(repl.repl.reader(), "word.up", 7).stream().filter(c -> c.value().equals("word.upper")).findFirst().orElseThrow();
    assertEquals("upper()", upper.descr());
  }

  @Test void completionNeverRunsCode() {
    repl.enter("var calls = 0");
    repl.enter("fn made() { calls += 1\n {x: 1} }".replace("\n", "\r"));
    assertEquals(Set.of(), values("made().x"), "a call is not a name: nothing to complete");
    assertEquals(Set.of(), values("made.x"), "a function has no members to look up");
    assertEquals("0", repl.enter("calls"));
  }

  @Test void completesCommandsAndTheirArguments() throws Exception {
    Set<String> commands = values(":");
    assertEquals(commands, values(":t"), "JLine filters by the word; the completer offers every command");
    assertEquals(Set.of(":help", ":doc", ":type", ":time", ":load", ":vars", ":reset", ":quit"), commands);
    Files.writeString(dir.resolve("model.lie"), "");
    Set<String> files = values(":load " + dir + "/mo");
    assertTrue(files.contains(dir + "/model.lie"), files.toString());
    assertTrue(values(":doc pr").contains("print"));
    assertTrue(values(":help ty").contains("type"));
    assertEquals(Set.of(), values(":vars x"));
  }

  @Test void wordsForCompletionAreDottedNames() {
    ReplWords w = ReplWords.at("x = foo.ba + 1", 10);
    assertEquals("foo.ba", w.word());
    assertEquals(6, w.wordCursor());
    assertEquals(4, w.wordStart());
    ReplWords mid = ReplWords.at("print(lie.SE3)", 11);
    assertEquals("lie.SE3", mid.word());
    assertEquals(5, mid.wordCursor());
    ReplWords cmd = ReplWords.at(":load ./a b.lie", 8);
    assertEquals(List.of(":load", "./a", "b.lie"), cmd.words());
    assertEquals(1, cmd.wordIndex());
    ReplWords empty = ReplWords.at("f(", 2);
    assertEquals("", empty.word());
  }

  @Test void highlightingFollowsTheLexer() {
    String code = "let x = 1.5 # note\n\"s\" + foo(true)";
    AttributedString h = new ReplHighlighter().highlight(null, code);
    assertEquals(code, h.toString(), "highlighting keeps the text");
    assertEquals(ReplHighlighter.KEYWORD, h.styleAt(code.indexOf("let")));
    assertEquals(ReplHighlighter.KEYWORD, h.styleAt(code.indexOf("et")));
    assertEquals(AttributedStyle.DEFAULT, h.styleAt(code.indexOf("x")));
    assertEquals(ReplHighlighter.OPERATOR, h.styleAt(code.indexOf("=")));
    assertEquals(ReplHighlighter.NUMBER, h.styleAt(code.indexOf("1.5") + 2));
    assertEquals(ReplHighlighter.COMMENT, h.styleAt(code.indexOf("note")));
    assertEquals(ReplHighlighter.STRING, h.styleAt(code.indexOf("\"s\"") + 1));
    assertEquals(ReplHighlighter.OPERATOR, h.styleAt(code.indexOf("+")));
    assertEquals(AttributedStyle.DEFAULT, h.styleAt(code.indexOf("foo")));
    assertEquals(ReplHighlighter.CONSTANT, h.styleAt(code.indexOf("true")));
    AttributedString cmd = new ReplHighlighter().highlight(null, ":type 2 # n");
    assertEquals(ReplHighlighter.COMMAND, cmd.styleAt(1));
    assertEquals(ReplHighlighter.NUMBER, cmd.styleAt(6));
    assertEquals(ReplHighlighter.COMMENT, cmd.styleAt(9));
    AttributedString odd = new ReplHighlighter().highlight(null, "a ? \"unclosed");
    assertEquals(ReplHighlighter.ERROR, odd.styleAt(2));
    assertEquals(ReplHighlighter.STRING, odd.styleAt(6));
    assertEquals("θ = \"∂\" # é", new ReplHighlighter().highlight(null, "θ = \"∂\" # é").toString());
  }

  @Test void incompleteEntriesThrowEofError() {
    ReplParser p = new ReplParser();
    EOFError open = assertThrows(EOFError.class, () -> p.parse("fn f(x) {\n  [1, (2", 13, ParseContext.ACCEPT_LINE));
    assertEquals(3, open.getOpenBrackets());
    assertEquals(")", open.getNextClosingBracket());
    assertThrows(EOFError.class, () -> p.parse("1 +", 3, ParseContext.ACCEPT_LINE));
    assertThrows(EOFError.class, () -> p.parse("\"abc", 4, ParseContext.ACCEPT_LINE));
    assertEquals("1 + 2", p.parse("1 + 2", 5, ParseContext.ACCEPT_LINE).line());
    assertEquals("1 )", p.parse("1 )", 3, ParseContext.ACCEPT_LINE).line(), "an error that is not at the end is the evaluator's to report");
    assertEquals(":type (", p.parse(":type (", 7, ParseContext.ACCEPT_LINE).line(), "commands are not code");
    assertEquals("fn f(", p.parse("fn f(", 5, ParseContext.COMPLETE).line(), "completion parses anything");
  }

  @Test void commandsAbbreviateToAnyUniquePrefix() throws Exception {
    ReplCommands t = new ReplCommands();
    for (String n : new String[] {"help", "doc", "type", "time", "load", "vars", "reset", "quit"}) {
      t.add(n, ReplCommands.Arg.NONE, "", n, a -> true);
    }
    assertEquals("type", t.find(":ty").name());
    assertEquals("time", t.find("ti").name());
    assertEquals("quit", t.find(":q").name());
    assertEquals("help", t.find(":help").name());
    ReplCommands.CommandError ambiguous = assertThrows(ReplCommands.CommandError.class, () -> t.find(":t"));
    assertEquals("ambiguous command ':t': it could be :type or :time", ambiguous.getMessage());
    assertThrows(ReplCommands.CommandError.class, () -> t.find(":x"));
    assertNull(t.lookup(":t"));
    assertTrue(ReplCommands.isCommand(":t"));
    assertTrue(ReplCommands.isCommand("  :doc x"));
    assertFalse(ReplCommands.isCommand(":"));
    assertFalse(ReplCommands.isCommand(":: 1"));
    assertFalse(ReplCommands.isCommand("x : y"));
  }

  @Test void durationsReadWell() {
    assertEquals("0.250 ms", ReplCommandSet.formatDuration(250_000));
    assertEquals("12.5 ms", ReplCommandSet.formatDuration(12_500_000));
    assertEquals("2.000 s", ReplCommandSet.formatDuration(2_000_000_000L));
  }
}
