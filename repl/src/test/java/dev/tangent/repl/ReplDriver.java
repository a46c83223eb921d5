package dev.tangent.repl;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * A REPL on a real JLine terminal (xterm-256color) whose keyboard and screen are pipes: tests
 * type keys and read what the screen shows, escape sequences removed.
 */
final class ReplDriver implements AutoCloseable {
  static final int WIDTH = 120;

  private final PipedOutputStream keys = new PipedOutputStream();
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  final Terminal terminal;
  final Repl repl;
  private final Thread loop;
  volatile int status = -1;

  ReplDriver(Path history) throws IOException {
    PipedInputStream keyboard = new PipedInputStream(keys, 1 << 16);
    // ExternalTerminal: JLine's own line discipline over plain streams, so ^C typed on the
    // keyboard raises SIGINT in the terminal as it would on a real one.
    terminal = new ExternalTerminal("test", "xterm-256color", keyboard, screen, StandardCharsets.UTF_8);
    terminal.setSize(new Size(WIDTH, 40));
    repl = new Repl(terminal, history, false);
    loop = new Thread(() -> status = repl.loop(), "repl-under-test");
    loop.setDaemon(true);
    loop.start();
    awaitPrompts(1);
  }

  /** Types keys without waiting. */
  void type(String text) {
    try {
      keys.write(text.getBytes(StandardCharsets.UTF_8));
      keys.flush();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Types an entry and Enter, waits for the next prompt, and returns what the screen showed in
   * between: the lines after the entry's own (its echo and any continuation lines).
   */
  String enter(String entry) {
    int before = prompts();
    type(entry + "\r");
    awaitPrompts(before + 1);
    return block(before);
  }

  /** The lines shown after prompt number {@code n} (1-based) was answered, up to the next prompt. */
  String block(int n) {
    List<String> lines = lines();
    List<String> out = new ArrayList<>();
    int seen = 0;
    boolean inEcho = false;
    for (String line : lines) {
      if (isPrompt(line)) {
        seen++;
        inEcho = seen == n;
        continue;
      }
      if (seen == n) {
        if (inEcho && line.startsWith("    ...>")) continue;
        inEcho = false;
        out.add(line);
      }
    }
    return String.join("\n", out);
  }

  int prompts() {
    int n = 0;
    for (String line : lines()) if (isPrompt(line)) n++;
    return n;
  }

  /** Lines lose their trailing blanks on this screen, so an empty prompt is "tangent>". */
  static boolean isPrompt(String line) {
    return line.startsWith(Repl.PROMPT) || line.equals(Repl.PROMPT.strip());
  }

  void awaitPrompts(int n) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (prompts() < n) {
      if (System.nanoTime() > deadline) fail("no prompt " + n + "; the screen shows:\n" + text());
      sleep(10);
    }
  }

  /** Waits until some line on the screen passes {@code test}. */
  void awaitLine(java.util.function.Predicate<String> test) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (lines().stream().noneMatch(test)) {
      if (System.nanoTime() > deadline) fail("the line never showed; the screen shows:\n" + text());
      sleep(10);
    }
  }

  /** The screen as text, as a terminal would show it. */
  String text() {
    return String.join("\n", lines());
  }

  private List<String> lines() {
    String raw;
    synchronized (screen) {
      raw = screen.toString(StandardCharsets.UTF_8);
    }
    Screen s = new Screen(WIDTH);
    s.feed(raw);
    return s.lines();
  }

  /** Waits for the REPL loop to end (after Ctrl-D or :quit); returns its exit status. */
  int awaitExit() throws InterruptedException {
    loop.join(30_000);
    if (loop.isAlive()) fail("the REPL did not end; the screen shows:\n" + text());
    return status;
  }

  boolean running() {
    return loop.isAlive();
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override public void close() throws IOException {
    if (loop.isAlive()) type("\u0004");
    try {
      loop.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    repl.close();
    terminal.close();
  }
}
