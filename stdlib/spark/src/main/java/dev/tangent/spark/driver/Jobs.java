package dev.tangent.spark.driver;

import dev.tangent.progress.Progress;
import dev.tangent.progress.ProgressTask;
import dev.tangent.spark.exec.RemoteTaskError;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Context;
import dev.tangent.spi.FunctionShipping;
import dev.tangent.spi.TangentError;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs a Spark action for a script: in a job group of its own, on a driver thread, while the
 * script's thread shows progress over the job's tasks (Spark's status tracker), polls the
 * interrupt (Ctrl-C, interrupt()) and cancels the job group when it comes. A failed job becomes a
 * TangentError: a Tangent error raised in a task comes back positioned in the script, with the
 * task's script frames.
 */
public final class Jobs {
  private Jobs() {}

  private static final AtomicLong GROUPS = new AtomicLong();
  private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "tangent-spark-job");
    t.setDaemon(true);
    return t;
  });

  /**
   * Runs {@code action} (which starts Spark jobs) as the action {@code what} ("collect"); the user
   * functions of the collection's lineage position errors that come back from tasks.
   */
  public static <T> T run(Context ctx, SessionHandle session, String what, Collection<? extends Callable> functions,
                          Supplier<T> action) {
    JavaSparkContext sc = session.live();
    String group = "tangent-" + GROUPS.incrementAndGet();
    Future<T> future = THREADS.submit(() -> {
      sc.setJobGroup(group, what, true);
      try {
        return action.get();
      } finally {
        sc.clearJobGroup();
      }
    });
    ProgressTask progress = Progress.start(ctx, "spark " + what, -1);
    try {
      while (true) {
        try {
          T result = future.get(100, TimeUnit.MILLISECONDS);
          // The action returned, so every task of its jobs is done; Spark's status tracker hears
          // of the last completions asynchronously and may still count fewer.
          long[] tasks = tasks(sc, group);
          if (tasks[1] > 0) {
            progress.total(tasks[1]);
            progress.stepTo(tasks[1]);
          }
          return result;
        } catch (TimeoutException e) {
          long[] tasks = tasks(sc, group);
          if (tasks[1] > 0) progress.total(tasks[1]);
          progress.stepTo(tasks[0]);   // polls the interrupt
          ctx.checkInterrupt();
        }
      }
    } catch (TangentError e) {
      if (e.kind() == TangentError.Kind.INTERRUPT || ctx.interruptRequested()) cancel(sc, group, future);
      throw e;
    } catch (InterruptedException e) {
      cancel(sc, group, future);
      Thread.currentThread().interrupt();
      throw new TangentError(TangentError.Kind.INTERRUPT, "interrupted", null);
    } catch (ExecutionException e) {
      throw failure(e.getCause(), what, functions);
    } finally {
      progress.close();
    }
  }

  /** Completed and total tasks over the jobs of a group, as far as the tracker knows them. */
  static long[] tasks(JavaSparkContext sc, String group) {
    long done = 0;
    long total = 0;
    var tracker = sc.statusTracker();
    for (int job : tracker.getJobIdsForGroup(group)) {
      SparkJobInfo info = tracker.getJobInfo(job);
      if (info == null) continue;
      for (int stage : info.stageIds()) {
        SparkStageInfo s = tracker.getStageInfo(stage);
        if (s == null) continue;
        done += s.numCompletedTasks();
        total += s.numTasks();
      }
    }
    return new long[] {done, total};
  }

  private static void cancel(JavaSparkContext sc, String group, Future<?> future) {
    sc.cancelJobGroup(group);
    try {
      future.get(30, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // The job ends with a cancellation error: that is what was asked.
    }
  }

  /** A failed job in words: the task's Tangent error, positioned, or Spark's reason. */
  static TangentError failure(Throwable t, String what, Collection<? extends Callable> functions) {
    if (t instanceof TangentError e) return e;
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof RemoteTaskError r) {
        String hint = "raised in " + r.task + (r.error.hint() != null ? "; " + r.error.hint() : "");
        return FunctionShipping.get().error(r.error, hint, functions);
      }
      if (c instanceof OutOfMemoryError) return TangentError.runtime("the Spark job of " + what + " ran out of memory on the driver");
    }
    String msg = Optional.ofNullable(t.getMessage()).orElse(t.getClass().getSimpleName());
    if (msg.contains("cancelled")) return new TangentError(TangentError.Kind.INTERRUPT, "interrupted", null);
    return TangentError.runtime("the Spark job of " + what + " failed: " + SessionHandle.firstLine(msg));
  }
}
