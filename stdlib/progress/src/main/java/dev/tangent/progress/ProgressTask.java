package dev.tangent.progress;

import dev.tangent.spi.Context;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One piece of long work. Call {@link #step} as it advances and close it at the end (try-with-
 * resources). Stepping also polls the interpreter's interrupt flag, so Ctrl-C stops the work.
 * Not thread-safe: step it from the thread doing the work.
 */
public final class ProgressTask implements AutoCloseable {
  private final Context ctx;
  private final String desc;
  private final long startNanos = System.nanoTime();
  private final long showAfterNanos;
  private final ProgressSettings settings;
  private final Progress.Mode mode;
  private final ProgressPrinter printer;

  private long total;
  private long current;
  private String message = "";
  private boolean shown;
  private boolean closed;
  private ProgressBar bar;
  private int lastDecile;
  private long lastLineNanos = startNanos;
  private long lastLineCurrent = -1;

  ProgressTask(Context ctx, String desc, long total, long showAfterNanos, ProgressSettings settings,
      Progress.Mode mode, ProgressPrinter printer) {
    this.ctx = ctx;
    this.desc = desc == null ? "" : desc;
    this.total = total;
    this.showAfterNanos = showAfterNanos;
    this.settings = settings;
    this.mode = mode;
    this.printer = printer;
  }

  public ProgressTask step() { return stepTo(current + 1); }

  public ProgressTask stepBy(long n) { return stepTo(current + n); }

  public ProgressTask stepTo(long n) {
    current = n;
    update();
    if (ctx != null) ctx.checkInterrupt();
    return this;
  }

  /** A short status shown after the bar, e.g. "loss 0.123". */
  public ProgressTask message(String m) {
    message = m == null ? "" : m;
    if (bar != null) bar.setExtraMessage(extra(message));
    return this;
  }

  /** The library prints its extra message right after the speed: "16.2 steps/s" + " epoch 1/50". */
  private static String extra(String message) {
    return message.isEmpty() ? "" : " " + message;
  }

  /** Sets (or corrects) the amount of work; a negative total means unknown. */
  public ProgressTask total(long t) {
    total = t;
    if (bar != null && t >= 0) bar.maxHint(t);
    return this;
  }

  public long current() { return current; }
  public long total() { return total; }
  public String description() { return desc; }

  /** True once the task has drawn a bar or printed a line. */
  public boolean shown() { return shown; }

  private void update() {
    if (closed || mode == Progress.Mode.OFF) return;
    long now = System.nanoTime();
    if (!shown) {
      if (now - startNanos < showAfterNanos) return;
      shown = true;
      if (mode == Progress.Mode.BAR) bar = newBar(now);
    }
    if (bar != null) {
      bar.stepTo(current);
      return;
    }
    int decile = total > 0 ? (int) Math.min(10, current * 10 / total) : 0;
    boolean due = now - lastLineNanos >= settings.plainInterval.toNanos() && current != lastLineCurrent;
    if (decile > lastDecile || due) {
      lastDecile = Math.max(decile, lastDecile);
      plainLine(now);
    }
  }

  private ProgressBar newBar(long now) {
    ProgressBarConsumer consumer = new ProgressBarConsumer() {
      @Override public int getMaxRenderedLength() { return printer.width() - 1; }
      @Override public void accept(String rendered) { printer.redraw(rendered); }
      // progressbar 0.10.1 skips close() when the bar ends before its first scheduled refresh,
      // so the task finishes the printer itself.
      @Override public void close() {}
    };
    return new ProgressBarBuilder()
        .setTaskName(desc)
        .setInitialMax(total >= 0 ? total : -1)
        .setStyle(ProgressBarStyle.UNICODE_BLOCK)
        .setUpdateIntervalMillis(200)
        .showSpeed()
        .setUnit(" steps", 1)
        .setConsumer(consumer)
        .startsFrom(current, java.time.Duration.ofNanos(now - startNanos))
        .build()
        .setExtraMessage(extra(message));
  }

  private void plainLine(long now) {
    lastLineNanos = now;
    lastLineCurrent = current;
    printer.line(PlainFormat.line(desc, current, total, now - startNanos, message));
  }

  /** Ends the task: the bar shows its final state, plain mode prints a last line if one is missing. */
  @Override public void close() {
    if (closed) return;
    closed = true;
    if (bar != null) {
      bar.stepTo(current);
      bar.close();
      printer.finish();
    } else if (shown && current != lastLineCurrent) {
      plainLine(System.nanoTime());
    }
  }
}
