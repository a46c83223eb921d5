package dev.tangent.drdm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.drdm.DrdmTesting;
import dev.tangent.spi.Context;
import dev.tangent.spi.TangentError;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every form drdm.train/augment accept as images reads the same pixels: a tensor in its three
 * shapes, a dataset or list (of tensors or of (image, label) tuples), a folder of PNG and NIfTI
 * files (in name order, named by their stems), a gzipped IDX file written byte by byte here, and
 * a 3-D NIfTI volume; handed out normalised to [0, 1] and resized when asked.
 */
class ImageSetTest {
  final DrdmTesting d = new DrdmTesting();
  @TempDir Path dir;

  Context ctx() { return d.t.interpreter().context(); }

  /** Image k of the test data: 8 x 12 integers 0..255, distinct per image. */
  static float[] pixels(int k) {
    float[] v = new float[8 * 12];
    for (int i = 0; i < v.length; i++) v[i] = (i * 7 + k * 31) % 256;
    return v;
  }

  String tensorCode(int k) {
    StringBuilder s = new StringBuilder("tensor([");
    float[] v = pixels(k);
    for (int i = 0; i < v.length; i++) s.append(i == 0 ? "" : ", ").append((int) v[i]);
    return s.append("]).reshape(8, 12)").toString();
  }

  void assertImages(ImageSet set, int... which) {
    assertEquals(which.length, set.size());
    for (int i = 0; i < which.length; i++) {
      assertArrayEquals(new int[] {8, 12}, set.shape(i));
      assertArrayEquals(pixels(which[i]), set.raw(i), "image " + i);
    }
  }

  @Test void tensorsInEveryShapeAndDatasets() {
    d.eval("let a = " + tensorCode(0) + "\nlet b = " + tensorCode(1));
    assertImages(ImageSet.of(d.eval("a"), 2, ctx(), "t"), 0);
    assertImages(ImageSet.of(d.eval("stack([a, b])"), 2, ctx(), "t"), 0, 1);
    assertImages(ImageSet.of(d.eval("stack([a, b]).reshape(2, 1, 8, 12)"), 2, ctx(), "t"), 0, 1);
    assertImages(ImageSet.of(d.eval("[b, a]"), 2, ctx(), "t"), 1, 0);
    assertImages(ImageSet.of(d.eval("[(a, 3), (b, 4)]"), 2, ctx(), "t"), 0, 1);
    assertEquals("image_0001", ImageSet.of(d.eval("[a, b]"), 2, ctx(), "t").name(1));
  }

  @Test void aFolderOfPngAndNiftiFilesInNameOrder() {
    Path f = dir.resolve("imgs");
    d.eval("save_image(\"" + f.resolve("b_png.png") + "\", " + tensorCode(1) + ", vmin: 0, vmax: 255)\n"
        + "save_image(\"" + f.resolve("a_png.png") + "\", " + tensorCode(0) + ", vmin: 0, vmax: 255)\n"
        // a 2-D slice as NIfTI tools store it, [X, Y, 1]
        + "save_nifti(\"" + f.resolve("c_nii.nii.gz") + "\", " + tensorCode(2) + ".reshape(8, 12, 1))\n"
        + "save_nifti(\"" + f.resolve("d_nii.nii") + "\", " + tensorCode(3) + ")");
    ImageSet set = ImageSet.of(f.toString(), 2, ctx(), "t");
    assertImages(set, 0, 1, 2, 3);
    assertEquals("a_png", set.name(0));
    assertEquals("c_nii", set.name(2));
    assertEquals("d_nii", set.name(3));
    // one file alone
    assertImages(ImageSet.of(f.resolve("b_png.png").toString(), 2, ctx(), "t"), 1);
  }

  @Test void aGzippedIdxFile() throws Exception {
    Path f = dir.resolve("train-images-idx3-ubyte.gz");
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(f)))) {
      out.writeInt(0x00000803); // unsigned bytes, 3 dimensions
      out.writeInt(3);
      out.writeInt(8);
      out.writeInt(12);
      for (int k = 0; k < 3; k++) for (float v : pixels(k)) out.writeByte((int) v);
    }
    assertImages(ImageSet.of(f.toString(), 2, ctx(), "t"), 0, 1, 2);
  }

  @Test void aNiftiVolumeFor3d() {
    Path f = dir.resolve("vol.nii.gz");
    d.eval("let v = arange(4 * 5 * 6).reshape(4, 5, 6)\nsave_nifti(\"" + f + "\", v)");
    ImageSet set = ImageSet.of(f.toString(), 3, ctx(), "t");
    assertEquals(1, set.size());
    assertArrayEquals(new int[] {4, 5, 6}, set.shape(0));
    float[] raw = set.raw(0);
    for (int i = 0; i < raw.length; i++) assertEquals(i, raw[i], 0f, "voxel " + i + " in row-major order");
  }

  @Test void normalisedToTheUnitIntervalAndResized() {
    d.eval("let a = " + tensorCode(0));
    ImageSet set = ImageSet.of(d.eval("a * 2 + 10"), 2, ctx(), "t");
    float[] img = set.image(0, null, ctx());
    float[] src = pixels(0);
    float lo = 255, hi = 0;
    for (float v : src) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    for (int i = 0; i < img.length; i++) assertEquals((src[i] - lo) / (hi - lo), img[i], 1e-6, "pixel " + i);
    // resizing goes through drdm.interpolate's kernel (align_corners=False)
    float[] big = set.image(0, new int[] {16, 24}, ctx());
    Tensor want = (Tensor) d.eval("drdm.interpolate(((a - a.min()) / (a.max() - a.min())).reshape(1, 1, 8, 12), [16, 24])");
    assertArrayEquals(want.toFloatArray(), big, 1e-6f);
    // a constant image becomes 0, not NaN
    for (float v : ImageSet.of(d.eval("full([8, 8], 3.0)"), 2, ctx(), "t").image(0, null, ctx())) assertEquals(0f, v);
    String e = assertThrows(TangentError.class, () -> ImageSet.of(d.eval("zeros(2, 3, 8, 8)"), 2, ctx(), "drdm.train()")).getMessage();
    assertTrue(e.contains("[N, 1, H, W], got shape (2, 3, 8, 8)"), e);
  }
}
