package dev.tangent.drdm;

import dev.tangent.drdm.field.Deformation;
import dev.tangent.drdm.field.DeformationMembers;
import dev.tangent.drdm.field.DeformationType;
import dev.tangent.drdm.sampler.ForwardBuiltins;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.ModuleBuilder;

/**
 * Exports of the drdm module's fields and forward diffusion: the Deformation type, load_field,
 * forward, schedule and interpolate. Pure Java: nothing here loads DJL or ND4J.
 */
final class FieldExports {
  private FieldExports() {}

  static void define(ModuleBuilder m) {
    m.value("Deformation", DeformationType.INSTANCE, DeformationType.INSTANCE.doc());
    DeformationMembers.define(m.type(Deformation.class, DeformationType.INSTANCE));
    for (Builtin b : functions()) m.function(b);
  }

  static java.util.List<Builtin> functions() {
    return java.util.List.of(
        Builtin.of("load_field(path, units='voxels', batched=nil)",
            "Reads a Deformation from .npz (the array 'displacement', or the only array, shaped [nd, S...] or [B, nd, S...]) "
                + "or NIfTI .nii/.nii.gz (5-D [X, Y, Z, T, nd] as phi.save writes). units: what the stored numbers are, "
                + "\"voxels\" or \"fraction\" (DRDM's code). batched: whether the first axis of an unmarked array is a batch "
                + "(needed for (3, 2, H, W) only).",
            DeformationMembers::load),
        Builtin.of("forward(img, t, *, seed=nil, reference=false, sigma=nil, ndim=nil, mode='linear', padding='zeros')",
            "DRDM's forward deformation diffusion: returns (psi_t1, psi_t, img_t), the random deformation psi_{t:1} "
                + "(n_ddf(t)-fold flow of a multi-scale velocity plus 8 % noise), the training target psi_t (n_dvf(t)-fold "
                + "flow of the velocity) and img warped by psi_{t:1}. img: (H, W), (D, H, W), (B, C, H, W) or (B, C, D, H, W) "
                + "(ndim: 2 reads (C, H, W), ndim: 3 reads (C, D, H, W)); t: 0..80, or a list with one t per image of a "
                + "batch. seed: the generator's seed (each image of a batch has its own stream); without it, the next "
                + "seed of this interpreter's stream. reference: true reproduces DRDM's code (the S/64 scale, square images, "
                + "and sigma 4e-5) instead of the size-independent crop factor 2. sigma: the velocity std in fractions of the "
                + "control grid (default 4.4e-5; 4e-5 with reference: true). mode, padding: "
                + "how img is warped.",
            ForwardBuiltins::forward),
        Builtin.of("schedule(T=80)",
            "DRDM's step counts for t = 0..T: {t, n_ddf, n_dvf}, n_ddf(t) = clamp(floor(2 t^1.3 / 3), 1, 200) compositions "
                + "for psi_{t:1}, n_dvf(t) = floor(t^0.6) for psi_t, in float32 as the authors' code.",
            ForwardBuiltins::schedule),
        Builtin.of("interpolate(x, size)",
            "Resizes the trailing 2 or 3 axes of x to size with bi/trilinear interpolation, align_corners=False, exactly as "
                + "torch.nn.functional.interpolate computes it in float32 (the result is f32).",
            ForwardBuiltins::interpolate));
  }
}
