package dev.tangent.drdm.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tangent.drdm.data.ImageSet;
import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.drdm.field.kernel.Interp;
import dev.tangent.drdm.field.kernel.Planes;
import dev.tangent.drdm.field.kernel.Warp;
import dev.tangent.drdm.net.NetInputs;
import dev.tangent.drdm.net.RecResACNet;
import dev.tangent.drdm.net.loss.RecoveryLoss;
import dev.tangent.drdm.net.warp.Padding;
import dev.tangent.drdm.sampler.ForwardSampler;
import dev.tangent.drdm.sampler.GaussianNoise;
import dev.tangent.nn.engine.Grad;
import dev.tangent.nn.engine.Owned;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.layers.Forward;
import dev.tangent.nn.optim.Adam;
import dev.tangent.nn.optim.Optimizer;
import dev.tangent.nn.train.Checkpoint;
import dev.tangent.progress.Progress;
import dev.tangent.progress.ProgressTask;
import dev.tangent.spi.Context;
import dev.tangent.spi.Nil;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.TangentError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * drdm.train: Algorithm 1 of the paper as the reference's DRDM_train.py runs it. Each step draws
 * a batch of images, augments them, draws t ~ U{0..79} per image, samples ψ_{t:1} and ψ_t with the
 * forward diffusion, warps the images by ψ_{t:1} (bilinear, border padding: the training
 * DeformDDPM's defaults), predicts ψ̂ with the network (two passes) and takes one Adam step on
 * dist + ang + reg. Everything random in step k comes from (seed, k), so a run resumed from the
 * checkpoint of step k continues as the uninterrupted run. The checkpoint (model, Adam state, step,
 * losses) is written atomically after every {@code every} steps and at the end.
 */
public final class DrdmTrainer {
  private DrdmTrainer() {}

  /** What drdm.train() was asked to do. */
  public static final class Spec {
    public RecResACNet net;
    public ImageSet images;
    public int[] size;
    public long steps;
    public int batch = 1;
    public double lr = 1e-4;
    public boolean augment = true;
    public Path checkpoint;
    public Path curve;
    public boolean resume = true;
    public long every = 1;
    public long seed;
    public Padding padding = Padding.ZEROS;
    public double[] weights = {1, 1, 10};
    public boolean reference;
    public ForwardSampler.Settings sampler = ForwardSampler.Settings.defaults();
    public String progress = "auto";
  }

  static final String FN = "train()";

  public static TMap run(Session s, Spec spec) {
    Context ctx = s.ctx();
    int nd = spec.net.dims();
    Grid grid = Grid.of(spec.size, FN);
    long[] batchShape = new long[2 + nd];
    batchShape[0] = spec.batch;
    batchShape[1] = 1;
    for (int k = 0; k < nd; k++) batchShape[2 + k] = spec.size[k];
    NetInputs.checkSides(new Shape(batchShape), nd, FN);

    Optimizer opt = new Adam(spec.net.allParameters(), spec.lr, 0.9, 0.999, 1e-8, 0, false);
    List<Double> losses = new ArrayList<>();
    long start = 0;
    Object resumedFrom = Nil.NIL;
    if (spec.checkpoint != null && spec.resume) {
      Map<String, String> meta = Checkpoint.restore(spec.checkpoint, spec.net, opt, FN);
      if (meta != null) {
        start = resumeState(meta, spec, losses);
        resumedFrom = (double) start;
        ctx.out.println("train: resumed from step " + start + " (" + spec.checkpoint + ")");
        ctx.out.flush();
      }
    }

    spec.net.setTraining(true);
    Forward fwd = new Forward(s, true);
    NDManager m = s.manager(spec.net.device(s));
    DataType dt = spec.net.floatType();
    long t0 = System.nanoTime();
    long done = start;
    try (ProgressTask bar = Progress.startNow(ctx, "drdm.train", spec.steps, mode(spec.progress))) {
      bar.stepTo(start);
      for (long k = start; k < spec.steps; k++) {
        ctx.checkInterrupt();
        Batch b = batch(spec, grid, k, ctx);
        double loss = step(spec, opt, fwd, m, dt, grid, b, ctx);
        losses.add(loss);
        done = k + 1;
        double rate = (done - start) / Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
        bar.message(String.format("loss %.4f  %.2f steps/s", loss, rate)).stepTo(done);
        if (spec.checkpoint != null && (done % spec.every == 0 || done == spec.steps)) save(spec, opt, done, losses);
      }
    }
    if (spec.checkpoint != null && done == start && start == 0) save(spec, opt, done, losses);
    double[] curve = losses.stream().mapToDouble(Double::doubleValue).toArray();
    if (spec.curve != null) LossCurve.write(ctx, spec.curve, curve);

    TMap out = new TMap();
    out.put("steps", (double) done);
    out.put("loss", losses.isEmpty() ? Nil.NIL : (Object) losses.get(losses.size() - 1));
    TList hist = new TList();
    for (double l : curve) hist.items.add(l);
    out.put("history", hist);
    out.put("resumed_from", resumedFrom);
    double secs = (System.nanoTime() - t0) / 1e9;
    out.put("seconds", secs);
    out.put("steps_per_second", (done - start) / Math.max(1e-9, secs));
    out.put("checkpoint", spec.checkpoint == null ? Nil.NIL : (Object) spec.checkpoint.toString());
    out.put("curve", spec.curve == null ? Nil.NIL : (Object) spec.curve.toString());
    return out;
  }

  private static Progress.Mode mode(String m) {
    switch (m) {
      case "none": case "false": return Progress.Mode.OFF;
      case "bar": return Progress.Mode.BAR;
      case "lines": return Progress.Mode.PLAIN;
      default: return null;
    }
  }

  /** One step's inputs: the images warped by ψ_{t:1}, t, and the targets ψ_t in fraction units. */
  record Batch(float[] images, long[] t, float[] target) {}

  /** The batch of step k, from (seed, k) alone. */
  static Batch batch(Spec spec, Grid g, long k, Context ctx) {
    SplittableRandom r = TrainRandom.stream(spec.seed, k);
    int n = spec.batch, v = g.voxels, nd = g.nd;
    float[] imgs = new float[n * v];
    int[] ts = new int[n];
    for (int b = 0; b < n; b++) {
      float[] img = spec.images.image(r.nextInt(spec.images.size()), spec.size, ctx);
      if (spec.augment) InputAugment.apply(img, g, r, ctx);
      System.arraycopy(img, 0, imgs, b * v, v);
      ts[b] = r.nextInt(RecResACNet.STEPS);
    }
    ForwardSampler.Result f = ForwardSampler.sample(g, ts, new GaussianNoise(r.nextLong()), spec.sampler, ctx);
    float[] warped = new float[n * v];
    for (int b = 0; b < n; b++) {
      Warp.apply(g, f.ddf(), b * nd * v, new Planes(imgs, b * v, 1), new Planes(warped, b * v, 1), Interp.LINEAR,
          dev.tangent.drdm.field.kernel.Padding.BORDER, ctx);
    }
    float unit = dev.tangent.drdm.field.Units.unit(g);
    float[] target = f.dvf();
    for (int i = 0; i < target.length; i++) target[i] /= unit;
    long[] t = new long[n];
    for (int b = 0; b < n; b++) t[b] = ts[b];
    return new Batch(warped, t, target);
  }

  private static double step(Spec spec, Optimizer opt, Forward fwd, NDManager m, DataType dt, Grid g, Batch b, Context ctx) {
    int n = spec.batch, nd = g.nd;
    long[] img = new long[2 + nd], fld = new long[2 + nd];
    img[0] = fld[0] = n;
    img[1] = 1;
    fld[1] = nd;
    for (int k = 0; k < nd; k++) img[2 + k] = fld[2 + k] = g.size(k);
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      Grad.set(true);
      NDArray x = Owned.of(m, b.images(), new Shape(img)).toType(dt, false);
      NDArray t = Owned.of(m, b.t(), new Shape(n));
      NDArray target = Owned.of(m, b.target(), new Shape(fld)).toType(dt, false);
      NDArray pred = spec.net.forward(fwd, x, t, 2, ctx);
      RecoveryLoss.Parts l = RecoveryLoss.compute(pred, target, spec.padding, spec.weights, spec.reference);
      double loss = finish(l);
      Grad.backward(l.total());
      opt.step();
      opt.zeroGrad();
      return loss;
    }
  }

  private static double finish(RecoveryLoss.Parts l) {
    double loss = l.total().toType(DataType.FLOAT64, false).getDouble();
    if (!Double.isFinite(loss)) {
      throw TangentError.runtime(FN + ": the loss is " + loss + "; lower lr or check the images (finite values)");
    }
    return loss;
  }

  // ------------------------------------------------------------------ checkpoints

  static final String STEP = "drdm.step", SEED = "drdm.seed", BATCH = "drdm.batch", SIZE = "drdm.size", LOSSES = "drdm.losses";

  private static void save(Spec spec, Optimizer opt, long step, List<Double> losses) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put(STEP, Long.toString(step));
    meta.put(SEED, Long.toString(spec.seed));
    meta.put(BATCH, Integer.toString(spec.batch));
    meta.put(SIZE, java.util.Arrays.toString(spec.size));
    StringBuilder sb = new StringBuilder();
    for (double l : losses) sb.append(sb.length() > 0 ? "," : "").append(l);
    meta.put(LOSSES, sb.toString());
    Checkpoint.save(spec.checkpoint, spec.net, opt, meta, FN);
  }

  private static long resumeState(Map<String, String> meta, Spec spec, List<Double> losses) {
    if (meta.get(STEP) == null) {
      throw TangentError.runtime(FN + ": " + spec.checkpoint + " is not a drdm.train checkpoint (no step)");
    }
    try {
      long step = Long.parseLong(meta.get(STEP));
      long seed = Long.parseLong(meta.get(SEED));
      int batch = Integer.parseInt(meta.get(BATCH));
      if (seed != spec.seed || batch != spec.batch || !java.util.Arrays.toString(spec.size).equals(meta.get(SIZE))) {
        throw TangentError.runtime(FN + ": the checkpoint " + spec.checkpoint + " was written with seed " + seed + ", batch " + batch
            + " and size " + meta.get(SIZE) + "; this run has seed " + spec.seed + ", batch " + spec.batch + " and size "
            + java.util.Arrays.toString(spec.size))
            .withHint("resume: false starts afresh (and overwrites the checkpoint)");
      }
      String h = meta.getOrDefault(LOSSES, "");
      if (!h.isEmpty()) for (String x : h.split(",")) losses.add(Double.parseDouble(x));
      return step;
    } catch (NumberFormatException e) {
      throw TangentError.runtime(FN + ": the checkpoint's metadata is damaged: " + spec.checkpoint);
    }
  }
}
