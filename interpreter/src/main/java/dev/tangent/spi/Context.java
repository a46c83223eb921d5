package dev.tangent.spi;

import dev.tangent.spi.TangentError;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything a running script reaches outside its frames: output, permissions, interrupt flag,
 * step budget and call depth. One per interpreter; built-ins get it through Args.ctx().
 */
public final class Context {
  /** Steps between polls of the interrupt flag and the step limit. */
  static final int POLL_INTERVAL = 1 << 10;

  public PrintWriter out;
  public PrintWriter err;
  public Permissions permissions;
  public final Object host;
  /** The REPL's terminal for progress output, or null outside the REPL. */
  public volatile InteractiveConsole console;

  private volatile boolean interruptRequested;
  /** Why the running evaluation is being stopped: null for Ctrl-C or interrupt(), else the limit hit. */
  private volatile String stopReason;
  /** The host's limits on time, allocation size and imports. */
  public volatile Limits limits = Limits.NONE;

  private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();
  public int budget = POLL_INTERVAL;
  private long steps;
  private long stepLimit = Long.MAX_VALUE;
  public int depth;
  public int maxDepth = 200_000;
  private final Map<Object, Object> moduleState = new HashMap<>();

  public Context(PrintWriter out, PrintWriter err, Permissions permissions, Object host) {
    this.out = out;
    this.err = err;
    this.permissions = permissions;
    this.host = host;
  }

  /** Asks the running script to stop at its next loop iteration or call. Any thread may call it. */
  public void interrupt() {
    interruptRequested = true;
    budget = 0;
  }

  /** Stops the running script with a runtime error saying why (a limit it ran into). */
  public void stop(String reason) {
    stopReason = reason;
    interrupt();
  }

  public void clearInterrupt() {
    interruptRequested = false;
    stopReason = null;
  }

  /** The context of the evaluation running on this thread, or null outside one. */
  public static Context current() {
    return CURRENT.get();
  }

  /** Makes this the current context of this thread; returns the previous one for {@link #exit}. */
  public Context enter() {
    Context prev = CURRENT.get();
    CURRENT.set(this);
    return prev;
  }

  public static void exit(Context prev) {
    if (prev == null) CURRENT.remove();
    else CURRENT.set(prev);
  }

  /**
   * For loops over user-sized data in code that has no Context at hand (iteration helpers,
   * kernels): every 4096th index polls the interrupt of the evaluation running on this thread.
   */
  public static void pollEvery(long i) {
    if ((i & 4095) == 0) {
      Context c = CURRENT.get();
      if (c != null) {
        c.checkInterrupt();
        MemoryGuard.check();
      }
    }
  }

  public boolean interruptRequested() { return interruptRequested; }

  /** Limits the number of loop iterations and calls (for untrusted or fuzzed programs). */
  public void setStepLimit(long limit) {
    stepLimit = limit;
    steps = 0;
  }

  /** Called by loops and calls when the budget runs out. */
  public void poll() {
    steps += POLL_INTERVAL - Math.min(budget, 0);
    budget = POLL_INTERVAL;
    MemoryGuard.check();
    if (interruptRequested) {
      interruptRequested = false;
      String reason = stopReason;
      stopReason = null;
      if (reason != null) throw TangentError.runtime(reason);
      throw new TangentError(TangentError.Kind.INTERRUPT, "interrupted", null);
    }
    if (steps > stepLimit) {
      throw TangentError.runtime("step limit of " + stepLimit + " exceeded");
    }
  }

  /** Long-running built-ins call this between chunks of work. */
  public void checkInterrupt() {
    if (interruptRequested) poll();
  }

  /** Per-interpreter state of a module (random generators, caches). */
  @SuppressWarnings("unchecked")
  public <T> T state(Object key, java.util.function.Supplier<T> init) {
    return (T) moduleState.computeIfAbsent(key, k -> init.get());
  }

  /** Calls a script value as a function. */
  public Object call(Object fn, Object... args) {
    if (fn instanceof Callable c) return c.call(this, args, null);
    throw TangentError.runtime(Types.typeName(fn) + " is not callable");
  }
}
