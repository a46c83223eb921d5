package dev.tangent.drdm.recover;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.drdm.field.Deformation;
import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.drdm.field.kernel.Interp;
import dev.tangent.drdm.field.kernel.Padding;
import dev.tangent.drdm.net.NetOutputs;
import dev.tangent.drdm.net.RecResACNet;
import dev.tangent.drdm.sampler.ForwardSampler;
import dev.tangent.drdm.sampler.GaussianNoise;
import dev.tangent.nn.engine.Grad;
import dev.tangent.nn.engine.Owned;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.layers.Forward;
import dev.tangent.spi.Context;
import dev.tangent.spi.TangentError;

/**
 * Instance deformation (Algorithm 2): a random ψ_{T':1} from the forward diffusion starts φ; for
 * each step the network estimates ψ̂_t from the current image, φ ← ψ̂_t ∘ φ (the reference's
 * φ = ψ̂ + STN(φ, ψ̂)), and the ORIGINAL image is warped by φ again (no blur accumulates).
 *
 * <p>Schedules: the paper's runs t = T', T'-1, ..., 1 (T' = 80 asks the network at its last step,
 * 79); the reference code's always runs 79, ..., 0 whatever T' is. n samples run as one batch;
 * sample b's starting field depends only on (seed, b).
 */
public final class Recovery {
  private Recovery() {}

  public enum Schedule {
    PAPER, REFERENCE;

    public static Schedule parse(String s, String fn) {
      switch (s) {
        case "paper": return PAPER;
        case "reference": return REFERENCE;
        default: throw TangentError.runtime(fn + ": schedule must be \"paper\" (T' down to 1) or \"reference\" (79 down to 0), got \"" + s + "\"");
      }
    }
  }

  /** How samples are drawn and images warped. */
  public record Settings(Schedule schedule, Interp mode, Padding compose, ForwardSampler.Settings sampler, int passes) {}

  /** The generated fields φ and the deformed images, and the random start ψ_{T':1} with its image. */
  public record Result(Deformation fields, Tensor images, Deformation start, Tensor startImages) {}

  /** The highest level: T = 80. */
  public static final int MAX_LEVEL = 80;

  /** The network's time steps for a start level, in order. */
  public static int[] steps(int start, Schedule s) {
    if (s == Schedule.REFERENCE) {
      int[] t = new int[RecResACNet.STEPS];
      for (int i = 0; i < t.length; i++) t[i] = RecResACNet.STEPS - 1 - i;
      return t;
    }
    int[] t = new int[start];
    for (int i = 0; i < start; i++) t[i] = Math.min(start - i, RecResACNet.STEPS - 1);
    return t;
  }

  /** n generated deformations of img ([X...] over g, values as the network was trained on, e.g. [0, 1]). */
  public static Result run(Session s, RecResACNet net, Tensor img, Grid g, int start, int n, long seed, Settings st, Context ctx) {
    String fn = "sample()";
    if (start < 1 || start > MAX_LEVEL) throw TangentError.runtime(fn + ": start must be a level in 1.." + MAX_LEVEL + ", got " + start);
    if (g.nd != net.dims()) throw TangentError.runtime(fn + ": a " + g.nd + "-D image for the " + net.dims() + "-D network");
    int[] ts = new int[n];
    java.util.Arrays.fill(ts, start);
    ForwardSampler.Result f = ForwardSampler.sample(g, ts, new GaussianNoise(seed), st.sampler(), ctx);
    Deformation phi0 = Deformation.wrap(g, n, true, f.ddf());
    Tensor startImages = phi0.warp(img, st.mode(), Padding.ZEROS, ctx);
    Deformation phi = phi0;
    Tensor cur = startImages;
    NDManager m = s.manager(net.device(s));
    DataType dt = net.floatType();
    long[] shape = new long[2 + g.nd];
    shape[0] = n;
    shape[1] = 1;
    for (int k = 0; k < g.nd; k++) shape[2 + k] = g.size(k);
    for (int t : steps(start, st.schedule())) {
      ctx.checkInterrupt();
      Deformation psiHat;
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        NDArray x = Owned.of(m, cur.toFloatArray(), new Shape(shape)).toType(dt, false);
        long[] tv = new long[n];
        java.util.Arrays.fill(tv, t);
        NDArray tt = Owned.of(m, tv, new Shape(n));
        NDArray out = Grad.noGrad(() -> net.forward(new Forward(s, false), x, tt, st.passes(), ctx));
        psiHat = NetOutputs.field(out, true);
      }
      phi = psiHat.compose(phi, st.compose(), ctx);
      cur = phi.warp(img, st.mode(), Padding.ZEROS, ctx);
    }
    return new Result(phi, cur, phi0, startImages);
  }
}
