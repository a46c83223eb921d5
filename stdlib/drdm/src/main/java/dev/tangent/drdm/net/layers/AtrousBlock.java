package dev.tangent.drdm.net.layers;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.layers.Block;
import dev.tangent.nn.layers.Conv;
import dev.tangent.nn.layers.Forward;
import dev.tangent.nn.layers.Functional;
import dev.tangent.nn.layers.Holder;

/**
 * The reference AtrousBlock: x = conv0(in) (3x3), optionally InstanceNorm (affine); then two
 * LeakyReLU(1e-6) + 3x3 convolutions with dilations 1 and 3 (padding = dilation), and the
 * residual LeakyReLU(out + x). Children are named as the PyTorch module: conv0, ln, convs.0, convs.1.
 */
public final class AtrousBlock extends Block {
  static final double SLOPE = 1e-6;
  private static final long[] DILATIONS = {1, 3};
  private final Conv conv0;
  private final InstanceNorm norm;
  private final Conv[] convs = new Conv[DILATIONS.length];
  private final long cin;
  private final long cout;

  public AtrousBlock(Session s, int dims, long cin, long cout, boolean normalize, DataType dt, Device d) {
    this.cin = cin;
    this.cout = cout;
    if (normalize) {
      norm = InstanceNorm.create(s.manager(d), cout, dt, d);
      child("ln", norm);
    } else {
      norm = null;
    }
    conv0 = conv3(s, dims, cin, cout, 1, dt, d);
    child("conv0", conv0);
    Holder list = new Holder("ModuleList");
    for (int i = 0; i < DILATIONS.length; i++) {
      convs[i] = conv3(s, dims, cout, cout, DILATIONS[i], dt, d);
      list.withChild(Integer.toString(i), convs[i]);
    }
    child("convs", list);
  }

  private static Conv conv3(Session s, int dims, long cin, long cout, long dilation, DataType dt, Device d) {
    long[] k = fill(dims, 3);
    return new Conv(s, dims, false, cin, cout, k, fill(dims, 1), fill(dims, dilation), new long[dims], fill(dims, dilation), 1,
        true, dt, d);
  }

  static long[] fill(int n, long v) {
    long[] a = new long[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  @Override public NDArray forward(Forward f, NDArray in) {
    NDArray x = conv0.forward(f, in);
    if (norm != null) x = norm.forward(f, x);
    NDArray out = x;
    for (Conv c : convs) out = c.forward(f, Functional.leakyRelu(out, SLOPE));
    return Functional.leakyRelu(out.add(x), SLOPE);
  }

  @Override public String kind() { return "AtrousBlock"; }

  @Override public String describe() {
    return "AtrousBlock(" + cin + " -> " + cout + (norm != null ? ", InstanceNorm" : "") + ", dilations 1, 3)";
  }
}
