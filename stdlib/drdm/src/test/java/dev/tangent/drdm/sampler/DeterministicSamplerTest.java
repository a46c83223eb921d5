package dev.tangent.drdm.sampler;

import static dev.tangent.drdm.DrdmTesting.assertClose;
import static dev.tangent.drdm.DrdmTesting.doubles;
import static dev.tangent.drdm.DrdmTesting.flat;
import static dev.tangent.drdm.DrdmTesting.maxAbs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tangent.core.tensor.HeapStorage;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.drdm.DrdmTesting;
import dev.tangent.drdm.field.Deformation;
import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.drdm.field.kernel.Interp;
import dev.tangent.drdm.field.kernel.Padding;
import dev.tangent.io.array.NdArray;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spec section 6, case 8: with torch.randn replaced by sin(0.3 i + 0.7 j (+ 0.9 l) + 1.1 c + 0.5 k
 * + 0.13 b), reference: true reproduces the authors' DeformDDPM to float32 round-off: the
 * multi-scale velocity, psi_{t:1}, psi_t and the warped image, in 2-D and 3-D, for a batch with a
 * t per sample and for a size (24) whose upsampling factor is not a power of two.
 */
class DeterministicSamplerTest {
  static final Map<String, Object> JSON = DrdmTesting.vectors();
  static final Map<String, NdArray> REF = DrdmTesting.npz("drdm/reference-sampler.npz");
  static final ForwardSampler.Settings REFERENCE = ForwardSampler.Settings.authors();
  /** The default's scale with the authors' sigma. */
  static final ForwardSampler.Settings CROP = new ForwardSampler.Settings(ForwardSampler.REFERENCE_SIGMA, ForwardSampler.NOISE_RATIO, false);

  /** The spec's fraction-of-size units: voxels / S. */
  static double[] fraction(float[] vox, int size) {
    double[] d = doubles(vox);
    for (int i = 0; i < d.length; i++) d[i] /= size;
    return d;
  }

  @Test void multiscaleVelocityMatchesTheCode() {
    @SuppressWarnings("unchecked") Map<String, Object> c = (Map<String, Object>) JSON.get("det_sampler_2d_img16_t5");
    float[] v = ControlGrid.velocity(new SineNoise(), 0, 0, 2, ForwardSampler.REFERENCE_SIGMA);
    double sum = 0, abs = 0;
    for (float x : v) {
      sum += x / 64.0;
      abs += Math.abs(x / 64.0);
    }
    assertEquals((Double) c.get("multiscale_64grid_sum"), sum, 2e-6);
    assertEquals((Double) c.get("multiscale_64grid_abs_sum"), abs, 2e-6);
    double[] first8 = Arrays.copyOf(fraction(v, 64), 8);
    assertClose(flat(c.get("multiscale_64grid_ch0_row0_first8")), first8, 1e-6, 1e-12, "v[0, 0, 0, :8]");
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 30})
  void jsonCaseMatchesTheCode(int t) {
    @SuppressWarnings("unchecked") Map<String, Object> c = (Map<String, Object>) JSON.get("det_sampler_2d_img16_t" + t);
    ForwardSampler.Result r = ForwardSampler.sample(Grid.of(new int[] {16, 16}, "test"), new int[] {t}, new SineNoise(), REFERENCE, null);
    double[] ddf = fraction(r.ddf(), 16), dvf = fraction(r.dvf(), 16);
    double[] eddf = flat(c.get("ddf_fraction_units")), edvf = flat(c.get("dvf_target_fraction_units"));
    assertClose(eddf, ddf, 0, 3e-6 * maxAbs(eddf), "psi_t:1 at t = " + t);
    assertClose(edvf, dvf, 0, 3e-6 * maxAbs(edvf), "psi_t at t = " + t);
    assertEquals((Double) c.get("ddf_sum"), Arrays.stream(ddf).sum(), 1e-5 * Math.abs((Double) c.get("ddf_sum")));
    assertEquals((Double) c.get("dvf_sum"), Arrays.stream(dvf).sum(), 1e-5 * Math.abs((Double) c.get("dvf_sum")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"s2d16", "s2d16batch", "s2d24", "s3d8"})
  void referenceCasesMatchTheCode(String name) {
    NdArray img = REF.get(name + "_image");
    int[] ts = Arrays.stream(REF.get(name + "_t").toLongs()).mapToInt(x -> (int) x).toArray();
    int[] spatial = Arrays.copyOfRange(img.shape, 2, img.shape.length);
    Grid g = Grid.of(spatial, "test");
    ForwardSampler.Result r = ForwardSampler.sample(g, ts, new SineNoise(), REFERENCE, null);
    double[] eddf = REF.get(name + "_ddf").toDoubles(), edvf = REF.get(name + "_dvf").toDoubles();
    assertClose(eddf, fraction(r.ddf(), spatial[0]), 0, 3e-6 * maxAbs(eddf), name + " psi_t:1");
    assertClose(edvf, fraction(r.dvf(), spatial[0]), 0, 3e-6 * maxAbs(edvf), name + " psi_t");
    // and the image the sampler deforms: bilinear, zeros padding
    Deformation ddf = Deformation.wrap(g, ts.length, true, r.ddf());
    Tensor in = Tensor.of(img.shape, HeapStorage.of(img.toFloats()));
    Tensor warped = ddf.warp(in, Interp.LINEAR, Padding.ZEROS, null);
    assertClose(REF.get(name + "_warped").toDoubles(), warped.toDoubleArray(), 1e-4, 1e-5, name + " I_t");
  }

  @Test void theDefaultScaleIsTheCropRate() {
    assertEquals(4.4e-5f, ForwardSampler.Settings.defaults().sigma());
    assertEquals(false, ForwardSampler.Settings.defaults().reference());
    // At S = 16 DRDM's S/64 is 1/4; the default's crop rate 2 is 8 times that, in every voxel.
    Grid g = Grid.of(new int[] {16, 16}, "test");
    ForwardSampler.Result ref = ForwardSampler.sample(g, new int[] {30}, new SineNoise(), REFERENCE, null);
    ForwardSampler.Result def = ForwardSampler.sample(g, new int[] {30}, new SineNoise(), CROP, null);
    double[] scaled = doubles(ref.ddf());
    for (int i = 0; i < scaled.length; i++) scaled[i] *= 8;
    assertClose(scaled, doubles(def.ddf()), 1e-5, 1e-6 * maxAbs(scaled), "crop-rate scale");
    // and at S = 128 they coincide
    Grid g128 = Grid.of(new int[] {128, 128}, "test");
    ForwardSampler.Result r128 = ForwardSampler.sample(g128, new int[] {30}, new SineNoise(), REFERENCE, null);
    ForwardSampler.Result d128 = ForwardSampler.sample(g128, new int[] {30}, new SineNoise(), CROP, null);
    assertClose(doubles(r128.ddf()), doubles(d128.ddf()), 0, 0, "S = 128");
  }
}
