package dev.tangent.drdm.cluster;

import dev.tangent.drdm.recover.OutputFolder;
import dev.tangent.drdm.recover.RecoverCalls;
import dev.tangent.drdm.recover.Recovery;
import dev.tangent.drdm.recover.Synthesis;
import dev.tangent.spark.extend.ItemWork;
import dev.tangent.spi.Context;
import dev.tangent.spi.Permissions;
import java.nio.file.Path;

/**
 * One image's outputs on an executor (spark's ItemWork): finished when all of its outputs'
 * files are there; run writes the missing ones with Synthesis's own code, each file atomically,
 * item (i, k) seeded by (seed, i, k). Executors read and write only inside the output folder,
 * which every executor must reach (a shared file system).
 */
final class SynthesisWork implements ItemWork {
  private static final long serialVersionUID = 1L;

  private final boolean registration;
  private final NetBytes net;
  private final int[][] levels;
  private final int perImage;
  private final long seed;
  private final String[] settings;
  private final String out;
  private final String format;
  private final int nd;
  private final boolean overwrite;

  SynthesisWork(boolean registration, NetBytes net, int[][] levels, int perImage, long seed, String[] settings, String out,
      String format, int nd, boolean overwrite) {
    this.registration = registration;
    this.net = net;
    this.levels = levels;
    this.perImage = perImage;
    this.seed = seed;
    this.settings = settings;
    this.out = out;
    this.format = format;
    this.nd = nd;
    this.overwrite = overwrite;
  }

  private Permissions permissions() { return Permissions.none().allowReadWrite(Path.of(out)); }

  private OutputFolder folder(Context ctx) {
    return Synthesis.folder(registration, Path.of(out), format, nd, overwrite, ctx);
  }

  @Override public boolean finished(Object item) {
    Context ctx = new Context(null, null, permissions(), null);
    return Synthesis.finished(folder(ctx), registration, levels, perImage, ClusterSynthesis.image(item)) == perImage;
  }

  @Override public void run(Object item) {
    ExecutorNets.Loaded l = ExecutorNets.get(net, permissions());
    String fn = registration ? "synthesize_registration()" : "augment()";
    Recovery.Settings st = RecoverCalls.settings(settings[0], settings[1], settings[2], 2, fn);
    Synthesis.Image im = ClusterSynthesis.image(item);
    OutputFolder f = folder(l.ctx());
    int[] counts = new int[2];
    if (registration) Synthesis.registration(l.session(), l.net(), levels, perImage, seed, st, f, im, counts, () -> {});
    else Synthesis.augment(l.session(), l.net(), levels, perImage, seed, st, f, im, counts, () -> {});
  }
}
