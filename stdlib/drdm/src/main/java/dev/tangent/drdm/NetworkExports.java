package dev.tangent.drdm;

import dev.tangent.drdm.net.NetImpl;
import dev.tangent.drdm.net.RecResACNet;
import dev.tangent.nn.engine.Errors;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.TypeValue;
import dev.tangent.spi.ModuleBuilder;

/**
 * Exports of the drdm module for the recovery network, the differentiable warp and the losses
 * (declarations only: no DJL class is loaded here; a lambda's body resolves its target only when
 * it runs).
 */
final class NetworkExports {
  private NetworkExports() {}

  static final TypeValue NETWORK = new TypeValue("RecResACNet", v -> v instanceof RecResACNet,
      "DRDM's recovery network (drdm.network(dims), drdm.load_network(path)): net(img, t) is the field that undoes "
          + "the step-t deformation of img, in fraction units; net.forward(img, t) the same as a differentiable DTensor. "
          + "An nn Block: optimisers, save/load, state_dict and checkpoints work on it.");

  /** A built-in whose engine failures (and running out of memory) come out as one-line Tangent errors. */
  static Builtin fn(String sig, String doc, Builtin.Impl impl) {
    String name = sig.substring(0, sig.indexOf('('));
    return Builtin.of(sig, doc, a -> {
      try {
        return impl.apply(a);
      } catch (RuntimeException e) {
        throw Errors.translate(name, e);
      } catch (OutOfMemoryError e) {
        throw TangentError.runtime(name + "(): out of memory (" + e.getMessage() + ")")
            .withHint("use a smaller batch or image, or give the JVM more memory (-Xmx)");
      }
    });
  }

  static void define(ModuleBuilder m) {
    // The network is an nn Block and returns DTensors: their methods come with nn's definition,
    // which loads no DJL class either. A script that never imports nn still gets them.
    dev.tangent.spi.Modules.get().module("nn");
    m.value("RecResACNet", NETWORK, NETWORK.doc());
    for (Builtin b : functions()) m.function(b);
    defineMembers(m);
  }

  static java.util.List<Builtin> functions() {
    String common = " Keywords dtype: \"f32\" (default) or \"f64\"; device: as nn.device().";
    return java.util.List.of(
        fn("network(dims=2, *, seed=nil, dtype=nil, device=nil)",
            "A new RecResACNet (2-D or 3-D; 443,435 / 1,313,646 numbers, of which 8,000 are the frozen time embedding) "
                + "with PyTorch's default initialisation (Linear, Conv: U(±1/sqrt(fan_in)) for weights and biases; "
                + "InstanceNorm: 1 and 0) drawn from nn's seeded stream; seed: n reseeds it first (as nn.seed(n))." + common,
            a -> NetImpl.network(a)),
        fn("load_network(path, *, dtype=nil, device=nil)",
            "A RecResACNet from PyTorch-named weights in .npz or .safetensors (the reference's state_dict keys: "
                + "time_embed.weight, te1.0.weight, b1.0.conv0.weight, b1.0.ln.weight, down1.weight, up1.weight, conv_out.weight...). "
                + "2-D or 3-D from conv_out.weight; a missing, unexpected or misshaped key is an error naming it." + common,
            a -> NetImpl.loadNetwork(a)),
        fn("stn(x, field, *, padding='zeros')",
            "The differentiable warp out[x] = x_in[x + S·u[x]] (bilinear / trilinear, voxel centres at integer indices as "
                + "grid_sample's align_corners=True) of x [X...], [C, X...] or [B, C, X...] by a field [nd, X...] or "
                + "[B, nd, X...] in fraction units (component k along axis k; S the size of the first axis, as the reference). padding: \"zeros\" "
                + "or \"border\". Returns a DTensor; gradients reach x and the field.",
            a -> NetImpl.stn(a)),
        fn("loss(pred, target, *, padding='zeros', weights=[1, 1, 10], reference=false, parts=false)",
            "DRDM's training loss of a predicted field against the step deformation target (both in fraction units): "
                + "with p = stn(pred, target, padding), w_dist·MRSE(p, target) + w_ang·NCC(p, target) + w_reg·reg(pred). "
                + "reg is l1 + 2·mean(relu(-det(I + ∇u))) (u = pred in voxels, central differences); reference: true uses "
                + "the reference code's 'negdetj' term instead (not a Jacobian determinant; kept for parity). "
                + "parts: true returns {total, dist, ang, reg}.",
            a -> NetImpl.loss(a)),
        fn("loss_dist(p, target)", "The distance term: mean over voxels of |100 p + 100 ψ|² / (|100 ψ|² + 1e-3) (0 when p = -ψ).",
            a -> NetImpl.lossTerm(a, "dist")),
        fn("loss_ang(p, target)", "The angle term: mean over voxels of the cosine between p and ψ (scaled by 1e5, eps 1e-4); -1 when antiparallel.",
            a -> NetImpl.lossTerm(a, "ang")),
        fn("loss_reg(field, *, reference=false)",
            "The regulariser: (1/nd) Σ_axes mean(relu(|forward difference| - 1e-4)) + 2·folding(field), or with reference: true "
                + "the reference's 'negdetj' in place of folding.",
            a -> NetImpl.lossTerm(a, "reg")),
        fn("folding(field)", "mean(relu(-det(I + ∇u))) of a field in fraction units (u in voxels, np.gradient's differences): "
                + "0 when no voxel folds.",
            a -> NetImpl.folding(a)));
  }

  private static void defineMembers(ModuleBuilder m) {
    m.type(RecResACNet.class, NETWORK)
        .method(fn("forward(self, img, t, *, passes=2)",
            "The predicted field as a DTensor that autograd differentiates ([nd, X...], or [B, nd, X...] for a batch).",
            a -> NetImpl.run((RecResACNet) a.get(0), a, 1, true)))
        .property(fn("dims(self)", "2 or 3.", a -> (double) ((RecResACNet) a.get(0)).dims()))
        .property(fn("n_params_total(self)", "Every number in the state dict, the frozen time embedding included.",
            a -> NetImpl.totalParams(a)));
  }
}
