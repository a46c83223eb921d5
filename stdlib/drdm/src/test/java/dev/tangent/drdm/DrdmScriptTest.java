package dev.tangent.drdm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.core.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drdm field API as scripts use it: construction, operators, batches, forward(), plots, files and errors. */
class DrdmScriptTest {
  final DrdmTesting d = new DrdmTesting();
  @TempDir Path dir;

  @Test void fieldsFromTensorsInEitherUnits() {
    d.eval("let u = zeros(2, 4, 8)\nu[1] = 0.5\nlet phi = Deformation(u, units: \"fraction\")");
    assertEquals("Deformation(2-D 4x8)", d.eval("str(phi)"));
    assertEquals(2.0, d.num("phi.tensor()[1, 0, 0]"), "0.5 of S_0 = 4 rows, for the columns too (one unit for every component)");
    assertEquals(0.5, d.num("phi.tensor(units: \"fraction\")[1, 3, 7]"));
    assertEquals("f32", d.eval("phi.tensor().dtype"));
    assertEquals(true, d.eval("type(phi) == Deformation"));
    assertEquals("(4, 8)", d.eval("str(phi.shape)"));
    assertEquals(2.0, d.num("phi.ndim"));
    assertEquals(false, d.eval("phi.batched"));
    // pull-back: out[i, j] = img[i, j + 2]
    d.eval("let img = tensor([[0, 1, 2, 3, 4, 5, 6, 7]] * 4)");
    assertArrayEquals(new double[] {2, 3, 4, 5, 6, 7, 0, 0}, d.values("phi(img)[0]"));
    assertArrayEquals(new double[] {2, 3, 4, 5, 6, 7, 7, 7}, d.values("phi.warp(img, padding: \"border\")[0]"));
  }

  @Test void operatorsComposeAndAddInTheDocumentedOrder() {
    d.eval("let a = Deformation.affine([[1, 0], [0, 1]], [1, 0], shape: [8, 8])\n"
        + "let b = Deformation.affine([[1, 0], [0, 1]], [0, 2], shape: [8, 8])\n"
        + "let img = arange(64).reshape(8, 8)");
    assertEquals(true, d.eval("((b * a)(img) == b(a(img))).all()"), "(b * a)(img) == b(a(img))");
    assertEquals(true, d.eval("((b * a).tensor() == (a + b).tensor()).all()"), "translations add");
    assertEquals(4.0, d.num("(a + b).scale(2).tensor()[1, 5, 5]"));
    assertEquals(true, d.eval("(a.compose(b).tensor() == (a * b).tensor()).all()"));
  }

  @Test void batchesIndexSliceAndMeasure() {
    d.eval("let (phi, psi, it) = drdm.forward(zeros(3, 1, 32, 32), [5, 40, 79], seed: 11)");
    assertEquals(true, d.eval("phi.batched"));
    assertEquals(3.0, d.num("len(phi)"));
    assertEquals(3.0, d.num("phi.batch"));
    assertEquals("Deformation(2-D 32x32, batch of 2)", d.eval("str(phi[1:])"));
    assertEquals(true, d.eval("(phi[-1].tensor() == phi.tensor()[2]).all()"));
    assertTrue(d.num("phi[2].magnitude().mean") > 5 * d.num("phi[0].magnitude().mean"), "later t, larger fields");
    assertTrue(d.num("phi[2].magnitude().mean") > d.num("phi[1].magnitude().mean"));
    assertArrayEquals(new int[] {3, 32, 32}, ((Tensor) d.eval("phi.jacdet()")).shape());
    assertEquals(0.0, d.num("psi[0].fold_rate()"));
    assertArrayEquals(new int[] {3, 1, 32, 32}, ((Tensor) d.eval("it")).shape());
  }

  @Test void forwardIsDeterministicPerSeedAndPerSample() {
    d.eval("let img = randn(2, 1, 24, 24, seed: 1)");
    d.eval("let (a, _, ia) = drdm.forward(img, 30, seed: 5)\nlet (b, _, ib) = drdm.forward(img, 30, seed: 5)\n"
        + "let (c, _, _) = drdm.forward(img, 30, seed: 6)");
    assertEquals(true, d.eval("(a.tensor() == b.tensor()).all() and (ia == ib).all()"));
    assertEquals(false, d.eval("(c.tensor() == a.tensor()).all()"));
    // sample b of a batch draws from its own stream: image 0 alone gets the same field
    d.eval("let (one, _, _) = drdm.forward(img[0:1], 30, seed: 5)");
    assertEquals(true, d.eval("(one.tensor()[0] == a.tensor()[0]).all()"));
    // without a seed, successive calls differ
    assertNotEquals(d.num("drdm.forward(img[0, 0], 10)[0].tensor().sum()"), d.num("drdm.forward(img[0, 0], 10)[0].tensor().sum()"));
    // 3-D volumes and a channel axis
    assertArrayEquals(new int[] {2, 12, 12, 12}, ((Tensor) d.eval("drdm.forward(zeros(2, 12, 12, 12), 3, ndim: 3, seed: 1)[2]")).shape());
    assertEquals(3.0, d.num("drdm.forward(zeros(12, 12, 12), 3, seed: 1)[0].ndim"));
  }

  @Test void plotsTakeDeformations() throws Exception {
    d.eval("import plot\nlet (phi, _, _) = drdm.forward(zeros(48, 48), 79, seed: 3)");
    for (String fig : new String[] {"plot.grid_warp(phi)", "plot.quiver(phi)", "plot.image(phi.jacdet(), center: 1)"}) {
      Path p = dir.resolve(fig.hashCode() + ".png");
      d.eval(fig + ".save(\"" + p + "\")");
      BufferedImage img = ImageIO.read(p.toFile());
      assertTrue(img != null && img.getWidth() >= 100, fig);
    }
    // the same picture as the field's displacement tensor in voxels (what plot draws for a tensor)
    for (String f : new String[] {"grid_warp", "quiver"}) {
      Path a = dir.resolve(f + "-phi.png"), b = dir.resolve(f + "-tensor.png");
      d.eval("plot." + f + "(phi).save(\"" + a + "\")\nplot." + f + "(phi.tensor()).save(\"" + b + "\")");
      BufferedImage ia = ImageIO.read(a.toFile()), ib = ImageIO.read(b.toFile());
      assertEquals(ib.getWidth(), ia.getWidth());
      for (int y = 0; y < ia.getHeight(); y++) for (int x = 0; x < ia.getWidth(); x++) assertEquals(ib.getRGB(x, y), ia.getRGB(x, y), f);
    }
    assertTrue(d.error("plot.quiver(Deformation.identity([4, 4, 4]))").contains("[2, H, W]"));
  }

  @Test void savedFieldsLoadBack() {
    String p = dir.resolve("f.nii.gz").toString(), q = dir.resolve("f.npz").toString();
    d.eval("let (phi, _, _) = drdm.forward(zeros(2, 1, 16, 16), 20, seed: 1)\nphi.save(\"" + p + "\")\nphi.save(\"" + q + "\")");
    assertEquals(true, d.eval("(drdm.load_field(\"" + p + "\").tensor() == phi.tensor()).all()"));
    assertEquals(true, d.eval("(Deformation.load(\"" + q + "\").tensor() == phi.tensor()).all()"));
    assertEquals(true, d.eval("(load_npz(\"" + q + "\").displacement == phi.tensor()).all()"), "a plain .npz for numpy");
  }

  @Test void longWorkStopsWhenInterrupted() throws Exception {
    // a 3-D batch at t = 79 takes seconds; the interrupt lands between samples or slabs
    for (String code : new String[] {"drdm.forward(zeros(4, 1, 96, 96, 96), 79, seed: 1)",
        "Deformation.identity([400, 400, 400]).scale(1).inv(tol: 0)"}) {
      Thread th = new Thread(() -> {
        try {
          Thread.sleep(700);
        } catch (InterruptedException e) {
          return;
        }
        d.t.interrupt();
      });
      th.start();
      long t0 = System.nanoTime();
      String f = d.error(code);
      th.join();
      assertTrue(f.contains("interrupted"), f);
      assertTrue((System.nanoTime() - t0) / 1e9 < 30, "stopped promptly");
    }
  }

  @Test void badInputGetsAPositionedMessage() {
    String[][] cases = {
        {"Deformation(zeros(4, 8, 8))", "one channel per spatial axis"},
        {"Deformation(zeros(3, 2, 8, 8))", "say which with batched: false or batched: true"},
        {"Deformation(zeros(2, 8))", "(2, H, W), (3, D, H, W)"},
        {"Deformation(zeros(2, 1, 8))", "at least 2 voxels"},
        {"Deformation(full([2, 4, 4], 0 / 0))", "NaN or infinite"},
        {"Deformation.identity([4, 4])(zeros(5, 4))", "warps images of shape (4, 4), (C, 4, 4) or (B, C, 4, 4), got shape (5, 4)"},
        {"Deformation.identity([4, 4])(zeros(4, 4), mode: \"spline\")", "mode must be \"linear\", \"cubic\" or \"nearest\""},
        {"Deformation.identity([4, 4])(zeros(4, 4), padding: \"reflect\")", "padding must be \"zeros\" or \"border\""},
        {"Deformation.identity([4, 4]) * Deformation.identity([4, 5])", "the grids differ, (4, 4) and (4, 5)"},
        {"Deformation.identity([4, 4], batch: 2) + Deformation.identity([4, 4], batch: 3)", "batches of 2 and 3 fields"},
        {"Deformation.identity([4, 4], batch: 2)(zeros(3, 1, 4, 4))", "3 images for a batch of 2 fields"},
        {"Deformation.identity([4, 4])[0]", "cannot be indexed"},
        {"Deformation.identity([100000, 100000, 100000])", "too large"},
        {"Deformation.affine([[1, 0], [0, 1]], shape: [4, 4, 4])", "A must be 3x3"},
        {"drdm.forward(zeros(16, 16), 81)", "t must be an integer in 0..80"},
        {"drdm.forward(zeros(16, 16), -1)", "t must be an integer in 0..80"},
        {"drdm.forward(zeros(16, 16), 2.5)", "must be an integer"},
        {"drdm.forward(zeros(16, 16), [1, 2])", "a list of t needs a batch of images"},
        {"drdm.forward(zeros(2, 1, 16, 16), [1, 2, 3])", "3 values of t for a batch of 2 images"},
        {"drdm.forward(zeros(16), 3)", "images are (H, W), (D, H, W)"},
        {"drdm.forward(zeros(16, 12), 3, reference: true)", "square (cubic) images"},
        {"drdm.forward(zeros(16, 16), 3, sigma: -1)", "sigma must be in [0, 1)"},
        {"drdm.load_field(\"/no/such/file.npz\")", "no such file"},
        {"drdm.load_field(\"x.txt\")", "a field file is .npz, .nii or .nii.gz"},
        {"drdm.interpolate(zeros(3, 4), [5])", "size has 2 or 3 entries"},
        {"Deformation.identity([4, 4]).inv(iters: 0)", "iters must be at least 1"},
    };
    for (String[] c : cases) {
      String f = d.error(c[0]);
      assertTrue(f.startsWith("<eval>:1:"), "positioned: " + f);
      assertTrue(f.contains(c[1]), c[0] + " -> " + f);
    }
  }
}
