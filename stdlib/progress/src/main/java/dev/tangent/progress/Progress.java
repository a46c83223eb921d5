package dev.tangent.progress;

import dev.tangent.spi.Context;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Progress on long work, for every module: training, dataset passes, LIB, DRDM sampling.
 * <pre>
 *   try (ProgressTask p = Progress.start(a.ctx(), "epoch 3", batches)) {
 *     for (...) { work(); p.message("loss " + loss); p.step(); }
 *   }
 * </pre>
 * On a terminal it draws a bar (me.tongfei:progressbar); under CI, without a console, or with a
 * non-interactive printer it prints plain lines at each tenth of the work. The REPL installs a
 * printer that draws above its prompt with {@link #install}.
 */
public final class Progress {
  private Progress() {}

  public enum Mode { BAR, PLAIN, OFF }

  private static final ProgressSettings GLOBAL = new ProgressSettings();
  private static final Object KEY = new Object();
  private static volatile int terminalWidth;

  /** The settings new interpreters copy. */
  public static ProgressSettings global() { return GLOBAL; }

  /** Sends the progress of every interpreter created from now on to this printer (the REPL's hook). */
  public static void install(ProgressPrinter printer) { GLOBAL.printer = printer; }

  /** This interpreter's settings (a copy of the global ones, made on first use). */
  public static ProgressSettings settings(Context ctx) {
    return ctx.state(KEY, GLOBAL::copy);
  }

  /** Long work that shows progress only once it has run for {@code settings.showAfter}. */
  public static ProgressTask start(Context ctx, String desc, long total) {
    ProgressSettings s = settings(ctx);
    return new ProgressTask(ctx, desc, total, s.showAfter.toNanos(), s, mode(s), printer(s, ctx));
  }

  /** Progress shown from the first step (what the user asked for with progress()). */
  public static ProgressTask startNow(Context ctx, String desc, long total) {
    ProgressSettings s = settings(ctx);
    return new ProgressTask(ctx, desc, total, 0, s, mode(s), printer(s, ctx));
  }

  /** Progress shown from the first step, in a mode the caller chose (null: decide as usual). */
  public static ProgressTask startNow(Context ctx, String desc, long total, Mode forced) {
    ProgressSettings s = settings(ctx);
    Mode m = forced != null ? forced : mode(s);
    return new ProgressTask(ctx, desc, total, 0, s, m, printer(s, ctx, m));
  }

  /** For Java code that has no interpreter at hand: the global settings and standard error. */
  public static ProgressTask start(String desc, long total) {
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    ProgressSettings s = GLOBAL.copy();
    return new ProgressTask(null, desc, total, s.showAfter.toNanos(), s, mode(s), printer(s, err));
  }

  static Mode mode(ProgressSettings s) {
    if (s.mode != null) return s.mode;
    if (s.printer != null) return s.printer.interactive() ? Mode.BAR : Mode.PLAIN;
    return detectMode();
  }

  /**
   * TANGENT_PROGRESS=off|plain|bar wins; then a CI variable, no console or a dumb terminal mean
   * plain lines; otherwise a bar.
   */
  public static Mode detectMode() {
    String forced = System.getenv("TANGENT_PROGRESS");
    if (forced != null) {
      switch (forced.toLowerCase(Locale.ROOT)) {
        case "off": case "none": case "0": case "false": return Mode.OFF;
        case "plain": case "lines": return Mode.PLAIN;
        case "bar": return Mode.BAR;
        default: break;
      }
    }
    String ci = System.getenv("CI");
    if (ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false")) return Mode.PLAIN;
    if (System.console() == null) return Mode.PLAIN;
    if ("dumb".equals(System.getenv("TERM"))) return Mode.PLAIN;
    return Mode.BAR;
  }

  private static ProgressPrinter printer(ProgressSettings s, Context ctx) {
    return printer(s, ctx, mode(s));
  }

  /** An installed printer wins; then the REPL's console (drawn where the prompt will be); then stderr. */
  private static ProgressPrinter printer(ProgressSettings s, Context ctx, Mode m) {
    if (s.printer != null) return s.printer;
    dev.tangent.spi.InteractiveConsole console = ctx.console;
    if (console != null && m == Mode.BAR) {
      return ProgressPrinter.terminal(new PrintWriter(console.stream(), true), console::width);
    }
    if (console != null) return ProgressPrinter.lines(console::printAbove);
    return printer(s, ctx.err);
  }

  private static ProgressPrinter printer(ProgressSettings s, PrintWriter err) {
    if (s.printer != null) return s.printer;
    if (mode(s) == Mode.BAR) return ProgressPrinter.terminal(err, Progress::terminalWidth);
    return ProgressPrinter.lines(line -> {
      err.println(line);
      err.flush();
    });
  }

  /** COLUMNS, else what JLine reads from the terminal (once), else 80. */
  static int terminalWidth() {
    int w = terminalWidth;
    if (w > 0) return w;
    try {
      w = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", ""));
    } catch (NumberFormatException e) {
      w = 0;
    }
    if (w <= 0) {
      try (org.jline.terminal.Terminal t = org.jline.terminal.TerminalBuilder.builder().system(true).dumb(true).build()) {
        w = t.getWidth();
      } catch (Exception | LinkageError e) {
        w = 0;
      }
    }
    terminalWidth = w > 10 ? w : 80;
    return terminalWidth;
  }
}
