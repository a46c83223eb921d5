package dev.tangent.drdm.cluster;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.drdm.recover.OutputFolder;
import dev.tangent.drdm.recover.Synthesis;
import dev.tangent.spark.driver.Distribute;
import dev.tangent.spi.Context;
import dev.tangent.spi.Nil;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The driver's side: checks everything a one-machine call checks, counts the outputs already
 * finished, ships each image (index, name, normalised pixels, labels) as one item and the network
 * as weight bytes inside the work, and runs the work for the images not finished. Outputs and
 * seeds are those of the one-machine call: item (i, k) draws from (seed, i, k) wherever it runs.
 */
public final class ClusterSynthesis {
  private ClusterSynthesis() {}

  /** Most partitions: one image each up to this, then several images per partition. */
  static final int MAX_PARTITIONS = 4096;

  public static TMap run(Context ctx, Object session, Synthesis.Spec spec, boolean registration) {
    String fn = registration ? "synthesize_registration()" : "augment()";
    if (!(session instanceof dev.tangent.spark.value.Session)) {
      throw TangentError.runtime(fn + ": session: must be a spark Session (spark.session(...)), got " + Types.typeName(session));
    }
    List<Synthesis.Image> images = Synthesis.images(spec, fn, ctx);
    OutputFolder f = Synthesis.folder(registration, spec.out, spec.format, spec.images.nd(), spec.overwrite, ctx);
    int skipped = 0;
    List<Object> items = new ArrayList<>();
    for (Synthesis.Image im : images) {
      ctx.checkInterrupt();
      skipped += Synthesis.finished(f, registration, spec.levels, spec.perImage, im);
      items.add(item(im));
    }
    SynthesisWork work = new SynthesisWork(registration, NetBytes.of(spec.net), spec.levels, spec.perImage, spec.seed,
        spec.settingNames, spec.out.toAbsolutePath().normalize().toString(), spec.format, spec.images.nd(), spec.overwrite);
    Object d = Distribute.parallelize(ctx, session, items, Math.min(items.size(), MAX_PARTITIONS));
    Distribute.forEach(ctx, d, work);
    int total = images.size() * spec.perImage;
    return Synthesis.summary(f, total - skipped, skipped);
  }

  /** [index, name, pixels f32 [X...], labels f32 [X...] or nil]: Tangent values, so that spark can ship them. */
  private static TList item(Synthesis.Image im) {
    return TList.of((double) im.index(), im.name(), Tensor.ofFloats(im.shape(), im.pixels()),
        im.labels() == null ? Nil.NIL : Tensor.ofFloats(im.shape(), im.labels()));
  }

  /** The item back on an executor. */
  static Synthesis.Image image(Object item) {
    List<Object> l = ((TList) item).items;
    Tensor px = (Tensor) l.get(2);
    float[] labels = l.get(3) instanceof Tensor t ? t.toFloatArray() : null;
    return new Synthesis.Image((int) (double) (Double) l.get(0), (String) l.get(1), px.toFloatArray(), px.shape(), labels);
  }
}
