package dev.tangent.drdm.train;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.plot.Figure;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Context;
import dev.tangent.spi.Modules;
import dev.tangent.spi.TangentError;
import java.io.IOException;
import java.nio.file.Path;

/** The loss-curve PNG of a training run, drawn by plot.line (written atomically by Figure.save). */
final class LossCurve {
  private LossCurve() {}

  static void write(Context ctx, Path png, double[] losses) {
    if (losses.length == 0) return;
    Callable line = (Callable) Modules.get().module("plot").exports().get("line");
    Object fig = line.call(ctx, new Object[] {Tensor.vector(losses), "drdm.train: loss per step", "step", "loss"},
        new String[] {"title", "xlabel", "ylabel"});
    try {
      ((Figure) fig).save(ctx.permissions.checkWrite(png));
    } catch (IOException e) {
      throw TangentError.runtime("train(): could not write the loss curve " + png + ": " + e.getMessage());
    }
  }
}
