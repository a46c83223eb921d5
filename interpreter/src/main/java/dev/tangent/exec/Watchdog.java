package dev.tangent.exec;

import dev.tangent.spi.Context;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Enforces a host's time limit per evaluation (Limits.timeLimit): one shared daemon thread stops
 * the evaluation through the same path as Ctrl-C and interrupt(), so the limit reaches every
 * loop and built-in that polls the interrupt.
 */
public final class Watchdog {
  private Watchdog() {}

  private static volatile ScheduledExecutorService timer;

  /** A running watch; closing it cancels the stop. */
  public interface Lease extends AutoCloseable {
    @Override void close();
  }

  private static final Lease NONE = () -> { };

  public static Lease watch(Context ctx) {
    Duration limit = ctx.limits.timeLimit();
    if (limit == null) return NONE;
    String reason = "time limit of " + text(limit) + " exceeded";
    ScheduledFuture<?> f = timer().schedule(() -> ctx.stop(reason), limit.toNanos(), TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }

  private static String text(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  private static ScheduledExecutorService timer() {
    ScheduledExecutorService t = timer;
    if (t == null) {
      synchronized (Watchdog.class) {
        t = timer;
        if (t == null) {
          java.util.concurrent.ScheduledThreadPoolExecutor e = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "tangent-watchdog");
            th.setDaemon(true);
            return th;
          });
          e.setRemoveOnCancelPolicy(true);
          t = e;
          timer = t;
        }
      }
    }
    return t;
  }
}
