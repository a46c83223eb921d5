package dev.tangent.nn.layers;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tangent.spi.TangentError;
import dev.tangent.nn.engine.Session;
import java.util.Arrays;

/**
 * Convolution over 2 or 3 spatial axes (input [N, C, ...]), and its transpose. Weights use
 * PyTorch's layouts: [Cout, Cin/groups, k...] for convolution, [Cin, Cout/groups, k...] for the
 * transpose, so state dicts load unchanged.
 */
public final class Conv extends Block {
  private final int dims;
  private final boolean transposed;
  private final long cin;
  private final long cout;
  private final long[] kernel;
  private final long[] stride;
  private final long[] padding;
  private final long[] outPadding;
  private final long[] dilation;
  private final int groups;

  public Conv(Session s, int dims, boolean transposed, long cin, long cout, long[] kernel, long[] stride, long[] padding,
      long[] outPadding, long[] dilation, int groups, boolean bias, DataType dt, Device d) {
    this.dims = dims;
    this.transposed = transposed;
    this.cin = cin;
    this.cout = cout;
    this.kernel = kernel;
    this.stride = stride;
    this.padding = padding;
    this.outPadding = outPadding;
    this.dilation = dilation;
    this.groups = groups;
    if (groups < 1 || cin % groups != 0 || cout % groups != 0) {
      throw TangentError.runtime("groups (" + groups + ") must divide in_channels (" + cin + ") and out_channels (" + cout + ")");
    }
    long[] wshape = new long[2 + dims];
    wshape[0] = transposed ? cin : cout;
    wshape[1] = (transposed ? cout : cin) / groups;
    long receptive = 1;
    for (int i = 0; i < dims; i++) {
      wshape[2 + i] = kernel[i];
      receptive *= kernel[i];
    }
    long fanIn = wshape[1] * receptive;
    param("weight", Init.fanIn(s, new Shape(wshape), fanIn, dt, d));
    if (bias) param("bias", Init.fanIn(s, new Shape(cout), fanIn, dt, d));
  }

  @Override public NDArray forward(Forward f, NDArray x) {
    int nd = x.getShape().dimension();
    boolean unbatched = nd == dims + 1;
    if (!unbatched && nd != dims + 2) {
      throw TangentError.runtime(kind() + " expects input [N, C, " + spatialNames() + "] or [C, " + spatialNames() + "], got shape " + x.getShape());
    }
    NDArray in = unbatched ? x.expandDims(0) : x;
    if (in.getShape().get(1) != cin) {
      throw TangentError.runtime(kind() + " expects " + cin + " input channels, got " + in.getShape().get(1) + " (shape " + x.getShape() + ")");
    }
    NDArray y = transposed
        ? Functional.convTranspose(in, p("weight"), pOrNull("bias"), stride, padding, outPadding, dilation, groups)
        : Functional.conv(in, p("weight"), pOrNull("bias"), stride, padding, dilation, groups);
    return unbatched ? y.squeeze(0) : y;
  }

  private String spatialNames() { return dims == 2 ? "H, W" : "D, H, W"; }

  @Override public String kind() { return (transposed ? "ConvTranspose" : "Conv") + dims + "d"; }

  @Override public String describe() {
    StringBuilder sb = new StringBuilder(kind()).append('(').append(cin).append(" -> ").append(cout)
        .append(", kernel ").append(text(kernel));
    if (any(stride, 1)) sb.append(", stride ").append(text(stride));
    if (any(padding, 0)) sb.append(", padding ").append(text(padding));
    if (any(outPadding, 0)) sb.append(", output_padding ").append(text(outPadding));
    if (any(dilation, 1)) sb.append(", dilation ").append(text(dilation));
    if (groups != 1) sb.append(", groups ").append(groups);
    return sb.append(')').toString();
  }

  private static boolean any(long[] v, long dflt) {
    for (long x : v) if (x != dflt) return true;
    return false;
  }

  private static String text(long[] v) {
    for (long x : v) if (x != v[0]) return Arrays.toString(v);
    return Long.toString(v[0]);
  }
}
