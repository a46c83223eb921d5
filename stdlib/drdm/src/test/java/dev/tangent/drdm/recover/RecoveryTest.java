package dev.tangent.drdm.recover;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.drdm.DrdmTesting;
import org.junit.jupiter.api.Test;

/**
 * drdm.sample (Algorithm 2): the schedules, the same result as the algorithm written out in the
 * language (with the authors' trained weights on the reference test image), the original image
 * resampled by the returned fields, per-sample seeds.
 */
class RecoveryTest {
  static final String WEIGHTS = DrdmTesting.testdata("drdm/drdm-cmr-recresacnet-2d.npz").toString();
  static final String VECTOR = DrdmTesting.testdata("drdm/drdm-recresacnet-vector-a.npz").toString();
  final DrdmTesting d = new DrdmTesting();

  @Test void schedules() {
    assertArrayEquals(new int[] {5, 4, 3, 2, 1}, Recovery.steps(5, Recovery.Schedule.PAPER));
    int[] top = Recovery.steps(80, Recovery.Schedule.PAPER);
    assertEquals(80, top.length);
    assertEquals(79, top[0], "level 80 asks the network at its last step");
    assertEquals(1, top[79]);
    int[] ref = Recovery.steps(5, Recovery.Schedule.REFERENCE);
    assertEquals(80, ref.length, "the reference always runs 79..0");
    assertEquals(79, ref[0]);
    assertEquals(0, ref[79]);
  }

  /**
   * Algorithm 2 written out in the language (forward, the network, composition, warp of the
   * original) gives the fields and images of drdm.sample, with the authors' trained weights on
   * the reference test image (vector-a, 64 x 64).
   */
  @Test void sampleIsAlgorithmTwo() {
    d.eval("let net = drdm.load_network(\"" + WEIGHTS + "\")\n"
        + "let img = nn.load_weights(\"" + VECTOR + "\")[\"image\"].tensor().astype(\"f32\")\n"
        + "let s = drdm.sample(net, img, start: 6, n: 2, seed: 3)\n"
        + "let (phi0, _, _) = drdm.forward(img, 6, seed: 3)\n"
        + "var phi = phi0\n"
        + "for t in [6, 5, 4, 3, 2, 1] {\n"
        + "  let psi_hat = net(phi(img), t)\n"
        + "  phi = psi_hat.compose(phi, padding: \"zeros\")\n"
        + "}");
    assertEquals("Deformation(2-D 64x64, batch of 2)", d.eval("str(s.fields)"));
    assertEquals("(2, 64, 64)", d.eval("str(s.images.shape)"));
    assertEquals(0, DrdmTesting.maxAbsDiff(d.values("phi0.tensor()"), d.values("s.start_fields[0].tensor()")), "the same start");
    double err = DrdmTesting.maxAbsDiff(d.values("phi.tensor()"), d.values("s.fields[0].tensor()"));
    assertTrue(err < 1e-3, "the same recovery: " + err);
    assertTrue(DrdmTesting.maxAbsDiff(d.values("phi.tensor()"), d.values("phi0.tensor()")) > 0.05, "the network moved the field");
    // Always the ORIGINAL image, resampled by the returned field.
    assertEquals(0, DrdmTesting.maxAbsDiff(d.values("s.images"), d.values("s.fields(img)")));
    assertEquals(0, DrdmTesting.maxAbsDiff(d.values("s.start_images"), d.values("s.start_fields(img)")));
    // Sample b depends on (seed, b) only; the second differs from the first.
    assertTrue(DrdmTesting.maxAbsDiff(d.values("s.start_fields[1].tensor()"), d.values("phi0.tensor()")) > 0.01);
    System.out.println("T' = 6 on vector-a: mean |psi_T':1| " + d.num("s.start_fields.magnitude().mean") + " voxels, mean |phi| "
        + d.num("s.fields.magnitude().mean"));
  }

  @Test void theReferenceScheduleRunsEightySteps() {
    d.eval("let net = drdm.network(2, seed: 1)\nlet img = randn(16, 16, seed: 2)\n"
        + "let r = drdm.sample(net, img, start: 3, seed: 1, schedule: \"reference\", mode: \"cubic\")\n"
        + "let p = drdm.sample(net, img, start: 3, seed: 1)");
    assertEquals(0, DrdmTesting.maxAbsDiff(d.values("r.start_fields.tensor()"), d.values("p.start_fields.tensor()")), "the same start");
    assertTrue(DrdmTesting.maxAbsDiff(d.values("r.fields.tensor()"), d.values("p.fields.tensor()")) > 1e-6, "different recoveries");
    // (img is f64; sample reads it as f32, as the network does)
    assertTrue(DrdmTesting.maxAbsDiff(d.values("r.images"), d.values("r.fields(img, mode: \"cubic\")")) < 1e-6);
  }
}
