package dev.tangent.drdm.recover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.drdm.DrdmTesting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * drdm.augment and drdm.synthesize_registration write whole files, a rerun skips finished items
 * (and redoes a missing one), overwrite: true redoes them all, and what is written is consistent:
 * the saved image is the saved field applied to the input, labels keep their values.
 */
class SynthesisTest {
  final DrdmTesting d = new DrdmTesting();

  static long count(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  @Test void augmentWritesPairsAndFieldsAndSkipsFinishedItems(@TempDir Path dir) throws Exception {
    String out = dir.resolve("aug").toString();
    d.eval("let net = drdm.network(2, seed: 0)\n"
        + "let imgs = drdm.interpolate(randn(2, 1, 8, 8, seed: 4), [32, 32]).reshape(2, 32, 32)\n"
        + "let labels = (imgs > 0).astype(\"f32\") + (imgs > 1).astype(\"f32\")\n"
        + "let a = drdm.augment(net, imgs, labels, levels: [3, 6], per_image: 2, out: \"" + out + "\", seed: 1)");
    assertEquals(4.0, d.num("a.written"));
    assertEquals(0.0, d.num("a.skipped"));
    for (String sub : new String[] {"images", "labels", "fields"}) assertEquals(4, count(dir.resolve("aug").resolve(sub)), sub);
    Path img = dir.resolve("aug/images/image_0001_aug001_t06.nii.gz");
    assertTrue(Files.isRegularFile(img), "named by image, sample and level");
    // The image on disk is the field on disk applied to the (normalised) input.
    String stem = "image_0001_aug001_t06.nii.gz";
    d.eval("let x = imgs[1]\nlet x0 = (x - x.min()) / (x.max() - x.min())\n"
        + "let phi = drdm.load_field(\"" + dir.resolve("aug/fields/" + stem) + "\")\n"
        + "let saved = load_nifti(\"" + img + "\").data\n"
        + "let lab = load_nifti(\"" + dir.resolve("aug/labels/" + stem) + "\").data");
    assertTrue(DrdmTesting.maxAbsDiff(d.values("saved"), d.values("phi(x0)")) < 1e-6, "image = field(input)");
    assertTrue(d.num("phi.magnitude().mean") > 0, "a real deformation");
    assertEquals(true, d.eval("lab.dtype != \"f32\" and lab.dtype != \"f64\" and lab.min() >= 0 and lab.max() <= 2"),
        "labels keep their values");
    assertTrue(DrdmTesting.maxAbsDiff(d.values("lab.astype(\"f32\")"), d.values("phi(labels[1], mode: \"nearest\")")) == 0);

    // Rerun: everything finished is skipped; a lost file makes its item run again.
    assertEquals(4.0, d.num("drdm.augment(net, imgs, labels, levels: [3, 6], per_image: 2, out: \"" + out + "\", seed: 1).skipped"));
    Files.delete(dir.resolve("aug/labels/image_0000_aug001_t06.nii.gz"));
    d.eval("let again = drdm.augment(net, imgs, labels, levels: [3, 6], per_image: 2, out: \"" + out + "\", seed: 1)");
    assertEquals(1.0, d.num("again.written"));
    assertEquals(3.0, d.num("again.skipped"));
    assertTrue(DrdmTesting.maxAbsDiff(d.values("saved"), d.values("load_nifti(\"" + img + "\").data")) == 0);
    assertEquals(4.0, d.num("drdm.augment(net, imgs, labels, levels: [3, 6], per_image: 2, out: \"" + out
        + "\", seed: 1, overwrite: true).written"));
  }

  @Test void pngOutputsAndRegistrationTriples(@TempDir Path dir) throws Exception {
    String out = dir.resolve("reg").toString();
    d.eval("let net = drdm.load_network(\"" + RecoveryTest.WEIGHTS + "\")\n"
        + "let imgs = drdm.interpolate(randn(1, 1, 8, 8, seed: 5), [32, 32]).reshape(1, 32, 32)\n"
        + "let r = drdm.synthesize_registration(net, imgs, levels: [[4, 8]], per_image: 2, out: \"" + out + "\", format: \"png\")");
    assertEquals(2.0, d.num("r.written"));
    for (String sub : new String[] {"moving", "fixed", "fields"}) assertEquals(2, count(dir.resolve("reg").resolve(sub)), sub);
    Path fixed = dir.resolve("reg/fixed/image_0000_aug000_t04_t08.png");
    Path moving = dir.resolve("reg/moving/image_0000_aug000_t04_t08.png");
    Path field = dir.resolve("reg/fields/image_0000_aug000_t04_t08.npz");
    assertTrue(Files.isRegularFile(fixed) && Files.isRegularFile(moving) && Files.isRegularFile(field));
    // fixed = phi_syn(moving) up to one interpolation and 8-bit rounding.
    d.eval("let mv = load_image(\"" + moving + "\").astype(\"f64\") / 255\n"
        + "let fx = load_image(\"" + fixed + "\").astype(\"f64\") / 255\n"
        + "let syn = drdm.load_field(\"" + field + "\")");
    double err = d.num("(syn(mv) - fx).abs().mean()");
    double moved = d.num("(mv - fx).abs().mean()");
    assertTrue(err < 0.5 * moved, "phi_syn maps moving onto fixed: " + err + " vs " + moved);
    assertEquals(2.0, d.num("drdm.synthesize_registration(net, imgs, levels: [[4, 8]], per_image: 2, out: \"" + out
        + "\", format: \"png\").skipped"));
  }
}
