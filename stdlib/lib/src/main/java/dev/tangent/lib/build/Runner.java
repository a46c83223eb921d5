package dev.tangent.lib.build;

import dev.tangent.spi.TangentError;
import dev.tangent.lib.model.Inputs;
import dev.tangent.progress.ProgressTask;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs stages over the data in batches. With several threads, worker w takes batches w, w + T,
 * w + 2T... into its own accumulator and the accumulators are merged in worker order, so a run
 * gives the same sums whatever the timing. The calling thread drives the progress bar and polls
 * Ctrl-C; workers stop at their next batch.
 */
public final class Runner {
  private Runner() {}

  /** The most samples one worker takes at a time (so that threads share even a single batch). */
  static final int UNIT = 1024;

  /** One pass of stage st over data; progress advances by the samples read. */
  public static StageAccumulator pass(LibBuild b, Stage st, Inputs data, ProgressTask progress) {
    int batch = Math.min(b.opt.batch(), UNIT);
    int nBatches = (data.count + batch - 1) / batch;
    int threads = Math.max(1, Math.min(b.opt.threads(), nBatches));
    long base = progress == null ? 0 : progress.current();
    if (threads == 1) {
      StageAccumulator a = b.newAccumulator(st);
      Cache[] shared = caches(b, null);
      Cache[] caches = caches(b, shared);
      try {
        for (int i = 0; i < nBatches; i++) {
          int from = i * batch;
          int n = Math.min(batch, data.count - from);
          b.accumulate(a, data.rows(from, n), n, caches);
          if (progress != null) progress.stepTo(base + from + n);
        }
      } finally {
        close(caches);
        close(shared);
      }
      return a;
    }
    // Each worker calls single-threaded BLAS: OpenBLAS's own threads would fight the workers for the cores.
    int blasBefore = org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads();
    org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
    try {
      return parallel(b, st, data, progress, threads, batch, nBatches, base);
    } finally {
      org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(blasBefore);
    }
  }

  private static StageAccumulator parallel(LibBuild b, Stage st, Inputs data, ProgressTask progress, int threads, int batch, int nBatches, long base) {
    List<StageAccumulator> accs = new ArrayList<>();
    AtomicLong done = new AtomicLong();
    Throwable[] failure = new Throwable[1];
    java.util.concurrent.atomic.AtomicBoolean cancel = new java.util.concurrent.atomic.AtomicBoolean();
    List<Thread> workers = new ArrayList<>();
    Cache[] shared = caches(b, null);
    for (int w = 0; w < threads; w++) {
      StageAccumulator a = b.newAccumulator(st);
      accs.add(a);
      int wi = w;
      Thread t = new Thread(() -> {
        Cache[] caches = caches(b, shared);
        try {
          for (int i = wi; i < nBatches && !cancel.get(); i += threads) {
            int from = i * batch;
            int n = Math.min(batch, data.count - from);
            b.accumulate(a, data.rows(from, n), n, caches);
            done.addAndGet(n);
          }
        } catch (Throwable e) {
          synchronized (failure) {
            if (failure[0] == null) failure[0] = e;
          }
          cancel.set(true);
        } finally {
          close(caches);
        }
      }, "lib-worker-" + w);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
    try {
      for (Thread t : workers) {
        while (t.isAlive()) {
          t.join(100);
          if (progress != null) progress.stepTo(base + done.get());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw TangentError.runtime("interrupted");
    } catch (RuntimeException e) {
      cancel.set(true);
      for (Thread t : workers) {
        try {
          t.join();
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
        }
      }
      close(shared);
      throw e;
    }
    close(shared);
    if (failure[0] instanceof RuntimeException r) throw r;
    if (failure[0] instanceof Error err) throw err;
    if (failure[0] != null) throw new IllegalStateException(failure[0]);
    StageAccumulator total = accs.get(0);
    for (int w = 1; w < accs.size(); w++) total.merge(accs.get(w));
    return total;
  }

  static void close(Cache[] caches) {
    for (Cache c : caches) c.close();
  }

  private static Cache[] caches(LibBuild b, Cache[] parents) {
    Cache[] c = new Cache[b.model.count()];
    for (int i = 0; i < c.length; i++) c[i] = new Cache(parents == null ? null : parents[i]);
    return c;
  }

  /** Runs every remaining stage (lib.build). */
  public static void complete(LibBuild b, Inputs data, ProgressTask progress) {
    Stage st;
    while ((st = b.next()) != null) {
      if (progress != null) progress.message(describe(b, st));
      long t0 = System.nanoTime();
      StageAccumulator a = pass(b, st, data, progress);
      long t1 = System.nanoTime();
      b.finish(a);
      long t2 = System.nanoTime();
      b.timings.merge("pass " + describe(b, st), (t1 - t0) / 1e9, Double::sum);
      b.timings.merge("solve " + describe(b, st), (t2 - t1) / 1e9, Double::sum);
    }
  }

  static String describe(LibBuild b, Stage st) {
    switch (st.kind()) {
      case MOMENTS: return "means and Grams";
      case EDGES: return "edges";
      default: return "Jacobians at " + b.model.layers.get(st.layer());
    }
  }
}
