package dev.tangent.drdm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The values of drdm-testvectors.json that no other test reads by name: the bicubic identity
 * bound, the shift cases' input, the affine matrix with its error bound, and the inverse's
 * residuals (spec §6 cases 2, 3, 6, 7). The rest is read in ScheduleTest, WarpTest,
 * DeterministicSamplerTest, JacobianTest, LossTest and NetworkTest.
 */
class TestVectorsTest {
  static final Map<String, Object> V = DrdmTesting.vectors();
  final DrdmTesting d = new DrdmTesting();

  @Test void identityWarpsStayWithinTheReferenceBounds() {
    d.eval("let img = randn(32, 32, seed: 1).astype(\"f32\")\nlet id = Deformation.identity([32, 32])");
    double cubic = DrdmTesting.maxAbsDiff(d.values("id(img, mode: \"cubic\")"), d.values("img"));
    double linear = DrdmTesting.maxAbsDiff(d.values("id(img)"), d.values("img"));
    assertTrue(cubic <= (Double) V.get("stn_identity_maxabs_err_bicubic"), "bicubic " + cubic);
    assertTrue(linear <= (Double) V.get("stn_identity_maxabs_err_bilinear"), "bilinear " + linear);
  }

  @Test void theShiftCaseInputIsTheRamp() {
    double[] in = DrdmTesting.flat(V.get("stn_shift_rows_plus1_input"));
    double[] ramp = new double[64];
    for (int i = 0; i < 64; i++) ramp[i] = i;
    assertArrayEquals(ramp, in, "img[i, j] = 8 i + j");
    // warp by one row (channel 0 = 1/S in the code's units) with zeros padding
    d.t.set("ramp", in);
    d.eval("let u = zeros(2, 8, 8)\nu[0] = 1 / 8\nlet one = Deformation(u, units: \"fraction\")");
    // The code normalises positions in float32 (7.9999995 for 8); positions here are exact (docs: Choices).
    assertArrayEquals(DrdmTesting.flat(V.get("stn_shift_rows_plus1_output_zeros_pad")),
        d.values("one(tensor(ramp).reshape(8, 8))"), 1e-6);
  }

  @Test void affineDeterminantsFromTheJsonMatrix() {
    @SuppressWarnings("unchecked") List<Object> a = (List<Object>) V.get("affine2d_A");
    d.t.set("A", DrdmTesting.flat(a));
    double[] det = d.values("Deformation.affine(tensor(A).reshape(2, 2), shape: [24, 24], center: [0, 0]).jacdet()");
    double expected = (Double) V.get("affine2d_detJ_expected");
    // The reference's bound is for float64 fields; a Deformation stores float32 displacements.
    double bound = Math.max(1e-6, (Double) V.get("affine2d_detJ_maxabs_err"));
    for (double x : det) assertEquals(expected, x, bound);
    double[] det3 = d.values("Deformation.affine([[1.1, 0.2, 0], [0, 0.8, 0.1], [0.05, 0, 1.3]], shape: [6, 7, 8], center: [0, 0, 0]).jacdet()");
    double bound3 = Math.max(1e-6, (Double) V.get("affine3d_detJ_maxabs_err"));
    for (double x : det3) assertEquals((Double) V.get("affine3d_detJ_expected"), x, bound3);
  }

  @Test void inverseResidualsAsTheReference() {
    // spec case 6: a smooth field of about 2 voxels (the reference's max |u| is given), its fixed-point inverse
    @SuppressWarnings("unchecked") List<Object> resid = (List<Object>) V.get("inverse_fixed_point_max_resid_vox");
    double umax = (Double) V.get("inverse_test_u_max_vox");
    d.eval("let c = randn(2, 8, 8, seed: 11)\n"
        + "let u = Deformation(drdm.interpolate(c, [64, 64]))\n"
        + "let s = " + umax + " / u.tensor().abs().max()\n"
        + "let phi = u.scale(s)\n"
        + "let v = phi.inv(method: \"fixed_point\")");
    assertEquals(umax, d.num("phi.tensor().abs().max()"), 1e-4);
    double left = d.num("(v * phi).tensor().abs().max()");
    double right = d.num("(phi * v).tensor().abs().max()");
    assertTrue(left <= 10 * ((Number) resid.get(0)).doubleValue(), "v + u(x + v) = " + left);
    assertTrue(right <= 2 * ((Number) resid.get(1)).doubleValue() + 0.05, "u + v(x + u) = " + right + " (interpolation error)");
  }
}
