package dev.tangent.spark.exec;

import dev.tangent.spark.ship.Shipment;
import dev.tangent.spark.ship.Unpacker;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Context;
import dev.tangent.spi.FunctionShipping;
import dev.tangent.spi.Permissions;
import dev.tangent.spi.TangentError;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.TaskKilledException;

/**
 * Where Tangent functions run on an executor. Each running task borrows a worker: one interpreter
 * (a script host) and a small cache of the shipments it has rebuilt. Workers are pooled per JVM,
 * so the tasks of a stage compile each function once per worker (at most one per core), not per
 * task or element. A watcher thread turns Spark's task kills (a cancelled job) into interrupts of the
 * running Tangent code.
 */
public final class ExecutorRuntime {
  private ExecutorRuntime() {}

  private static final AtomicInteger HOSTS = new AtomicInteger();
  private static final AtomicInteger REBUILDS = new AtomicInteger();
  /** Idle workers of this JVM (an executor): a task borrows one and gives it back when it completes. */
  private static final java.util.concurrent.ConcurrentLinkedDeque<Worker> IDLE = new java.util.concurrent.ConcurrentLinkedDeque<>();
  /** The worker each running task borrowed (by task attempt), so chained functions of a task share it. */
  private static final Map<Long, Worker> BY_TASK = new ConcurrentHashMap<>();
  /** Code run outside a task (the driver's own tests): one worker per thread. */
  private static final ThreadLocal<Worker> OUTSIDE_TASKS = ThreadLocal.withInitial(Worker::new);
  /** How many rebuilt shipments a thread keeps. */
  private static final int CACHE = 16;

  /** Interpreters made in this JVM so far (tests read it in local mode). */
  public static int hostsCreated() { return HOSTS.get(); }

  /** Shipments rebuilt in this JVM so far. */
  public static int rebuilds() { return REBUILDS.get(); }

  /** A shipment opened in this thread's host: its root values, functions rebuilt. */
  public record Opened(FunctionShipping.ScriptHost host, List<Object> roots) {
    public Callable function(int i) { return (Callable) roots.get(i); }

    /**
     * f over xs in one evaluation: the results (map), or the xs for which f is true (filter),
     * added to out; a Tangent error becomes a {@link RemoteTaskError}.
     */
    public void each(Callable f, List<Object> xs, boolean filter, String method, List<Object> out) {
      try {
        host.run(() -> {
          Context ctx = host.context();
          for (Object x : xs) {
            Object r = ctx.call(f, x);
            if (!filter) {
              out.add(r == null ? dev.tangent.spi.Nil.NIL : r);
            } else if (r instanceof Boolean keep) {
              if (keep) out.add(x);
            } else {
              throw TangentError.runtime(method + ": the function must return true or false, got "
                  + dev.tangent.spi.Types.typeName(r));
            }
          }
          return null;
        });
      } catch (TangentError e) {
        throw remote(e);
      }
    }

    /** Calls a shipped function; a Tangent error becomes a {@link RemoteTaskError}. */
    public Object call(Callable f, Object... args) {
      try {
        return host.call(f, args);
      } catch (TangentError e) {
        throw remote(e);
      }
    }
  }

  /** This thread's worker. */
  public static Opened open(Shipment s) {
    return worker().open(s);
  }

  /**
   * The calling task's worker: borrowed from the idle ones (or made) at its first function, given
   * back when the task completes. Spark's task threads come and go (a cached pool), so workers are
   * pooled per JVM, not kept per thread: an executor with n cores makes at most n interpreters.
   */
  private static Worker worker() {
    TaskContext tc = TaskContext.get();
    if (tc == null) return OUTSIDE_TASKS.get();
    long id = tc.taskAttemptId();
    Worker w = BY_TASK.get(id);
    if (w != null) return w;
    Worker borrowed = IDLE.pollFirst();
    Worker mine = borrowed != null ? borrowed : new Worker();
    BY_TASK.put(id, mine);
    tc.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) t -> {
      BY_TASK.remove(id);
      IDLE.addFirst(mine);
    });
    return mine;
  }

  /** A Tangent error as the exception a task fails with (a kill stays a kill). */
  public static RuntimeException remote(TangentError e) {
    TaskContext tc = TaskContext.get();
    if (tc != null && tc.isInterrupted()) return new TaskKilledException(tc.getKillReason().getOrElse(() -> "cancelled"));
    return new RemoteTaskError(FunctionShipping.get().remote(e), describeTask());
  }

  /** "task 3 of stage 5 on executor 1". */
  static String describeTask() {
    TaskContext tc = TaskContext.get();
    if (tc == null) return "a task";
    SparkEnv env = SparkEnv.get();
    String exec = env == null ? "?" : env.executorId();
    return "partition " + tc.partitionId() + " of stage " + tc.stageId()
        + (tc.attemptNumber() > 0 ? " (attempt " + (tc.attemptNumber() + 1) + ")" : "")
        + ("driver".equals(exec) ? ", in the driver's JVM" : ", on executor " + exec);
  }

  /** Throws Spark's kill when the running task was cancelled (polled between elements). */
  public static void checkKilled(TaskContext tc) {
    if (tc != null && tc.isInterrupted()) throw new TaskKilledException(tc.getKillReason().getOrElse(() -> "cancelled"));
  }

  private static final class Worker {
    private final Map<String, FunctionShipping.ScriptHost> hosts = new HashMap<>();
    private final LinkedHashMap<String, Opened> opened = new LinkedHashMap<>(16, 0.75f, true) {
      @Override protected boolean removeEldestEntry(Map.Entry<String, Opened> e) { return size() > CACHE; }
    };

    Opened open(Shipment s) {
      Opened o = opened.get(s.id());
      if (o != null) {
        KillWatcher.watch(o.host.context());
        return o;
      }
      Permissions p = Unpacker.permissions(s);
      FunctionShipping.ScriptHost host = hosts.computeIfAbsent(key(p), k -> newHost(p));
      List<Object> roots;
      try {
        roots = Unpacker.unpack(s, host);
      } catch (TangentError e) {
        throw remote(e);
      }
      REBUILDS.incrementAndGet();
      o = new Opened(host, roots);
      opened.put(s.id(), o);
      KillWatcher.watch(host.context());
      return o;
    }

    private static FunctionShipping.ScriptHost newHost(Permissions p) {
      HOSTS.incrementAndGet();
      PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
      PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
      return FunctionShipping.get().host(out, err, p);
    }

    private static String key(Permissions p) {
      return p.allFiles() + " " + p.processesAllowed() + " " + p.javaAllowed() + " " + p.readableFolders() + " " + p.writableFolders();
    }
  }

  /**
   * Interrupts the Tangent code of tasks that Spark has killed: every 50 ms it looks at the tasks
   * that run Tangent functions and interrupts those whose TaskContext says they were cancelled.
   */
  static final class KillWatcher {
    private static final Map<Context, TaskContext> RUNNING = new ConcurrentHashMap<>();
    private static volatile Thread thread;

    /** The calling task runs Tangent code in {@code ctx} until it completes. */
    static void watch(Context ctx) {
      TaskContext tc = TaskContext.get();
      if (tc == null) return;
      RUNNING.put(ctx, tc);
      tc.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) t -> RUNNING.remove(ctx, t));
      start();
    }

    private static void start() {
      if (thread != null) return;
      synchronized (KillWatcher.class) {
        if (thread != null) return;
        Thread t = new Thread(KillWatcher::loop, "tangent-kill-watcher");
        t.setDaemon(true);
        t.start();
        thread = t;
      }
    }

    private static void loop() {
      while (true) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
        for (Map.Entry<Context, TaskContext> e : RUNNING.entrySet()) {
          if (e.getValue().isInterrupted()) e.getKey().interrupt();
        }
      }
    }

    static Set<Context> running() { return RUNNING.keySet(); }
  }
}
