package dev.tangent.spi;

import java.io.PrintStream;

/**
 * The REPL's terminal, reached by built-ins through {@code ctx.console} (null when there is none:
 * scripts, tests, embedding). Long built-ins print progress here so that it lands above the
 * prompt instead of corrupting the line being edited, and a progress bar never opens a second
 * terminal, e.g. {@code new DelegatingProgressBarConsumer(console::printAbove, console.width())}.
 */
public interface InteractiveConsole {
  /** Prints text on its own line(s) above the prompt, or as plain output while no prompt is shown. */
  void printAbove(String text);

  /** The terminal's width in columns (80 when it does not say). */
  int width();

  /** A stream straight to the terminal, for output that redraws one line in place with '\r'. */
  PrintStream stream();
}
