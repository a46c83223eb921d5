package dev.tangent.progress;

import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Where progress goes. By default it is the interpreter's error stream; the REPL installs one that
 * draws above its prompt ({@link Progress#install}), so a bar never opens a second terminal.
 */
public interface ProgressPrinter {
  /** True when the printer can redraw one line in place: then a bar is drawn, else plain lines. */
  boolean interactive();

  /** Replaces the bar on screen by this rendering (interactive printers only). */
  void redraw(String bar);

  /** Prints one complete line (the plain mode's periodic lines). */
  void line(String text);

  /** The bar is done: leave its last rendering on screen and move to a fresh line. */
  void finish();

  /** Columns available for a bar. */
  int width();

  /** Plain lines to a consumer (a logger, a test, the REPL's print-above-the-prompt). */
  static ProgressPrinter lines(Consumer<String> sink) {
    return new ProgressPrinter() {
      @Override public boolean interactive() { return false; }
      @Override public void redraw(String bar) { sink.accept(bar); }
      @Override public void line(String text) { sink.accept(text); }
      @Override public void finish() {}
      @Override public int width() { return 100; }
    };
  }

  /** A bar redrawn in place with a carriage return, for a terminal writer. */
  static ProgressPrinter terminal(PrintWriter out, IntSupplier width) {
    return new ProgressPrinter() {
      private int drawn;

      @Override public boolean interactive() { return true; }

      @Override public synchronized void redraw(String bar) {
        // A line as wide as the terminal wraps (the cursor moves past the last column) and every
        // redraw then starts a new line: keep it one column short.
        int max = width() - 1;
        if (bar.length() > max) bar = bar.substring(0, max);
        String pad = bar.length() < drawn ? " ".repeat(drawn - bar.length()) : "";
        out.print('\r' + bar + pad);
        out.flush();
        drawn = bar.length();
      }

      @Override public synchronized void line(String text) {
        out.println(text);
        out.flush();
      }

      @Override public synchronized void finish() {
        if (drawn > 0) out.println();
        out.flush();
        drawn = 0;
      }

      @Override public int width() {
        int w = width.getAsInt();
        return w > 10 ? w : 80;
      }
    };
  }
}
