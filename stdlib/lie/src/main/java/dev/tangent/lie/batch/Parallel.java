package dev.tangent.lie.batch;

import dev.tangent.spi.Context;
import dev.tangent.spi.TangentError;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * Runs a loop over n elements on all cores: the range is cut into chunks that the common
 * fork-join pool shares out, and every chunk first looks at the interrupt flag, so Ctrl-C stops a
 * long batch promptly (the calling thread then raises it with ctx.checkInterrupt()). Small ranges
 * run on the calling thread, still in chunks.
 */
public final class Parallel {
  private Parallel() {}

  interface Range {
    void run(int from, int to);
  }

  /** Below this many elements one thread does the work. */
  static final int SERIAL_BELOW = 2048;

  private static final Throwable INTERRUPTED = new Throwable("interrupted", null, false, false) {};

  static void forRange(Context ctx, int n, Range body) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    if (n < SERIAL_BELOW || threads == 1) {
      int step = 1 << 15;
      for (int from = 0; from < n; from += step) {
        if (ctx != null) ctx.checkInterrupt();
        body.run(from, Math.min(n, from + step));
      }
      return;
    }
    int chunk = Math.max(512, Math.min(1 << 15, n / (threads * 8)));
    int chunks = (n + chunk - 1) / chunk;
    AtomicReference<Throwable> failure = new AtomicReference<>();
    IntStream.range(0, chunks).parallel().forEach(c -> {
      if (failure.get() != null) return;
      if (ctx != null && ctx.interruptRequested()) {
        // workers only read the flag; the calling thread raises the interrupt below
        failure.compareAndSet(null, INTERRUPTED);
        return;
      }
      try {
        body.run(c * chunk, Math.min(n, (c + 1) * chunk));
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    });
    if (failure.get() == INTERRUPTED) {
      ctx.checkInterrupt();
      throw new TangentError(TangentError.Kind.INTERRUPT, "interrupted", null);
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException r) throw r;
    if (t instanceof Error e) throw e;
    if (t != null) throw new IllegalStateException(t);
  }
}
