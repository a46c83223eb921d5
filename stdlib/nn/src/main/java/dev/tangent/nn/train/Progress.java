package dev.tangent.nn.train;

import dev.tangent.progress.ProgressTask;
import dev.tangent.spi.Context;

/**
 * Training progress through the shared progress facility: a bar with loss and steps/s when a
 * person is watching (above the prompt in the REPL), plain periodic lines under CI or without a
 * terminal, or nothing. progress: "auto" | "bar" | "lines" | "none".
 */
final class Progress implements AutoCloseable {
  private final ProgressTask task;

  private Progress(ProgressTask task) {
    this.task = task;
  }

  static Progress create(String mode, Context ctx, long start, long total) {
    dev.tangent.progress.Progress.Mode forced;
    switch (mode) {
      case "none": case "false": forced = dev.tangent.progress.Progress.Mode.OFF; break;
      case "bar": forced = dev.tangent.progress.Progress.Mode.BAR; break;
      case "lines": forced = dev.tangent.progress.Progress.Mode.PLAIN; break;
      default: forced = null;
    }
    ProgressTask t = dev.tangent.progress.Progress.startNow(ctx, "train", total, forced);
    t.stepTo(start);
    return new Progress(t);
  }

  void update(long step, long total, int epoch, int epochs, double loss) {
    task.message(String.format("epoch %d/%d  loss %.4f", epoch + 1, epochs, loss)).stepTo(step);
  }

  @Override public void close() {
    task.close();
  }
}
