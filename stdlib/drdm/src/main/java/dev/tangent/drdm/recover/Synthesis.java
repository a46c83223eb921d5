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
    /** schedule, mode and padding as given (what travels to executors). */
    public String[] settingNames = {"paper", "linear", "zeros"};
  }

  /** The k-th output name of image i, e.g. "image_0003_aug002_t48". */
  static String itemName(String image, int k, int[] level) {
    StringBuilder sb = new StringBuilder(image).append(String.format("_aug%03d", k));
    for (int l : level) sb.append(String.format("_t%02d", l));
    return sb.toString();
  }

  /**
   * One input image as a unit of distributable work: its index (for the seeds and default names),
   * its output name stem, its pixels normalised to [0, 1], its shape and its label map as read
   * (null without labels).
   */
  public record Image(int index, String name, float[] pixels, int[] shape, float[] labels) implements java.io.Serializable {}

  /** The images (and labels) of a spec, checked (label shapes, sides the network takes), in order. */
  public static List<Image> images(Spec spec, String fn, Context ctx) {
    if (spec.labels != null && spec.labels.size() != spec.images.size()) {
      throw TangentError.runtime(fn + ": " + spec.images.size() + " images but " + spec.labels.size() + " label maps");
    }
    List<Image> out = new java.util.ArrayList<>();
    for (int i = 0; i < spec.images.size(); i++) {
      ctx.checkInterrupt();
      Grid g = grid(spec.images, i, fn);
      if (spec.labels != null && !java.util.Arrays.equals(spec.labels.shape(i), g.sizes())) {
        throw TangentError.runtime(fn + ": label map " + i + " has shape " + Grid.text(spec.labels.shape(i)) + ", its image " + g);
      }
      out.add(new Image(i, spec.images.name(i), spec.images.image(i, null, ctx), g.sizes(), spec.labels == null ? null : spec.labels.raw(i)));
    }
    return out;
  }

  /**
   * The output folder of augment (images/, labels/, fields/) or synthesize_registration (moving/,
   * fixed/, fields/), created, its sub-folders too; the write permission is checked in ctx.
   */
  public static OutputFolder folder(boolean registration, Path out, String format, int nd, boolean overwrite, Context ctx) {
    String fn = registration ? "synthesize_registration()" : "augment()";
    OutputFolder.Format fmt = OutputFolder.Format.parse(format, nd, fn);
    return registration ? new OutputFolder(out, fmt, overwrite, ctx, fn, "moving", "fixed", "fields")
        : new OutputFolder(out, fmt, overwrite, ctx, fn, "images", "labels", "fields");
  }

  public static TMap augment(Session s, Spec spec) {
    Context ctx = s.ctx();
    List<Image> images = images(spec, "augment()", ctx);
    OutputFolder f = folder(false, spec.out, spec.format, spec.images.nd(), spec.overwrite, ctx);
    int[] counts = new int[2];
    try (ProgressTask bar = Progress.start(ctx, "drdm.augment", (long) images.size() * spec.perImage)) {
      for (Image im : images) augment(s, spec.net, spec.levels, spec.perImage, spec.seed, spec.settings, f, im, counts, bar::step);
    }
    return summary(f, counts[0], counts[1]);
  }

  /** Outputs k = 0..perImage-1 of one image not yet finished; counts[0] += written, counts[1] += skipped. */
  public static void augment(Session s, RecResACNet net, int[][] levels, int perImage, long seed, Recovery.Settings st, OutputFolder f,
      Image im, int[] counts, Runnable step) {
    String fn = "augment()";
    Context ctx = s.ctx();
    Grid g = Grid.of(im.shape(), fn);
    for (int k = 0; k < perImage; k++) {
      String name = itemName(im.name(), k, levels[k % levels.length]);
      List<Path> files = augmentFiles(f, name, im.labels() != null);
      if (f.done(files)) {
        counts[1]++;
        step.run();
        continue;
      }
      Tensor i0 = Tensor.ofFloats(g.sizes(), im.pixels().clone());
      Recovery.Result r = Recovery.run(s, net, i0, g, levels[k % levels.length][0], 1, TrainRandom.mix(seed, im.index(), k), st, ctx);
      f.writeImage(files.get(0), r.images().toFloatArray(), g, false, fn);
      if (im.labels() != null) {
        Tensor l0 = Tensor.ofFloats(g.sizes(), im.labels().clone());
        f.writeImage(files.get(1), r.fields().warp(l0, Interp.NEAREST, Padding.ZEROS, ctx).toFloatArray(), g, true, fn);
      }
      f.writeField(files.get(files.size() - 1), r.fields().sample(0));
      counts[0]++;
      step.run();
    }
  }

  public static TMap registration(Session s, Spec spec) {
    Context ctx = s.ctx();
    List<Image> images = images(spec, "synthesize_registration()", ctx);
    OutputFolder f = folder(true, spec.out, spec.format, spec.images.nd(), spec.overwrite, ctx);
    int[] counts = new int[2];
    try (ProgressTask bar = Progress.start(ctx, "drdm.synthesize_registration", (long) images.size() * spec.perImage)) {
      for (Image im : images) registration(s, spec.net, spec.levels, spec.perImage, spec.seed, spec.settings, f, im, counts, bar::step);
    }
    return summary(f, counts[0], counts[1]);
  }

  /** Pairs k = 0..perImage-1 of one image not yet finished; counts as in augment. */
  public static void registration(Session s, RecResACNet net, int[][] levels, int perImage, long seed, Recovery.Settings st,
      OutputFolder f, Image im, int[] counts, Runnable step) {
    String fn = "synthesize_registration()";
    Context ctx = s.ctx();
    Grid g = Grid.of(im.shape(), fn);
    for (int k = 0; k < perImage; k++) {
      int[] level = levels[k % levels.length];
      List<Path> files = registrationFiles(f, itemName(im.name(), k, level));
      if (f.done(files)) {
        counts[1]++;
        step.run();
        continue;
      }
      Tensor i0 = Tensor.ofFloats(g.sizes(), im.pixels().clone());
      Recovery.Result aug = Recovery.run(s, net, i0, g, level[0], 1, TrainRandom.mix(seed, im.index(), k, 0), st, ctx);
      Tensor moving = aug.images().reshape(g.sizes());
      Recovery.Result syn = Recovery.run(s, net, moving, g, level[1], 1, TrainRandom.mix(seed, im.index(), k, 1), st, ctx);
      Deformation phiSyn = syn.fields().sample(0);
      // I_fx = φ_syn ∘ φ_aug (I_0): the original image warped once by the composed field.
      Deformation both = phiSyn.compose(aug.fields().sample(0), Padding.BORDER, ctx);
      Tensor fixed = both.warp(i0, st.mode(), Padding.ZEROS, ctx);
      f.writeImage(files.get(0), moving.toFloatArray(), g, false, fn);
      f.writeImage(files.get(1), fixed.toFloatArray(), g, false, fn);
      f.writeField(files.get(2), phiSyn);
      counts[0]++;
      step.run();
    }
  }

  /** How many of an image's outputs are finished (all their files there). */
  public static int finished(OutputFolder f, boolean registration, int[][] levels, int perImage, Image im) {
    int n = 0;
    for (int k = 0; k < perImage; k++) {
      String name = itemName(im.name(), k, levels[k % levels.length]);
      if (f.done(registration ? registrationFiles(f, name) : augmentFiles(f, name, im.labels() != null))) n++;
    }
    return n;
  }

  /** images/, [labels/,] fields/ files of one augment output. */
  private static List<Path> augmentFiles(OutputFolder f, String name, boolean labels) {
    Path img = f.image("images", name), fld = f.field(name);
    return labels ? List.of(img, f.image("labels", name), fld) : List.of(img, fld);
  }

  private static List<Path> registrationFiles(OutputFolder f, String name) {
    return List.of(f.image("moving", name), f.image("fixed", name), f.field(name));
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

  public static TMap summary(OutputFolder f, int written, int skipped) {
    TMap m = new TMap();
    m.put("written", (double) written);
    m.put("skipped", (double) skipped);
    m.put("out", f.root.toString());
    return m;
  }
}
