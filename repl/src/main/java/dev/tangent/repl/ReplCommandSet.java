package dev.tangent.repl;

import dev.tangent.api.Interpreter;
import dev.tangent.core.Help;
import dev.tangent.resolve.GlobalVar;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Display;
import dev.tangent.spi.Nil;
import dev.tangent.spi.TypeLike;
import dev.tangent.spi.Types;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/** What each `:` command does. The table (names, help, abbreviations) is {@link ReplCommands}. */
final class ReplCommandSet {
  private final Repl repl;
  private final ReplSession session;
  private final NameLookup names;
  private final PrintWriter out;
  private final ReplCommands table = new ReplCommands();

  ReplCommandSet(Repl repl, ReplSession session, NameLookup names, PrintWriter out) {
    this.repl = repl;
    this.session = session;
    this.names = names;
    this.out = out;
    table.add("help", ReplCommands.Arg.TOPIC, "[topic]", "this list, or help on a command or a name", this::help);
    table.add("doc", ReplCommands.Arg.NAME, "NAME", "the documentation of a function, type, module or value", this::doc);
    table.add("type", ReplCommands.Arg.CODE, "EXPR", "the type of an expression's value", this::type);
    table.add("time", ReplCommands.Arg.CODE, "EXPR", "evaluate an expression and show how long it took", this::time);
    table.add("load", ReplCommands.Arg.FILE, "FILE", "run a script in this session (its names stay defined)", this::load);
    table.add("vars", ReplCommands.Arg.NONE, "", "the variables and functions defined in this session", a -> vars());
    table.add("reset", ReplCommands.Arg.NONE, "", "forget all variables, functions and imports", a -> reset());
    table.add("quit", ReplCommands.Arg.NONE, "", "leave the REPL (Ctrl-D does too)", a -> false);
  }

  ReplCommands table() {
    return table;
  }

  /** Runs a `:` entry; returns false when the REPL should end. */
  boolean run(String entry) {
    String line = entry.strip();
    int space = indexOfSpace(line);
    String word = space < 0 ? line : line.substring(0, space);
    String argument = space < 0 ? "" : line.substring(space + 1).strip();
    ReplCommands.Command c;
    try {
      c = table.find(word);
    } catch (ReplCommands.CommandError e) {
      repl.printError(e.getMessage());
      return true;
    }
    if (c.arg() == ReplCommands.Arg.NONE && !argument.isEmpty()) {
      repl.printError(":" + c.name() + " takes no argument");
      return true;
    }
    boolean required = c.arg() != ReplCommands.Arg.NONE && c.arg() != ReplCommands.Arg.TOPIC;
    if (required && argument.isEmpty()) {
      repl.printError("usage: " + c.usage());
      return true;
    }
    try {
      return c.handler().run(argument);
    } catch (ScriptFiles.Unreadable e) {
      repl.printError(e.getMessage());
    } catch (Exception e) {
      repl.printUnexpected(e);
    }
    return true;
  }

  private static int indexOfSpace(String s) {
    for (int i = 0; i < s.length(); i++) if (Character.isWhitespace(s.charAt(i))) return i;
    return -1;
  }

  private boolean help(String topic) {
    if (topic.isEmpty()) {
      out.println(overview());
      return true;
    }
    if (topic.equals("keys")) {
      out.println(KEYS);
      return true;
    }
    ReplCommands.Command c = topic.startsWith(":") || names.top(topic) == null ? table.lookup(topic) : null;
    if (c != null) {
      out.println(c.usage() + "\n  " + c.help());
      return true;
    }
    return doc(topic);
  }

  String overview() {
    StringBuilder sb = new StringBuilder("Commands (any unique prefix will do: :d is :doc, :ty is :type):\n");
    for (ReplCommands.Command c : table.all()) {
      sb.append("  ").append(pad(c.usage(), 16)).append(c.help()).append('\n');
    }
    sb.append('\n').append(KEYS).append("\n\n");
    sb.append("`_` is the last value shown. help(x) in code, or :doc x, documents any value.");
    return sb.toString();
  }

  static final String KEYS = String.join("\n",
      "Keys:",
      "  Enter           run the entry, or continue it on the next line while it is incomplete",
      "  Tab             complete keywords, names, members after '.', commands and file names",
      "  Up, Down        previous and next entries (history in ~/.tangent_history)",
      "  Ctrl-R          search the history",
      "  Ctrl-C          clear the line; while an entry runs, stop it",
      "  Ctrl-D          quit (on an empty line)");

  private boolean doc(String name) {
    Object v = names.documented(name);
    if (v == null) {
      boolean keyword = ReplHighlighter.keywords().contains(name);
      repl.printError(keyword ? "'" + name + "' is a keyword; the language reference is docs/language.md"
          : "no name '" + name + "' in scope");
      return true;
    }
    out.println(Help.describe(v));
    return true;
  }

  private boolean type(String code) {
    Object v = repl.evaluate(code);
    if (v != null) out.println(Types.typeName(v));
    return true;
  }

  private boolean time(String code) {
    long start = System.nanoTime();
    Object v = repl.evaluate(code);
    long elapsed = System.nanoTime() - start;
    if (v != null && v != Nil.NIL) {
      out.println(Display.repr(v));
      session.remember(v);
    }
    out.println("time: " + formatDuration(elapsed));
    return true;
  }

  static String formatDuration(long nanos) {
    double ms = nanos / 1e6;
    if (ms < 1) return String.format(Locale.ROOT, "%.3f ms", ms);
    if (ms < 1000) return String.format(Locale.ROOT, "%.1f ms", ms);
    return String.format(Locale.ROOT, "%.3f s", ms / 1000);
  }

  private boolean load(String argument) throws Exception {
    Path file = path(argument);
    String text = ScriptFiles.read(file);
    String module = ScriptFiles.defaultModule(file);
    repl.printingErrors(() -> {
      session.load(file, text, module);
      return Nil.NIL;
    });
    return true;
  }

  private static Path path(String argument) {
    String a = argument;
    if (a.length() >= 2 && (a.startsWith("\"") && a.endsWith("\"") || a.startsWith("'") && a.endsWith("'"))) {
      a = a.substring(1, a.length() - 1);
    }
    if (a.equals("~") || a.startsWith("~/")) a = System.getProperty("user.home") + a.substring(1);
    return Paths.get(a);
  }

  private boolean vars() {
    int width = Math.max(40, repl.width());
    boolean any = false;
    Interpreter interp = session.interp();
    for (GlobalVar g : interp.environment().globals.values()) {
      Object v = interp.getGlobal(g.name);
      if (v == null || g.name.equals("_")) continue;
      any = true;
      String line;
      if (g.function != null && v instanceof Callable c && !(v instanceof TypeLike)) {
        line = "fn " + c.signature();
      } else {
        line = (g.mutable ? "var " : "let ") + g.name + ": " + Types.typeName(v) + " = " + Display.repr(v);
      }
      out.println(line.length() > width - 1 ? line.substring(0, width - 4) + "..." : line);
    }
    if (!any) out.println("(no variables yet)");
    return true;
  }

  private boolean reset() {
    session.reset();
    out.println("Session reset: all variables, functions and imports are forgotten.");
    return true;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + "  " : s + " ".repeat(width - s.length());
  }
}
