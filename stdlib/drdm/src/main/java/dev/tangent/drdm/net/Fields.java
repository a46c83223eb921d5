package dev.tangent.drdm.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.tangent.spi.TangentError;

/** Displacement fields as the loss functions and stn() take them: [nd, X...] or [B, nd, X...]. */
public final class Fields {
  private Fields() {}

  public record Batch(NDArray nd, boolean batched, int dims) {}

  /**
   * Rank 3 is a 2-D field [2, H, W]; rank 5 a batch of 3-D fields; rank 4 is a batch of 2-D fields
   * when axis 1 has 2 components, else a 3-D field [3, D, H, W].
   */
  public static Batch batch(NDArray f, String fn) {
    Shape s = f.getShape();
    int rank = s.dimension();
    if (rank == 3 && s.get(0) == 2) return new Batch(f.expandDims(0), false, 2);
    if (rank == 4 && s.get(1) == 2) return new Batch(f, true, 2);
    if (rank == 4 && s.get(0) == 3) return new Batch(f.expandDims(0), false, 3);
    if (rank == 5 && s.get(1) == 3) return new Batch(f, true, 3);
    throw TangentError.runtime(fn + ": a displacement field is [2, H, W], [B, 2, H, W], [3, D, H, W] or [B, 3, D, H, W] "
        + "(component k along axis k), got shape " + s);
  }

  /** Two fields of the same shape. */
  public static void same(Batch a, Batch b, String fn, String what) {
    if (!a.nd().getShape().equals(b.nd().getShape())) {
      throw TangentError.runtime(fn + ": " + what + " have shapes " + a.nd().getShape() + " and " + b.nd().getShape()
          + "; they must match");
    }
  }
}
