package dev.tangent.drdm.cluster;

import dev.tangent.drdm.net.RecResACNet;
import dev.tangent.nn.engine.Session;
import dev.tangent.spi.Context;
import dev.tangent.spi.Permissions;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The networks of this executor JVM: one per task thread (usually one per executor core; Spark
 * may start a fresh thread for a task), made from the weight bytes the first time that thread
 * sees them and kept for every later task on it. Per thread, not shared, because an nn session and its forward passes
 * belong to one thread; the weights are read once per core, not once per image.
 */
final class ExecutorNets {
  private ExecutorNets() {}

  /** A thread's context (no output; the permissions of the work it runs), engine session and network. */
  record Loaded(String digest, Context ctx, Session session, RecResACNet net) {}

  private static final ThreadLocal<Loaded> LOADED = new ThreadLocal<>();
  private static final AtomicInteger LOADS = new AtomicInteger();

  /** How many networks this JVM built from bytes (for tests: once per task thread, not per image). */
  static int loads() { return LOADS.get(); }

  static Loaded get(NetBytes bytes, Permissions permissions) {
    Loaded l = LOADED.get();
    if (l == null || !l.digest().equals(bytes.digest())) {
      PrintWriter quiet = new PrintWriter(Writer.nullWriter());
      Context ctx = new Context(quiet, quiet, permissions, null);
      Session s = Session.of(ctx);
      l = new Loaded(bytes.digest(), ctx, s, bytes.load(s));
      LOADS.incrementAndGet();
      LOADED.set(l);
    }
    l.ctx().permissions = permissions;
    Session.of(l.ctx());
    return l;
  }
}
