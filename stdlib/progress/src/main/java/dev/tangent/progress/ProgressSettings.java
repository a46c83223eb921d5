package dev.tangent.progress;

import java.time.Duration;

/** How one interpreter shows progress. Each interpreter starts from a copy of the global settings. */
public final class ProgressSettings {
  /** Null: the interpreter's error stream (a bar on a terminal, plain lines otherwise). */
  public volatile ProgressPrinter printer;
  /** Null: decided from the environment (see {@link Progress#detectMode()}). */
  public volatile Progress.Mode mode;
  /** In plain mode a line is printed at each tenth of the work and at least this often. */
  public volatile Duration plainInterval = Duration.ofSeconds(10);
  /** Work that ends sooner than this shows nothing, unless the caller asks to show it at once. */
  public volatile Duration showAfter = Duration.ofSeconds(1);

  ProgressSettings copy() {
    ProgressSettings s = new ProgressSettings();
    s.printer = printer;
    s.mode = mode;
    s.plainInterval = plainInterval;
    s.showAfter = showAfter;
    return s;
  }
}
