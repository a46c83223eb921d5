package dev.tangent.drdm.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.tangent.drdm.field.Deformation;
import dev.tangent.drdm.field.Units;
import dev.tangent.drdm.field.kernel.Grid;

/**
 * What net(img, t) gives a script: the network's field [B, nd, X...] (fraction units, see
 * {@link Units#FRACTION}) as a Deformation in voxels, one field or a batch as the input was.
 */
public final class NetOutputs {
  private NetOutputs() {}

  public static Deformation field(NDArray field, boolean batched) {
    long[] s = field.getShape().getShape();
    int[] spatial = new int[s.length - 2];
    for (int k = 0; k < spatial.length; k++) spatial[k] = (int) s[2 + k];
    Grid g = Grid.of(spatial, "RecResACNet");
    float[] v = field.toType(DataType.FLOAT32, false).toFloatArray();
    float unit = Units.unit(g);
    for (int i = 0; i < v.length; i++) v[i] *= unit;
    return Deformation.wrap(g, (int) s[0], batched, v);
  }
}
