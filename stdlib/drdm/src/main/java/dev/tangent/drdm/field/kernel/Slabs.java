package dev.tangent.drdm.field.kernel;

import dev.tangent.spi.Context;
import java.util.stream.IntStream;

/**
 * Splits [0, n) into slabs and runs them on the common fork-join pool (and the calling thread)
 * when the work is large enough to pay for it. Slabs see the interpreter's interrupt flag: once
 * it is set the remaining slabs return at once and the caller raises the interrupt, unless the
 * caller is itself a pool worker (a sample of a batch run in parallel): then it only returns, and
 * the thread that started the batch raises it.
 */
public final class Slabs {
  private Slabs() {}

  /** Below this much work (in voxel-taps) one thread does it all. */
  static final long PARALLEL_MIN = 1 << 15;

  public interface Body {
    void run(int from, int to);
  }

  /**
   * Runs body over [0, n) in slabs of about {@code slab} items; {@code cost} is the work per item,
   * used only to decide whether threads pay off.
   */
  public static void run(Context ctx, int n, int slab, long cost, Body body) {
    if (n <= 0) return;
    int slabs = (n + slab - 1) / slab;
    if (slabs == 1 || (long) n * cost < PARALLEL_MIN || Runtime.getRuntime().availableProcessors() == 1) {
      for (int s = 0; s < slabs; s++) {
        if (ctx != null && ctx.interruptRequested()) break;
        body.run(s * slab, (int) Math.min(n, (long) (s + 1) * slab));
      }
    } else {
      IntStream.range(0, slabs).parallel().forEach(s -> {
        if (ctx != null && ctx.interruptRequested()) return;
        body.run(s * slab, (int) Math.min(n, (long) (s + 1) * slab));
      });
    }
    if (ctx != null && !(Thread.currentThread() instanceof java.util.concurrent.ForkJoinWorkerThread)) ctx.checkInterrupt();
  }

  /** Whether the interpreter asked to stop (for loops that run between kernel calls). */
  public static boolean stopping(Context ctx) {
    return ctx != null && ctx.interruptRequested();
  }
}
