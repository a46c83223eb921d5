package dev.tangent.drdm.net;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tangent.nn.engine.Owned;
import dev.tangent.nn.engine.Scalars;
import dev.tangent.spi.TangentError;
import dev.tangent.drdm.net.layers.AtrousBlock;
import dev.tangent.drdm.net.layers.TimeEmbedding;
import dev.tangent.drdm.net.layers.UpConv;
import dev.tangent.drdm.net.warp.Padding;
import dev.tangent.drdm.net.warp.Warp;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.layers.Activation;
import dev.tangent.nn.layers.Block;
import dev.tangent.nn.layers.Conv;
import dev.tangent.nn.layers.Forward;
import dev.tangent.nn.layers.Linear;
import dev.tangent.nn.layers.Sequential;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Context;
import dev.tangent.spi.Signature;
import java.util.List;

/**
 * DRDM's recovery network D_θ(I_t, t) → ψ̂_t (Zheng et al. 2024; the reference's RecResACNet,
 * spec drdm.md §3.2): a three-level U-Net of atrous residual blocks conditioned on the time step,
 * applied recursively. Pass k estimates a field from the input warped by the composition of the
 * earlier estimates, and composes it on: ddf = ddf_one + warp(ddf, ddf_one, border).
 *
 * <p>Parameter names are the PyTorch state_dict's (time_embed.weight, te1.0.weight, b1.0.conv0.weight,
 * b1.0.ln.weight, b1.0.convs.1.bias, down1.weight, up1.weight, conv_out.bias...), so the authors'
 * checkpoints load unchanged. The output is in fraction-of-size units, channel k along axis k.
 */
public final class RecResACNet extends Block {
  public static final int STEPS = 80;
  public static final int TIME_DIM = 100;
  /** Each side must be divisible by 2^3: three stride-2 levels. */
  public static final int SIDE_MULTIPLE = 8;

  private final int dims;
  private final TimeEmbedding timeEmbed;
  private final Block[] te = new Block[7];
  private final Sequential[] stage = new Sequential[7];
  private final Conv[] down = new Conv[3];
  private final UpConv[] up = new UpConv[3];
  private final Conv convOut;

  private static final String[] TE = {"te1", "te2", "te3", "te_mid", "te4", "te5", "te_out"};
  private static final String[] STAGE = {"b1", "b2", "b3", "b_mid", "b4", "b5", "b_out"};
  /** Channels of each stage's three blocks: in, then each block's out; normalised in the encoder. */
  private static final long[][] CHANNELS = {
      {1, 10, 10, 10}, {10, 20, 20, 20}, {20, 40, 40, 40}, {40, 20, 20, 40}, {80, 40, 20, 20}, {40, 20, 10, 10}, {20, 10, 10, 10}};
  private static final long[] DOWN = {10, 20, 40};
  private static final long[] UP = {40, 20, 10};

  /** A network with PyTorch's default initialisation drawn from the session's seeded stream. */
  public RecResACNet(Session s, int dims, DataType dt, Device d) {
    if (dims != 2 && dims != 3) throw TangentError.runtime("the network is 2-D or 3-D, got dims " + dims);
    this.dims = dims;
    NDManager m = s.manager(d);
    timeEmbed = new TimeEmbedding(m, STEPS, TIME_DIM, dt, d);
    child("time_embed", timeEmbed);
    for (int i = 0; i < 7; i++) {
      long c = CHANNELS[i][0];
      te[i] = new Sequential(List.of(new Linear(s, TIME_DIM, c, true, dt, d), new Activation("relu", 0), new Linear(s, c, c, true, dt, d)));
      child(TE[i], te[i]);
      boolean norm = i <= 3;
      stage[i] = new Sequential(List.of(
          new AtrousBlock(s, dims, CHANNELS[i][0], CHANNELS[i][1], norm, dt, d),
          new AtrousBlock(s, dims, CHANNELS[i][1], CHANNELS[i][2], norm, dt, d),
          new AtrousBlock(s, dims, CHANNELS[i][2], CHANNELS[i][3], norm, dt, d)));
      child(STAGE[i], stage[i]);
      if (i < 3) {
        long ch = DOWN[i];
        down[i] = new Conv(s, dims, false, ch, ch, fill(4), fill(2), fill(1), new long[dims], fill(1), 1, true, dt, d);
        child("down" + (i + 1), down[i]);
      }
    }
    for (int i = 0; i < 3; i++) {
      long ch = UP[i];
      long[] w = new long[2 + dims];
      w[0] = ch;
      w[1] = ch;
      for (int k = 0; k < dims; k++) w[2 + k] = 4;
      // PyTorch's ConvTranspose fan-in is weight.size(1)·4^nd.
      double bound = 1 / Math.sqrt(ch * Math.pow(4, dims));
      up[i] = new UpConv(dims, s.uniform(new Shape(w), -bound, bound, dt, d), s.uniform(new Shape(ch), -bound, bound, dt, d));
    }
    // Registered after the decoder stages would shuffle the names' order only; keep PyTorch's.
    reorderChildren();
    convOut = new Conv(s, dims, false, 10, dims, fill(3), fill(1), fill(1), new long[dims], fill(1), 1, true, dt, d);
    child("conv_out", convOut);
  }

  /** PyTorch's registration order: time_embed, te1, b1, down1, ..., te_mid, b_mid, up1, te4, b4, up2, ... */
  private void reorderChildren() {
    java.util.Map<String, Block> all = new java.util.LinkedHashMap<>(children);
    children.clear();
    children.put("time_embed", all.get("time_embed"));
    for (int i = 0; i < 3; i++) {
      children.put(TE[i], all.get(TE[i]));
      children.put(STAGE[i], all.get(STAGE[i]));
      children.put("down" + (i + 1), all.get("down" + (i + 1)));
    }
    children.put("te_mid", all.get("te_mid"));
    children.put("b_mid", all.get("b_mid"));
    for (int i = 0; i < 3; i++) {
      children.put("up" + (i + 1), up[i]);
      children.put(TE[4 + i], all.get(TE[4 + i]));
      children.put(STAGE[4 + i], all.get(STAGE[4 + i]));
    }
  }

  private long[] fill(long v) {
    long[] a = new long[dims];
    java.util.Arrays.fill(a, v);
    return a;
  }

  public int dims() { return dims; }

  // ------------------------------------------------------------------ forward

  /**
   * The predicted field [B, nd, X...] for images [B, 1, X...] and time steps t (int64 [B], each in
   * 0..79), with {@code passes} recursive passes (the reference uses 2). Differentiable with respect
   * to the parameters and the image.
   */
  public NDArray forward(Forward f, NDArray img, NDArray t, int passes) {
    return forward(f, img, t, passes, null);
  }

  /** As above, polling ctx's interrupt flag between passes (ctx may be null). */
  public NDArray forward(Forward f, NDArray img, NDArray t, int passes, Context ctx) {
    Shape s = img.getShape();
    long batch = s.get(0);
    long[] bcast = new long[2 + dims];
    java.util.Arrays.fill(bcast, 1);
    bcast[0] = batch;
    bcast[1] = -1;
    NDArray emb = timeEmbed.forward(f, t);
    NDArray[] temb = new NDArray[7];
    for (int i = 0; i < 7; i++) temb[i] = te[i].forward(f, emb).reshape(bcast);
    NDArray limit = sizes(img, 1);
    NDArray ddf = null;
    NDArray x = img;
    for (int pass = 0; pass < passes; pass++) {
      if (ctx != null) ctx.checkInterrupt();
      NDArray one = clampToGrid(unet(f, x, temb), limit);
      ddf = ddf == null ? one : one.add(Warp.warp(ddf, one, Padding.BORDER));
      if (pass + 1 < passes) x = Warp.warp(img, ddf, Padding.ZEROS);
    }
    return ddf;
  }

  /** One pass of the U-Net; each stage's output passes the hook point named after it (out1 .. conv_out). */
  private NDArray unet(Forward f, NDArray x, NDArray[] temb) {
    NDArray out1 = f.hook("out1", stage[0].forward(f, x.add(temb[0])));
    NDArray out2 = f.hook("out2", stage[1].forward(f, down[0].forward(f, out1).add(temb[1])));
    NDArray out3 = f.hook("out3", stage[2].forward(f, down[1].forward(f, out2).add(temb[2])));
    NDArray mid = f.hook("out_mid", stage[3].forward(f, down[2].forward(f, out3).mul(temb[3])));
    NDArray out4 = f.hook("out4", stage[4].forward(f, out3.concat(up[0].forward(f, mid), 1).add(temb[4])));
    NDArray out5 = f.hook("out5", stage[5].forward(f, out2.concat(up[1].forward(f, out4), 1).add(temb[5])));
    NDArray out = f.hook("out", stage[6].forward(f, out1.concat(up[2].forward(f, out5), 1).add(temb[6])));
    return f.hook("conv_out", convOut.forward(f, out));
  }

  /** [1, nd, 1..] holding the field's unit for each component: S_0, the first spatial size (the reference's max_sz). */
  private NDArray sizes(NDArray img, int batch) {
    float[] v = new float[dims];
    for (int k = 0; k < dims; k++) v[k] = img.getShape().get(2);
    long[] shape = new long[2 + dims];
    java.util.Arrays.fill(shape, 1);
    shape[1] = dims;
    return Owned.of(img.getManager(), v, new Shape(shape)).toType(img.getDataType(), false);
  }

  /**
   * The reference's boundary_limit: each component in voxels clamped to [1 - S, S - 1], i.e. no
   * sample further than the grid's extent. Computed as the reference does (·S, clamp, /S).
   */
  private static NDArray clampToGrid(NDArray out, NDArray size) {
    NDArray vox = out.mul(size);
    NDArray hi = Scalars.sub(size, 1);
    return vox.minimum(hi).maximum(hi.neg()).div(size);
  }

  @Override public NDArray forward(Forward f, NDArray x) {
    throw TangentError.runtime("RecResACNet takes an image and a time step: net(img, t)");
  }

  @Override public NDArray forward(Forward f, NDList xs) {
    if (xs.size() != 2) throw TangentError.runtime("RecResACNet takes an image and a time step: net(img, t)");
    return forward(f, xs.get(0), xs.get(1), 2);
  }

  private static final Signature CALL = Signature.parse("RecResACNet(img, t, *, passes=2)");

  /** net(img, t, passes: 2): the field through NetOutputs (no gradient recorded). */
  @Override public Object call(Context ctx, Object[] args, String[] names) {
    return new Builtin(CALL, "The recovery field of img at time step t.", a -> {
      try {
        return NetImpl.run(this, a, 0, false);
      } catch (RuntimeException e) {
        throw dev.tangent.nn.engine.Errors.translate("RecResACNet", e);
      }
    }).call(ctx, args, names);
  }

  @Override public String signature() { return CALL.text; }

  @Override public String kind() { return "RecResACNet"; }

  @Override public String describe() { return "RecResACNet(" + dims + "-D)"; }
}
