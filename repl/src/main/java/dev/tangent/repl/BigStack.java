package dev.tangent.repl;

import java.util.concurrent.ThreadFactory;

/**
 * Threads that run script code. Their 1 GB stack (reserved, committed only as it is used) is
 * deeper than the interpreter's call-depth limit allows a script to go, so deep recursion ends in
 * Tangent's "stack overflow in 'f'" error rather than a JVM crash.
 */
final class BigStack {
  private BigStack() {}

  static final long STACK_BYTES = 1L << 30;

  static ThreadFactory threads(String name) {
    return work -> {
      Thread t = new Thread(null, work, name, STACK_BYTES);
      t.setDaemon(true);
      return t;
    };
  }

  /** Runs {@code work} on a fresh big-stack thread and waits for it; its exception is rethrown. */
  static <T> T call(String name, java.util.concurrent.Callable<T> work) throws Throwable {
    Object[] result = new Object[1];
    Throwable[] failure = new Throwable[1];
    Thread t = threads(name).newThread(() -> {
      try {
        result[0] = work.call();
      } catch (Throwable e) {
        failure[0] = e;
      }
    });
    t.start();
    t.join();
    if (failure[0] != null) throw failure[0];
    @SuppressWarnings("unchecked") T r = (T) result[0];
    return r;
  }
}
