package dev.tangent.repl;

import dev.tangent.spi.InteractiveConsole;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;

/** The REPL's terminal as built-ins see it ({@code ctx.console}): progress goes above the prompt. */
final class JLineConsole implements InteractiveConsole {
  private final LineReader reader;
  private final Terminal terminal;
  private final PrintStream stream;

  JLineConsole(LineReader reader) {
    this.reader = reader;
    this.terminal = reader.getTerminal();
    this.stream = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
  }

  @Override public void printAbove(String text) {
    terminal.writer().flush();
    reader.printAbove(text);
  }

  @Override public int width() {
    int w = terminal.getWidth();
    return w >= 10 ? w : 80;
  }

  @Override public PrintStream stream() {
    terminal.writer().flush();
    return stream;
  }
}
