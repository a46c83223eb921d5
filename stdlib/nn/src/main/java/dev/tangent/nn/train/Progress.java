package dev.tangent.nn.train;

import dev.tangent.runtime.Context;
import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Training progress: a terminal progress bar (loss and steps/s) when a person is watching, plain
 * periodic lines under CI or without a terminal, or nothing.
 */
abstract class Progress implements AutoCloseable {
  abstract void update(long step, long total, int epoch, int epochs, double loss);

  @Override public abstract void close();

  /** "auto" picks the bar only on an interactive terminal outside CI. */
  static Progress create(String mode, Context ctx, long start, long total) {
    switch (mode) {
      case "none": case "false": return new Silent();
      case "bar": return new Bar(ctx, start, total);
      case "lines": return new Lines(ctx.out);
      default:
        boolean interactive = System.console() != null && System.getenv("CI") == null
            && !"dumb".equals(System.getenv("TERM"));
        return interactive ? new Bar(ctx, start, total) : new Lines(ctx.out);
    }
  }

  static String message(long step, long total, int epoch, int epochs, double loss, double perSecond) {
    return String.format("epoch %d/%d  step %d/%d  loss %.4f  %.1f steps/s", epoch + 1, epochs, step, total, loss, perSecond);
  }

  static final class Silent extends Progress {
    @Override void update(long step, long total, int epoch, int epochs, double loss) {}

    @Override public void close() {}
  }

  /** A line every few seconds (and at the end), for logs. */
  static final class Lines extends Progress {
    static final long EVERY_NANOS = 5_000_000_000L;
    private final PrintWriter out;
    private final long t0 = System.nanoTime();
    private long lastPrint = System.nanoTime();
    private long firstStep = -1;
    private String last;

    Lines(PrintWriter out) {
      this.out = out;
    }

    @Override void update(long step, long total, int epoch, int epochs, double loss) {
      if (firstStep < 0) firstStep = step - 1;
      long now = System.nanoTime();
      double rate = (step - firstStep) / Math.max(1e-9, (now - t0) / 1e9);
      last = message(step, total, epoch, epochs, loss, rate);
      if (now - lastPrint >= EVERY_NANOS) {
        out.println(last);
        out.flush();
        lastPrint = now;
        last = null;
      }
    }

    @Override public void close() {
      if (last != null) {
        out.println(last);
        out.flush();
      }
    }
  }

  /** me.tongfei's bar, drawn on the interpreter's error stream (the REPL redirects it). */
  static final class Bar extends Progress {
    private final ProgressBar bar;

    Bar(Context ctx, long start, long total) {
      PrintWriter err = ctx.err;
      ProgressBarConsumer consumer = new ProgressBarConsumer() {
        @Override public int getMaxRenderedLength() {
          try {
            return Math.max(40, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100")) - 1);
          } catch (NumberFormatException e) {
            return 99;
          }
        }

        @Override public void accept(String line) {
          err.print('\r');
          err.print(line);
          err.flush();
        }

        @Override public void close() {
          err.println();
          err.flush();
        }
      };
      bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(total).setUnit(" steps", 1).showSpeed()
          .setUpdateIntervalMillis(250).setConsumer(consumer).startsFrom(start, java.time.Duration.ZERO).build();
    }

    @Override void update(long step, long total, int epoch, int epochs, double loss) {
      bar.stepTo(step);
      bar.setExtraMessage(String.format("epoch %d/%d loss %.4f", epoch + 1, epochs, loss));
    }

    @Override public void close() {
      bar.close();
    }
  }
}
