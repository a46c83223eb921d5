package dev.tangent.drdm.net;

import dev.tangent.drdm.DrdmTesting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.TangentException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User mistakes give one positioned error with a clear message and no Java stack trace. */
class ErrorsTest {
  static final DrdmTesting T = new DrdmTesting();

  static {
    T.eval("let net = drdm.network(2, seed: 0)");
  }

  /** The formatted error of code, which must fail. */
  static String error(String code) {
    TangentException e = assertThrows(TangentException.class, () -> T.t.eval(code));
    String text = e.format();
    assertTrue(text.startsWith("<eval>:"), "positioned: " + text);
    assertFalse(text.contains("\tat ") || text.contains("Exception"), "no Java trace: " + text);
    return text;
  }

  @Test void wrongDims() {
    assertTrue(error("drdm.network(4)").contains("dims must be 2 or 3, got 4"));
    assertTrue(error("net(zeros(8, 8, 8, 8, 8), 1)").contains("the 2-D network takes an image [H, W], [1, H, W] or [B, 1, H, W], got shape (8, 8, 8, 8, 8)"));
  }

  @Test void wrongChannelCount() {
    String e = error("net(zeros(3, 16, 16), 1)");
    assertTrue(e.contains("the network takes 1 image channel, got 3"), e);
    assertTrue(error("net(zeros(2, 2, 16, 16), 1)").contains("1 image channel, got 2"));
  }

  @Test void sideNotDivisibleBy8() {
    String e = error("net(zeros(20, 24), 1)");
    assertTrue(e.contains("every image side must be a multiple of 8"), e);
    assertTrue(e.contains("(20, 24)"), e);
  }

  @Test void timeStepOutOfRange() {
    assertTrue(error("net(zeros(16, 16), 80)").contains("the time step 80 is out of range 0..79"));
    assertTrue(error("net(zeros(16, 16), -1)").contains("out of range 0..79"));
    assertTrue(error("net(zeros(16, 16), 2.5)").contains("the time step must be an integer, got 2.5"));
    assertTrue(error("net(zeros(2, 1, 16, 16), [1, 2, 3])").contains("3 time steps for a batch of 2 images"));
    assertTrue(error("net(zeros(16, 16), \"a\")").contains("t must be an integer or a list of integers, got String"));
    assertTrue(error("net(zeros(16, 16), 3, passes: 0)").contains("passes must be at least 1"));
  }

  @Test void weightsOfTheWrongNetwork(@TempDir Path dir) throws Exception {
    String modadd = DrdmTesting.testdata("modadd-p113-seed0.npz").toString();
    String e = error("drdm.load_network(\"" + modadd + "\")");
    assertTrue(e.contains("modadd-p113-seed0.npz does not hold RecResACNet weights: it has no 'conv_out.weight'"), e);
    // A 3-D network's file: its conv_out decides the dimension; drop a key and add one.
    Path p = dir.resolve("bad.safetensors");
    T.eval("let w = drdm.network(2).state_dict()\nw.remove(\"b1.0.ln.bias\")\nnn.save_weights(\"" + p + "\", w)");
    assertTrue(error("drdm.load_network(\"" + p + "\")").contains("bad.safetensors: the 2-D RecResACNet weights lack 'b1.0.ln.bias'"));
    T.eval("let w2 = drdm.network(2).state_dict()\nw2[\"extra.weight\"] = zeros(3)\nnn.save_weights(\"" + p + "\", w2)");
    assertTrue(error("drdm.load_network(\"" + p + "\")").contains("unexpected key 'extra.weight' for a 2-D RecResACNet"));
    T.eval("let w3 = drdm.network(2).state_dict()\nw3[\"up1.weight\"] = zeros(40, 40, 3, 3)\nnn.save_weights(\"" + p + "\", w3)");
    String shape = error("drdm.load_network(\"" + p + "\")");
    assertTrue(shape.contains("'up1.weight' has shape [40, 40, 3, 3] in the file; the 2-D RecResACNet needs [40, 40, 4, 4]"), shape);
    assertTrue(error("drdm.load_network(\"" + dir.resolve("none.npz") + "\")").contains("no such file"));
    Files.writeString(dir.resolve("junk.npz"), "not a zip");
    assertTrue(error("drdm.load_network(\"" + dir.resolve("junk.npz") + "\")").contains("junk.npz"));
  }

  @Test void lossAndWarpShapes() {
    assertTrue(error("drdm.loss(zeros(2, 8, 8), zeros(2, 8, 16))").contains("pred and target have shapes"));
    assertTrue(error("drdm.loss(zeros(5, 8, 8), zeros(5, 8, 8))").contains("a displacement field is [2, H, W]"));
    assertTrue(error("drdm.stn(zeros(8, 8), zeros(2, 8, 8), padding: \"reflect\")").contains("padding must be \"zeros\" or \"border\""));
    assertTrue(error("drdm.stn(zeros(8, 9), zeros(2, 8, 8))").contains("does not fit the field"));
    assertTrue(error("drdm.loss(zeros(2, 8, 8), zeros(2, 8, 8), weights: [1, 2])").contains("three numbers"));
  }

  @Test void gpuWithoutCudaNativesSaysWhy() {
    String e = error("drdm.network(2, device: \"gpu\")");
    assertTrue(e.contains("have no CUDA support"), e);
  }

  @Test void trainingMistakes(@TempDir Path dir) throws Exception {
    T.eval("let imgs = zeros(3, 16, 16)");
    assertTrue(error("drdm.train(net, imgs)").contains("missing argument 'steps' for train()"));
    assertTrue(error("drdm.train(net, zeros(2, 3, 4, 5, 6), steps: 1)")
        .contains("2-D images are [H, W], [N, H, W] or [N, 1, H, W], got shape (2, 3, 4, 5, 6)"));
    String side = error("drdm.train(net, zeros(2, 20, 20), steps: 1)");
    assertTrue(side.contains("every image side must be a multiple of 8") && side.contains("(20, 20)"), side);
    assertTrue(error("drdm.train(net, imgs, steps: 1, size: [12, 16])").contains("multiple of 8"));
    assertTrue(error("drdm.train(net, imgs, steps: 1, batch: 0)").contains("batch must be in 1..4096"));
    assertTrue(error("drdm.train(net, imgs, steps: 1, lr: -1)").contains("lr must be a positive number"));
    assertTrue(error("drdm.train(zeros(3), imgs, steps: 1)").contains("RecResACNet"));
    assertTrue(error("drdm.train(net, [zeros(16, 16), zeros(24, 24)], steps: 1)").contains("give size: [H, W]"));
    // Files: a folder without images, a file that is not NIfTI, a missing path.
    Files.createDirectories(dir.resolve("empty"));
    assertTrue(error("drdm.train(net, \"" + dir.resolve("empty") + "\", steps: 1)").contains("holds no .png, .nii or .nii.gz images"));
    Files.writeString(dir.resolve("x.nii"), "this is not a NIfTI file at all, but long enough to have a header? no.");
    String nifti = error("drdm.train(net, \"" + dir.resolve("x.nii") + "\", steps: 1)");
    assertTrue(nifti.contains("x.nii"), nifti);
    assertTrue(error("drdm.train(net, \"" + dir.resolve("missing") + "\", steps: 1)").contains("no such file or folder"));
    assertTrue(error("drdm.train(net, \"" + dir.resolve("x.txt") + "\", steps: 1)").contains("no such file"));
    Files.writeString(dir.resolve("x.txt"), "text");
    assertTrue(error("drdm.train(net, \"" + dir.resolve("x.txt") + "\", steps: 1)").contains("images are .png, .nii, .nii.gz or IDX"));
    // A 3-D network reads [3, 16, 16] as one volume, whose first side is not a multiple of 8.
    assertTrue(error("drdm.train(drdm.network(3), imgs, steps: 1)").contains("multiple of 8 (the network halves it three times), got (3, 16, 16)"));
  }

  @Test void samplingMistakes(@TempDir Path dir) {
    assertTrue(error("drdm.sample(net, zeros(16, 16), start: 0)").contains("start must be a level in 1..80, got 0"));
    assertTrue(error("drdm.sample(net, zeros(16, 16), start: 81)").contains("start must be a level in 1..80, got 81"));
    assertTrue(error("drdm.sample(net, zeros(16, 16), start: 2.5)").contains("start must be an integer level"));
    assertTrue(error("drdm.sample(net, zeros(16, 16), schedule: \"fast\")").contains("schedule must be \"paper\""));
    assertTrue(error("drdm.sample(net, zeros(2, 16, 16))").contains("deforms one image [H, W]"));
    assertTrue(error("drdm.sample(net, zeros(12, 16))").contains("multiple of 8"));
    assertTrue(error("drdm.sample(net, zeros(16, 16), n: 0)").contains("n must be in 1..4096"));
    String out = dir.resolve("o").toString();
    assertTrue(error("drdm.augment(net, zeros(2, 16, 16), zeros(3, 16, 16), out: \"" + out + "\")").contains("2 images but 3 label maps"));
    assertTrue(error("drdm.augment(net, zeros(2, 16, 16), zeros(2, 16, 24), out: \"" + out + "\")").contains("label map 0 has shape (16, 24)"));
    assertTrue(error("drdm.augment(net, zeros(2, 16, 16))").contains("missing argument 'out' for augment()"));
    assertTrue(error("drdm.augment(net, zeros(2, 16, 16), levels: [0], out: \"" + out + "\")").contains("each level must be a level in 1..80"));
    assertTrue(error("drdm.augment(net, zeros(2, 16, 16), out: \"" + out + "\", format: \"jpeg\")").contains("format must be \"nifti\" or \"png\""));
    assertTrue(error("drdm.augment(drdm.network(3), zeros(1, 16, 16, 16), out: \"" + out + "\", format: \"png\")").contains("format \"png\" is for 2-D"));
    assertTrue(error("drdm.synthesize_registration(net, zeros(1, 16, 16), levels: [[4]], out: \"" + out + "\")").contains("levels are pairs"));
    assertTrue(error("drdm.augment(net, zeros(1, 20, 16), out: \"" + out + "\")").contains("every side must be a multiple of 8"));
  }

  @Test void theErrorNamesTheLine() {
    TangentException e = assertThrows(TangentException.class, () -> T.t.eval("let a = 1\nnet(zeros(12, 16), 3)"));
    assertEquals(2, e.first().span().line(), e.format());
  }
}
