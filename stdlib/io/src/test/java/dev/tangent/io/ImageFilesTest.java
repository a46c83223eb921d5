package dev.tangent.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.Permissions;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PNG and JPEG on the real pictures python3-skimage ships. PNG pixels are checked against an
 * independent decoder (TinyPng) and against skimage's own decoded copies (chessboard_*_U8.npy).
 */
class ImageFilesTest {
  private final Tangent t = Tangent.builder().output(new StringWriter()).permissions(Permissions.all()).build();

  private Tensor image(String code) {
    return (Tensor) t.evalRaw(code);
  }

  private static double[] asDoubles(int[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) d[i] = v[i];
    return d;
  }

  @Test void cameraIsA512SquareGreyPicture() throws IOException {
    Path p = DebianData.file("skimage/camera.png");
    Tensor img = image("load_image(\"" + p + "\")");
    assertArrayEquals(new int[] {512, 512}, img.shape());
    assertArrayEquals(asDoubles(TinyPng.read(p).samples), img.toDoubleArray());
    assertEquals("i64", img.dtype());
  }

  @Test void rgbAndPalettePicturesMatchAnIndependentDecoder() throws IOException {
    for (String name : new String[] {"astronaut.png", "palette_color.png", "coins.png"}) {
      Path p = DebianData.file("skimage/" + name);
      TinyPng ref = TinyPng.read(p);
      Tensor img = image("load_image(\"" + p + "\")");
      int[] expected = ref.channels == 1 ? new int[] {ref.height, ref.width} : new int[] {ref.height, ref.width, ref.channels};
      assertArrayEquals(expected, img.shape(), name);
      assertArrayEquals(asDoubles(ref.samples), img.toDoubleArray(), name);
    }
  }

  @Test void chessboardsMatchScikitImagesOwnDecoding() {
    String d = DebianData.file("skimage/chessboard_GRAY.png").getParent().toString();
    Tensor grey = image("load_image(\"" + d + "/chessboard_GRAY.png\")");
    Tensor greyRef = image("load_npy(\"" + d + "/chessboard_GRAY_U8.npy\")");
    assertArrayEquals(greyRef.shape(), grey.shape());
    assertArrayEquals(greyRef.toDoubleArray(), grey.toDoubleArray());
    // chessboard_RGB.png is a 16-bit PNG; skimage's 8-bit copy is its top byte
    Tensor rgb = image("load_image(\"" + d + "/chessboard_RGB.png\")");
    Tensor rgbRef = image("load_npy(\"" + d + "/chessboard_RGB_U8.npy\")");
    assertArrayEquals(new int[] {200, 200, 3}, rgb.shape());
    double[] a = rgb.toDoubleArray(), b = rgbRef.toDoubleArray();
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      assertEquals(b[i], Math.floor(a[i] / 256), "sample " + i);
      max = Math.max(max, a[i]);
    }
    assertEquals(65535, max, "16-bit samples keep their full range");
  }

  @Test void retinaIsAColourJpeg() {
    Path p = DebianData.file("skimage/retina.jpg");
    Tensor img = image("load_image(\"" + p + "\")");
    assertArrayEquals(new int[] {1411, 1411, 3}, img.shape());
    for (int c = 0; c < 3; c++) assertTrue(img.getAt(0, 0, c) < 20, "the fundus photo has a black surround");
    double[] mean = new double[3];
    for (int y = 600; y < 800; y++) for (int x = 600; x < 800; x++) for (int c = 0; c < 3; c++) mean[c] += img.getAt(y, x, c);
    assertTrue(mean[0] > mean[1] && mean[1] > mean[2], "a retina is red: " + java.util.Arrays.toString(mean));
    Tensor grey = image("load_image(\"" + p + "\", mode: \"grey\")");
    assertArrayEquals(new int[] {1411, 1411}, grey.shape());
    double luma = 0.299 * img.getAt(700, 700, 0) + 0.587 * img.getAt(700, 700, 1) + 0.114 * img.getAt(700, 700, 2);
    assertEquals(Math.rint(luma), grey.getAt(700, 700));
  }

  @Test void pngRoundTripsExactlyInEveryLayout(@TempDir Path dir) throws IOException {
    int[][] layouts = {{3, 4}, {3, 4, 1}, {3, 4, 2}, {3, 4, 3}, {3, 4, 4}};
    for (int[] shape : layouts) {
      int n = java.util.Arrays.stream(shape).reduce(1, (x, y) -> x * y);
      double[] v = new double[n];
      for (int i = 0; i < n; i++) v[i] = i * 7 % 256;
      t.interpreter().setGlobal("v", Tensor.ofLongs(shape, java.util.Arrays.stream(v).mapToLong(x -> (long) x).toArray()));
      Path out = dir.resolve("x" + shape.length + (shape.length == 3 ? shape[2] : 0) + ".png");
      t.evalRaw("save_image(\"" + out + "\", v)");
      TinyPng ref = TinyPng.read(out);
      assertEquals(shape.length == 2 ? 1 : shape[2], ref.channels);
      assertArrayEquals(java.util.Arrays.stream(v).mapToInt(x -> (int) x).toArray(), ref.samples, java.util.Arrays.toString(shape));
      Tensor back = image("load_image(\"" + out + "\")");
      assertArrayEquals(v, back.toDoubleArray());
    }
    Path wide = dir.resolve("wide.png");
    t.evalRaw("save_image(\"" + wide + "\", tensor([[0, 1000], [40000, 65535]]), bits: 16)");
    TinyPng ref = TinyPng.read(wide);
    assertEquals(16, ref.depth);
    assertArrayEquals(new int[] {0, 1000, 40000, 65535}, ref.samples);
    assertArrayEquals(new double[] {0, 1000, 40000, 65535}, image("load_image(\"" + wide + "\")").toDoubleArray());
  }

  @Test void floatImagesAreScaled(@TempDir Path dir) throws IOException {
    Path unit = dir.resolve("unit.png");
    t.evalRaw("save_image(\"" + unit + "\", tensor([[0.0, 0.5], [0.25, 1.0]]))");
    assertArrayEquals(new int[] {0, 128, 64, 255}, TinyPng.read(unit).samples);
    Path mapped = dir.resolve("mapped.png");
    t.evalRaw("save_image(\"" + mapped + "\", tensor([[-1.0, 0.0], [1.0, 3.0]]), vmin: -1, vmax: 1)");
    assertArrayEquals(new int[] {0, 128, 255, 255}, TinyPng.read(mapped).samples, "vmin/vmax map linearly and clip");
  }

  @Test void jpegRoundTripIsClose(@TempDir Path dir) {
    Path out = dir.resolve("smooth.jpg");
    double[] px = new double[64 * 64 * 3];
    for (int y = 0; y < 64; y++) for (int x = 0; x < 64; x++) {
      px[(y * 64 + x) * 3] = x * 4;
      px[(y * 64 + x) * 3 + 1] = y * 4;
      px[(y * 64 + x) * 3 + 2] = 128;
    }
    t.interpreter().setGlobal("img", Tensor.ofDoubles(new int[] {64, 64, 3}, px));
    t.evalRaw("save_image(\"" + out + "\", img, vmin: 0, vmax: 255, quality: 0.95)");
    Tensor back = image("load_image(\"" + out + "\")");
    assertArrayEquals(new int[] {64, 64, 3}, back.shape());
    double err = 0;
    for (int y = 0; y < 64; y++) for (int x = 0; x < 64; x++) {
      err += Math.abs(back.getAt(y, x, 0) - x * 4) + Math.abs(back.getAt(y, x, 1) - y * 4) + Math.abs(back.getAt(y, x, 2) - 128);
    }
    assertTrue(err / (64 * 64 * 3) < 3, "mean error " + err / (64 * 64 * 3));
  }

  @Test void badImagesAndBadArgumentsSayWhy(@TempDir Path dir) throws IOException {
    Path text = dir.resolve("fake.png");
    Files.writeString(text, "hello");
    assertMessage("load_image(\"" + text + "\")", "load_image(): " + text + ": not a PNG or JPEG image");
    Path cut = dir.resolve("cut.png");
    byte[] cam = Files.readAllBytes(DebianData.file("skimage/camera.png"));
    Files.write(cut, java.util.Arrays.copyOf(cam, 3000));
    assertMessage("load_image(\"" + cut + "\")", "load_image(): " + cut + ": corrupt or unsupported PNG image");
    assertMessage("save_image(\"" + dir.resolve("a.png") + "\", tensor([[300]]))", "values span 300..300, outside 0..255; pass vmin: and vmax:");
    assertMessage("save_image(\"" + dir.resolve("a.png") + "\", tensor([1, 2]))", "an image is [H, W] or [H, W, C]");
    assertMessage("save_image(\"" + dir.resolve("a.jpg") + "\", tensor([[[1, 2, 3, 4]]]))", "JPEG has no alpha channel");
    assertMessage("save_image(\"" + dir.resolve("a.gif") + "\", tensor([[1]]))", "the image name must end in .png, .jpg or .jpeg");
    assertTrue(!Files.exists(dir.resolve("a.png")), "a failed save leaves no file");
  }

  @Test void truncatedJpegFromScikitImage() {
    Path p = DebianData.file("skimage/truncated.jpg");
    TangentException e = assertThrows(TangentException.class, () -> t.evalRaw("load_image(\"" + p + "\")"));
    assertTrue(e.format().contains("load_image(): " + p + ": corrupt or unsupported JPEG image"), e.format());
  }

  @Test void theSandboxGuardsImages(@TempDir Path dir) {
    Tangent sandboxed = Tangent.builder().output(new StringWriter()).permissions(Permissions.none().allowReadWrite(dir)).build();
    Path cam = DebianData.file("skimage/camera.png");
    TangentException e = assertThrows(TangentException.class, () -> sandboxed.eval("load_image(\"" + cam + "\")"));
    assertTrue(e.format().contains("permission denied: reading"), e.format());
    e = assertThrows(TangentException.class, () -> sandboxed.eval("save_image(\"" + cam.getParent().resolve("x.png") + "\", tensor([[1]]))"));
    assertTrue(e.format().contains("permission denied: writing"), e.format());
  }

  private void assertMessage(String code, String expected) {
    TangentException e = assertThrows(TangentException.class, () -> t.evalRaw(code));
    assertTrue(e.format().contains(expected), e.format());
    assertTrue(!e.format().contains("\tat "), e.format());
  }
}
