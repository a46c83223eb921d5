package dev.tangent.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import dev.tangent.spi.TangentError;
import dev.tangent.nn.engine.Grad;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.layers.Block;
import dev.tangent.nn.layers.Forward;
import dev.tangent.nn.optim.Optimizer;
import dev.tangent.spi.Context;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * The training loop behind nn.train(): minibatches in a seeded order, forward, loss, backward,
 * optimiser step, progress, and periodic atomic checkpoints. A run resumed from its last checkpoint
 * replays the same batches with the same weights, optimiser state and random stream, so it ends
 * where the uninterrupted run would have.
 */
public final class Trainer {
  /** What nn.train() was asked to do. */
  public static final class Spec {
    public Block model;
    public Optimizer optimizer;
    public NDArray x;
    public NDArray y;
    public BiFunction<NDArray, NDArray, NDArray> loss;
    public int epochs = 1;
    public int batchSize = 32;
    public boolean shuffle = true;
    public long seed;
    public Path checkpoint;
    public long checkpointEvery = 100;
    public boolean resume = true;
    public String progress = "auto";
  }

  private Trainer() {}

  public static TMap run(Session s, Spec spec) {
    Context ctx = s.ctx();
    long n = spec.x.getShape().get(0);
    if (spec.y.getShape().get(0) != n) {
      throw TangentError.runtime("train(): the inputs have " + n + " samples but the targets " + spec.y.getShape().get(0));
    }
    if (spec.batchSize < 1) throw TangentError.runtime("train(): batch_size must be at least 1");
    long perEpoch = (n + spec.batchSize - 1) / spec.batchSize;
    long total = perEpoch * spec.epochs;

    TrainState st = null;
    if (spec.checkpoint != null && spec.resume) st = Checkpoint.load(spec.checkpoint, spec.model, spec.optimizer);
    Long resumedFrom = null;
    if (st != null) {
      if (st.batchSize != spec.batchSize || st.samples != n) {
        throw TangentError.runtime("train(): the checkpoint " + spec.checkpoint + " was written with batch_size " + st.batchSize
            + " and " + st.samples + " samples; this run has " + spec.batchSize + " and " + n);
      }
      s.restoreRandom(st.rngSeed, st.rngCounter);
      resumedFrom = st.step;
      ctx.out.println("train: resumed from step " + st.step + " (" + spec.checkpoint + ")");
      ctx.out.flush();
    } else {
      st = new TrainState();
      st.dataSeed = spec.seed;
      st.batchSize = spec.batchSize;
      st.samples = n;
    }

    spec.model.setTraining(true);
    Forward fwd = new Forward(s, true);
    NDManager m = spec.x.getManager();
    long t0 = System.nanoTime();
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long firstStep = st.step;
    try (Progress progress = Progress.create(spec.progress, ctx, st.step, total)) {
      while (st.epoch < spec.epochs) {
        long[] order = order(n, spec.shuffle, st.dataSeed, st.epoch);
        for (; st.batch < perEpoch; st.batch++) {
          ctx.checkInterrupt();
          int from = (int) (st.batch * spec.batchSize);
          int to = (int) Math.min(n, from + spec.batchSize);
          double loss = step(spec, fwd, m, java.util.Arrays.copyOfRange(order, from, to));
          st.step++;
          st.lastLoss = loss;
          st.epochLossSum += loss;
          st.epochLossCount++;
          progress.update(st.step, total, st.epoch, spec.epochs, loss);
          if (spec.checkpoint != null && st.step % spec.checkpointEvery == 0 && st.step < total) {
            TrainState at = st;
            at.batch++;
            saveAt(s, spec, at);
            at.batch--;
          }
        }
        st.history.add(st.epochLossSum / Math.max(1, st.epochLossCount));
        st.epochLossSum = 0;
        st.epochLossCount = 0;
        st.batch = 0;
        st.epoch++;
      }
    }
    if (spec.checkpoint != null) saveAt(s, spec, st);
    TMap out = new TMap();
    out.put("steps", (double) st.step);
    out.put("epochs", (double) st.epoch);
    out.put("loss", st.lastLoss);
    TList hist = new TList();
    for (double h : st.history) hist.items.add(h);
    out.put("history", hist);
    out.put("resumed_from", resumedFrom == null ? dev.tangent.spi.Nil.NIL : (Object) (double) resumedFrom);
    out.put("seconds", (System.nanoTime() - t0) / 1e9);
    // CPU time of this thread (where libtorch computes when it runs one thread): steadier than the
    // wall clock on a busy machine.
    out.put("cpu_seconds", (threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
    out.put("steps_per_second", (st.step - firstStep) / Math.max(1e-9, (System.nanoTime() - t0) / 1e9));
    return out;
  }

  private static void saveAt(Session s, Spec spec, TrainState st) {
    st.rngSeed = s.seed();
    st.rngCounter = s.counter();
    Checkpoint.save(spec.checkpoint, spec.model, spec.optimizer, st);
  }

  /** One optimisation step on the given rows; returns the batch loss. */
  private static double step(Spec spec, Forward fwd, NDManager m, long[] rows) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      Grad.set(true);
      NDArray idx = dev.tangent.nn.engine.Owned.of(m, rows, new ai.djl.ndarray.types.Shape(rows.length)).toDevice(spec.x.getDevice(), false);
      NDArray xb = spec.x.get(new NDIndex("{}", idx));
      NDArray yb = spec.y.get(new NDIndex("{}", idx));
      NDArray pred = spec.model.forward(fwd, xb);
      NDArray loss = spec.loss.apply(pred, yb);
      if (loss.getShape().size() != 1) {
        throw TangentError.runtime("train(): the loss must be a scalar, got shape " + loss.getShape());
      }
      Grad.backward(loss);
      spec.optimizer.step();
      spec.optimizer.zeroGrad();
      return loss.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
    }
  }

  /** The sample order of one epoch: a Fisher-Yates shuffle seeded by (seed, epoch), so it is reproducible. */
  static long[] order(long n, boolean shuffle, long seed, int epoch) {
    long[] o = new long[(int) n];
    for (int i = 0; i < o.length; i++) o[i] = i;
    if (!shuffle) return o;
    SplittableRandom r = new SplittableRandom(Session.mix(seed, epoch));
    for (int i = o.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      long t = o[i];
      o[i] = o[j];
      o[j] = t;
    }
    return o;
  }
}
