package dev.tangent.drdm.recover;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.drdm.data.ImageSet;
import dev.tangent.drdm.field.Deformation;
import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.drdm.field.kernel.Interp;
import dev.tangent.drdm.field.kernel.Padding;
import dev.tangent.drdm.net.RecResACNet;
import dev.tangent.drdm.train.TrainRandom;
import dev.tangent.nn.engine.Session;
import dev.tangent.progress.Progress;
import dev.tangent.progress.ProgressTask;
import dev.tangent.spi.Context;
import dev.tangent.spi.TMap;
import dev.tangent.spi.TangentError;
import java.nio.file.Path;
import java.util.List;

/**
 * drdm.augment (Algorithm 3) and drdm.synthesize_registration (Algorithm 4). Item (i, k), the k-th
 * output of image i, is one unit of work: its randomness comes from (seed, i, k) alone and its
 * files are its own, so items can run in any order, on any machine, and a rerun skips finished
 * ones.
 */
public final class Synthesis {
  private Synthesis() {}

  /** What augment / synthesize_registration were asked to do. */
  public static final class Spec {
    public RecResACNet net;
    public ImageSet images;
    public ImageSet labels;
    /** One level per output (cycled): augment's T'; registration's (T'_aug, T'_syn) pairs. */
    public int[][] levels;
    public int perImage = 1;
    public Path out;
    public String format;
    public boolean overwrite;
    public long seed;
    public Recovery.Settings settings;
  }

  /** The k-th output name of image i, e.g. "image_0003_aug002_t48". */
  static String itemName(ImageSet images, int i, int k, int[] level) {
    StringBuilder sb = new StringBuilder(images.name(i)).append(String.format("_aug%03d", k));
    for (int l : level) sb.append(String.format("_t%02d", l));
    return sb.toString();
  }

  public static TMap augment(Session s, Spec spec) {
    String fn = "augment()";
    Context ctx = s.ctx();
    if (spec.labels != null && spec.labels.size() != spec.images.size()) {
      throw TangentError.runtime(fn + ": " + spec.images.size() + " images but " + spec.labels.size() + " label maps");
    }
    OutputFolder f = new OutputFolder(spec.out, OutputFolder.Format.parse(spec.format, spec.images.nd(), fn), spec.overwrite, ctx, fn,
        "images", "labels", "fields");
    int written = 0, skipped = 0;
    try (ProgressTask bar = Progress.start(ctx, "drdm.augment", (long) spec.images.size() * spec.perImage)) {
      for (int i = 0; i < spec.images.size(); i++) {
        Grid g = grid(spec.images, i, fn);
        if (spec.labels != null && !java.util.Arrays.equals(spec.labels.shape(i), g.sizes())) {
          throw TangentError.runtime(fn + ": label map " + i + " has shape " + Grid.text(spec.labels.shape(i)) + ", its image " + g);
        }
        for (int k = 0; k < spec.perImage; k++) {
          int[] level = spec.levels[k % spec.levels.length];
          String name = itemName(spec.images, i, k, level);
          Path img = f.image("images", name), lab = f.image("labels", name), fld = f.field(name);
          if (f.done(spec.labels == null ? List.of(img, fld) : List.of(img, lab, fld))) {
            skipped++;
            bar.step();
            continue;
          }
          Tensor i0 = Tensor.ofFloats(g.sizes(), spec.images.image(i, null, ctx));
          Recovery.Result r = Recovery.run(s, spec.net, i0, g, level[0], 1, TrainRandom.mix(spec.seed, i, k), spec.settings, ctx);
          f.writeImage(img, r.images().toFloatArray(), g, false, fn);
          if (spec.labels != null) {
            Tensor l0 = Tensor.ofFloats(g.sizes(), spec.labels.raw(i));
            f.writeImage(lab, r.fields().warp(l0, Interp.NEAREST, Padding.ZEROS, ctx).toFloatArray(), g, true, fn);
          }
          f.writeField(fld, r.fields().sample(0));
          written++;
          bar.step();
        }
      }
    }
    return summary(f, written, skipped);
  }

  public static TMap registration(Session s, Spec spec) {
    String fn = "synthesize_registration()";
    Context ctx = s.ctx();
    OutputFolder f = new OutputFolder(spec.out, OutputFolder.Format.parse(spec.format, spec.images.nd(), fn), spec.overwrite, ctx, fn,
        "moving", "fixed", "fields");
    int written = 0, skipped = 0;
    try (ProgressTask bar = Progress.start(ctx, "drdm.synthesize_registration", (long) spec.images.size() * spec.perImage)) {
      for (int i = 0; i < spec.images.size(); i++) {
        Grid g = grid(spec.images, i, fn);
        for (int k = 0; k < spec.perImage; k++) {
          int[] level = spec.levels[k % spec.levels.length];
          String name = itemName(spec.images, i, k, level);
          Path mv = f.image("moving", name), fx = f.image("fixed", name), fld = f.field(name);
          if (f.done(List.of(mv, fx, fld))) {
            skipped++;
            bar.step();
            continue;
          }
          Tensor i0 = Tensor.ofFloats(g.sizes(), spec.images.image(i, null, ctx));
          Recovery.Result aug = Recovery.run(s, spec.net, i0, g, level[0], 1, TrainRandom.mix(spec.seed, i, k, 0), spec.settings, ctx);
          Tensor moving = aug.images().reshape(g.sizes());
          Recovery.Result syn = Recovery.run(s, spec.net, moving, g, level[1], 1, TrainRandom.mix(spec.seed, i, k, 1), spec.settings, ctx);
          Deformation phiSyn = syn.fields().sample(0);
          // I_fx = φ_syn ∘ φ_aug (I_0): the original image warped once by the composed field.
          Deformation both = phiSyn.compose(aug.fields().sample(0), Padding.BORDER, ctx);
          Tensor fixed = both.warp(i0, spec.settings.mode(), Padding.ZEROS, ctx);
          f.writeImage(mv, moving.toFloatArray(), g, false, fn);
          f.writeImage(fx, fixed.toFloatArray(), g, false, fn);
          f.writeField(fld, phiSyn);
          written++;
          bar.step();
        }
      }
    }
    return summary(f, written, skipped);
  }

  private static Grid grid(ImageSet images, int i, String fn) {
    Grid g = Grid.of(images.shape(i), fn);
    for (int k = 0; k < g.nd; k++) {
      if (g.size(k) % RecResACNet.SIDE_MULTIPLE != 0) {
        throw TangentError.runtime(fn + ": image " + images.name(i) + " has shape " + g + "; every side must be a multiple of "
            + RecResACNet.SIDE_MULTIPLE + " for the network");
      }
    }
    return g;
  }

  private static TMap summary(OutputFolder f, int written, int skipped) {
    TMap m = new TMap();
    m.put("written", (double) written);
    m.put("skipped", (double) skipped);
    m.put("out", f.root.toString());
    return m;
  }
}
