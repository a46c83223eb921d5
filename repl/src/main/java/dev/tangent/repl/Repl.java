package dev.tangent.repl;

import dev.tangent.api.TangentException;
import dev.tangent.spi.Display;
import dev.tangent.spi.Nil;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.InfoCmp;

/**
 * The interactive loop: read an entry (JLine: multi-line by the grammar, highlighting, completion,
 * history), run it or its `:` command, print the value or the error, repeat until Ctrl-D or :quit.
 */
final class Repl implements AutoCloseable {
  static final String PROMPT = "tangent> ";

  private final Terminal terminal;
  private final LineReader reader;
  private final PrintWriter out;
  private final ReplSession session;
  private final ErrorPrinter errors;
  private final ReplCommandSet commands;
  private final ReplCompleter completer;

  /** A REPL on {@code terminal}; {@code history} is the history file (null keeps none). */
  Repl(Terminal terminal, Path history, boolean debug) {
    this.terminal = terminal;
    this.out = terminal.writer();
    this.session = new ReplSession(out, out);
    this.errors = new ErrorPrinter(out, debug);
    NameLookup names = new NameLookup(session::interp);
    this.commands = new ReplCommandSet(this, session, names, out);
    this.completer = new ReplCompleter(names, commands.table());
    LineReaderBuilder builder = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("tangent")
        .parser(new ReplParser())
        .highlighter(new ReplHighlighter())
        .completer(completer)
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P ...> ")
        .variable(LineReader.HISTORY_SIZE, 10_000)
        // Without this JLine expands `!` from history and strips backslashes: "a\nb" became "anb".
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
        .option(LineReader.Option.AUTO_FRESH_LINE, true)
        .option(LineReader.Option.INSERT_TAB, true)
        // No typo matching: before `import lie`, SE<Tab> must not "correct" itself to String.
        .option(LineReader.Option.COMPLETE_MATCHER_TYPO, false);
    if (history != null) builder.variable(LineReader.HISTORY_FILE, history);
    this.reader = builder.build();
    // The interpreter is made in the background once the first prompt is being drawn: started
    // earlier, it competes with the terminal set-up for the two cores and delays the prompt.
    JLineConsole console = new JLineConsole(reader);
    reader.getWidgets().put(LineReader.CALLBACK_INIT, () -> {
      session.start(console);
      return true;
    });
    // Ctrl-C while no prompt is shown stops the evaluation, never the REPL (the JVM's default
    // would exit). readLine installs its own handler, which clears the line, and restores this one.
    terminal.handle(Terminal.Signal.INT, signal -> session.interrupt());
  }

  /** `./tangent` with no arguments: the REPL on the process's terminal. */
  static int runInteractive(boolean debug) {
    try (Terminal terminal = systemTerminal();
         Repl repl = new Repl(terminal, Paths.get(System.getProperty("user.home"), ".tangent_history"), debug)) {
      return repl.loop();
    } catch (IOException e) {
      System.err.println("tangent: cannot open the terminal: " + e.getMessage());
      return ExitCodes.RUNTIME_ERROR;
    }
  }

  /**
   * The process's terminal through JLine's JNI provider, which needs no helper processes; the
   * other providers (exec runs `stty` and `test -t`) only if that fails on a real terminal.
   */
  static Terminal systemTerminal() throws IOException {
    useBundledTerminfo(System.getenv("TERM"));
    Terminal t = TerminalBuilder.builder().system(true).name("tangent").provider("jni").dumb(true).build();
    if (t instanceof DumbTerminal && System.console() != null) {
      t.close();
      t = TerminalBuilder.builder().system(true).name("tangent").build();
    }
    return t;
  }

  /**
   * JLine asks the `infocmp` program for the terminal's capabilities (a process start costs more
   * than the whole REPL start-up budget allows); for the common types it bundles them, so use those.
   */
  static void useBundledTerminfo(String type) {
    if (type == null || InfoCmp.getLoadedInfoCmp(type) != null) return;
    String caps = InfoCmp.getDefaultInfoCmp(type);
    if (caps != null) InfoCmp.setLoadedInfoCmp(type, caps);
  }

  LineReader reader() {
    return reader;
  }

  /** The terminal's width in columns (80 when it does not say). */
  int width() {
    int w = terminal.getWidth();
    return w >= 10 ? w : 80;
  }

  ReplCompleter completer() {
    return completer;
  }

  int loop() {
    out.println("Tangent " + dev.tangent.jsr223.Version.get() + ". Type :help for help, Ctrl-D to quit.");
    out.flush();
    while (true) {
      String entry;
      try {
        entry = reader.readLine(PROMPT);
      } catch (UserInterruptException e) {
        continue;  // Ctrl-C at the prompt clears the line
      } catch (EndOfFileException e) {
        break;     // Ctrl-D
      }
      if (entry.isBlank()) continue;
      boolean go = ReplCommands.isCommand(entry) ? commands.run(entry) : evaluateAndShow(entry);
      out.flush();
      if (!go) break;
    }
    return ExitCodes.OK;
  }

  /** Runs an entry, prints its value (unless nil) and keeps it as `_`. */
  boolean evaluateAndShow(String code) {
    Object value = evaluate(code);
    if (value != null && value != Nil.NIL) {
      out.println(Display.repr(value));
      session.remember(value);
      completer.evaluated(code, value);
    }
    return true;
  }

  /** Runs an entry; errors are printed and give null. */
  Object evaluate(String code) {
    return printingErrors(() -> session.evaluate(code));
  }

  /** Runs REPL work (Ctrl-C stops it: see the constructor); its errors are printed and give null. */
  Object printingErrors(java.util.concurrent.Callable<Object> work) {
    try {
      return work.call();
    } catch (TangentException e) {
      errors.print(e);
    } catch (Throwable t) {
      errors.printInternal(t);
    } finally {
      out.flush();
    }
    return null;
  }

  void printError(String message) {
    out.println("error: " + message);
  }

  /** A Java exception from the REPL's own work: one line, or its stack trace with --debug. */
  void printUnexpected(Throwable t) {
    errors.printInternal(t);
  }

  @Override public void close() {
    try {
      reader.getHistory().save();
    } catch (IOException e) {
      out.println("tangent: could not save the history: " + e.getMessage());
    }
    session.close();
    out.flush();
  }
}
