package dev.tangent.drdm;

import dev.tangent.drdm.recover.RecoverCalls;
import dev.tangent.drdm.train.TrainCall;
import dev.tangent.spi.ModuleBuilder;

/**
 * Exports of training, instance deformation, augmentation and registration synthesis (the
 * paper's Algorithms 1-4). Declarations only: the lambdas reach the DJL-backed classes when a
 * script calls them.
 */
final class TrainingExports {
  private TrainingExports() {}

  static void define(ModuleBuilder m) {
    for (dev.tangent.spi.Builtin b : functions()) m.function(b);
  }

  static java.util.List<dev.tangent.spi.Builtin> functions() {
    return java.util.List.of(
        NetworkExports.fn(TrainCall.SIGNATURE,
            "Trains a RecResACNet as DRDM's Algorithm 1: per step a batch of images (drawn with replacement), the reference's "
                + "augmentations (augment: true), t ~ U{0..79} per image, the forward diffusion's psi_{t:1} applied to the image and "
                + "psi_t as target, the loss dist + ang + reg (weights; reference: true for the code's negdetj term; padding for the "
                + "loss's warp), nn's Adam (lr). images: a tensor [N, X...] or [N, 1, X...], a dataset, a folder of .png/.nii/.nii.gz "
                + "files or an IDX file; each min-max normalised to [0, 1], resized to size: when given. checkpoint: a folder "
                + "(drdm-train.safetensors and loss.png inside) or a .safetensors file, written atomically every `every` steps; "
                + "resume: true continues from it exactly (step k's randomness depends on (seed, k) only). Returns {steps, loss, "
                + "history, resumed_from, seconds, steps_per_second, checkpoint, curve}.",
            a -> TrainCall.train(a)),
        NetworkExports.fn(RecoverCalls.SAMPLE,
            "Instance deformation (Algorithm 2): n random deformations psi_{T':1} of img (start: T' in 1..80) recovered by the "
                + "network into generated fields phi, the ORIGINAL image warped by phi after every step. schedule: \"paper\" "
                + "runs t = T'..1, \"reference\" the code's 79..0. Returns {fields, images, start_fields, start_images}: fields "
                + "are batched Deformations (voxels), images [n, X...]. mode: how images are warped; padding: the composition's.",
            a -> RecoverCalls.sample(a)),
        NetworkExports.fn(RecoverCalls.AUGMENT,
            "Segmentation augmentation (Algorithm 3): per image per_image generated deformations (levels cycled) applied to the "
                + "image (mode) and to its label map (nearest), written to out/images, out/labels and out/fields (NIfTI .nii.gz, or "
                + "format: \"png\" for 2-D with .npz fields), each file atomically. Item k of image i uses the seed mix (seed, i, k); "
                + "a rerun skips items whose files exist unless overwrite: true. Returns {written, skipped, out}.",
            a -> SynthesisCalls.augment(a)),
        NetworkExports.fn(RecoverCalls.REGISTRATION,
            "Registration synthesis (Algorithm 4): per image per_image pairs of levels [T_aug, T_syn]: phi_aug from the image, "
                + "moving = phi_aug(img), phi_syn from moving, fixed = (phi_syn * phi_aug)(img); writes out/moving, out/fixed and "
                + "out/fields (phi_syn, the ground truth that maps moving onto fixed) atomically, skipping finished items unless "
                + "overwrite: true. Returns {written, skipped, out}.",
            a -> SynthesisCalls.registration(a)));
  }
}
