package dev.tangent.drdm.field;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.drdm.field.kernel.Grid;

/**
 * Deformations from displacement tensors: [nd, S...] for one field, [B, nd, S...] for a batch,
 * with nd = 2 or 3 channels and nd spatial axes. A 4-D tensor [3, 2, H, W] could be either (a 3-D
 * field with D = 2, or three 2-D fields); batched: says which.
 */
public final class FieldTensors {
  private FieldTensors() {}

  public static Deformation fromTensor(Tensor t, Units units, Boolean batched, String fn) {
    int[] s = t.shape();
    boolean batch;
    if (batched != null) {
      batch = batched;
    } else if (s.length == 3) {
      batch = false;
    } else if (s.length == 5) {
      batch = true;
    } else if (s.length == 4) {
      boolean single = s[0] == 3, many = s[1] == 2;
      if (single && many) {
        throw TangentError.runtime(fn + ": shape " + Grid.text(s) + " is either one 3-D field or a batch of three 2-D fields; "
            + "say which with batched: false or batched: true");
      }
      batch = !single;
    } else {
      throw TangentError.runtime(fn + ": a displacement field has shape (2, H, W), (3, D, H, W), (B, 2, H, W) or (B, 3, D, H, W), got "
          + Grid.text(s));
    }
    int lead = batch ? 2 : 1;
    if (s.length < lead + 2) {
      throw TangentError.runtime(fn + ": a " + (batch ? "batch of fields" : "field") + " needs at least " + (lead + 2) + " axes, got shape " + Grid.text(s));
    }
    int nd = s[lead - 1];
    if (nd != s.length - lead) {
      throw TangentError.runtime(fn + ": a field has one channel per spatial axis (channel k = displacement along axis k), but shape "
          + Grid.text(s) + " has " + nd + " channels and " + (s.length - lead) + " spatial axes");
    }
    int[] spatial = java.util.Arrays.copyOfRange(s, lead, s.length);
    Grid g = Grid.of(spatial, fn);
    int count = batch ? s[0] : 1;
    if (count < 1) throw TangentError.runtime(fn + ": an empty batch of fields");
    return Deformation.of(g, count, batch, t.toFloatArray(), units, fn);
  }
}
