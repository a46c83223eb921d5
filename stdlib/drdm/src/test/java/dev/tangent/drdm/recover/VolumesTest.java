package dev.tangent.drdm.recover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.drdm.DrdmTesting;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 3-D paths of training, sampling, augmentation and registration synthesis at 16³ (the 2-D
 * ones have their own tests): a 3-D network trains with the 3-D augmentations and checkpoints,
 * drdm.sample returns 3-D fields that resample the original volume, and augment /
 * synthesize_registration write NIfTI volumes that are the written fields applied to the input.
 */
class VolumesTest {
  final DrdmTesting d = new DrdmTesting();

  static final String DATA = "let vols = drdm.interpolate(randn(2, 1, 4, 4, 4, seed: 8), [16, 16, 16]).reshape(2, 16, 16, 16)\n"
      + "let net = drdm.network(3, seed: 2)\n";

  @Test void trainsOnVolumesWithCheckpoints(@TempDir Path dir) {
    Path ck = dir.resolve("ck");
    d.eval(DATA + "let r = drdm.train(net, vols, steps: 2, batch: 1, seed: 1, checkpoint: \"" + ck + "\", progress: \"none\")");
    assertEquals(2.0, d.num("r.steps"));
    double loss = d.num("r.loss");
    assertTrue(Double.isFinite(loss) && loss > 0, "a finite loss: " + loss);
    assertEquals(2.0, d.num("len(r.history)"));
    assertTrue(Files.isDirectory(ck), "the checkpoint folder");
    // resuming at the end does no more steps and keeps the weights
    d.eval("let again = drdm.train(net, vols, steps: 2, batch: 1, seed: 1, checkpoint: \"" + ck + "\", progress: \"none\")");
    assertEquals(2.0, d.num("again.resumed_from"));
  }

  @Test void samplesVolumes() {
    d.eval(DATA + "let s = drdm.sample(net, vols[0], start: 3, n: 2, seed: 4)");
    assertEquals("Deformation(3-D 16x16x16, batch of 2)", d.eval("str(s.fields)"));
    assertEquals("(2, 16, 16, 16)", d.eval("str(s.images.shape)"));
    assertEquals(0, DrdmTesting.maxAbsDiff(d.values("s.images"), d.values("s.fields(vols[0].astype(\"f32\"))")),
        "the original volume resampled by the returned fields");
    assertTrue(d.num("s.start_fields.magnitude().mean") > 0, "a real start deformation");
  }

  @Test void augmentsAndSynthesisesVolumes(@TempDir Path dir) throws Exception {
    String out = dir.resolve("aug").toString();
    d.eval(DATA + "let labels = (vols > 0).astype(\"f32\")\n"
        + "let a = drdm.augment(net, vols[1:], labels[1:], levels: [2], out: \"" + out + "\", seed: 1)");
    assertEquals(1.0, d.num("a.written"));
    String stem = "image_0000_aug000_t02.nii.gz";
    Path img = dir.resolve("aug/images/" + stem);
    assertTrue(Files.isRegularFile(img), img.toString());
    d.eval("let x = vols[1]\nlet x0 = (x - x.min()) / (x.max() - x.min())\n"
        + "let phi = drdm.load_field(\"" + dir.resolve("aug/fields/" + stem) + "\")\n"
        + "let saved = load_nifti(\"" + img + "\").data\n"
        + "let lab = load_nifti(\"" + dir.resolve("aug/labels/" + stem) + "\").data");
    assertEquals(3.0, d.num("phi.ndim"));
    assertTrue(DrdmTesting.maxAbsDiff(d.values("saved"), d.values("phi(x0)")) < 1e-6, "volume = field(input)");
    assertEquals(0, DrdmTesting.maxAbsDiff(d.values("lab.astype(\"f32\")"), d.values("phi(labels[1], mode: \"nearest\")")));

    String reg = dir.resolve("reg").toString();
    d.eval("let r = drdm.synthesize_registration(net, vols[0:1], levels: [[2, 4]], out: \"" + reg + "\", seed: 2)");
    assertEquals(1.0, d.num("r.written"));
    String triple = "image_0000_aug000_t02_t04.nii.gz";
    for (String sub : new String[] {"moving", "fixed", "fields"}) {
      assertTrue(Files.isRegularFile(dir.resolve("reg").resolve(sub).resolve(triple)), sub);
    }
    d.eval("let mv = load_nifti(\"" + dir.resolve("reg/moving/" + triple) + "\").data\n"
        + "let fx = load_nifti(\"" + dir.resolve("reg/fixed/" + triple) + "\").data\n"
        + "let syn = drdm.load_field(\"" + dir.resolve("reg/fields/" + triple) + "\")");
    double err = d.num("(syn(mv) - fx).abs().mean()");
    double moved = d.num("(mv - fx).abs().mean()");
    assertTrue(err < 0.5 * moved, "phi_syn maps moving onto fixed: " + err + " vs " + moved);
  }
}
