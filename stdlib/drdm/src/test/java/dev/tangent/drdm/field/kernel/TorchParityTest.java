package dev.tangent.drdm.field.kernel;

import static dev.tangent.drdm.DrdmTesting.assertClose;
import static dev.tangent.drdm.DrdmTesting.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tangent.drdm.DrdmTesting;
import dev.tangent.io.array.NdArray;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The kernels against PyTorch 2.13 on the same inputs (testdata/drdm/torch-warp-interp.npz, made by
 * bench/drdm/make_reference_vectors.py): grid_sample with align_corners=True in every mode and
 * padding, on a non-square two-channel 2-D image and a 3-D volume whose fields leave the grid;
 * F.interpolate(align_corners=False) up, down and to the same size.
 */
class TorchParityTest {
  static final Map<String, NdArray> REF = DrdmTesting.npz("drdm/torch-warp-interp.npz");

  static float[] arr(String name) { return REF.get(name).toFloats(); }

  static Interp mode(String torchName) {
    return Interp.parse(torchName, "test");
  }

  @ParameterizedTest
  @CsvSource({"warp2d, bilinear, zeros", "warp2d, bilinear, border", "warp2d, bicubic, zeros", "warp2d, bicubic, border",
      "warp2d, nearest, zeros", "warp2d, nearest, border", "warp3d, bilinear, zeros", "warp3d, bilinear, border",
      "warp3d, nearest, zeros", "warp3d, nearest, border"})
  void warpMatchesGridSample(String set, String torchMode, String pad) {
    float[] img = arr(set + "_image"), u = arr(set + "_field");
    int[] shape = REF.get(set + "_image").shape;
    Grid g = Grid.of(Arrays.copyOfRange(shape, 1, shape.length), "test");
    int ch = shape[0];
    float[] expected = arr(set + "_" + torchMode + "_" + pad);
    // float32 and float64 images give the same numbers to float32 round-off
    float[] outF = new float[expected.length];
    Warp.apply(g, u, 0, new Planes(img, 0, ch), new Planes(outF, 0, ch), mode(torchMode), Padding.parse(pad, "test"), null);
    double[] outD = new double[expected.length];
    Warp.apply(g, u, 0, new Planes(doubles(img), 0, ch), new Planes(outD, 0, ch), mode(torchMode), Padding.parse(pad, "test"), null);
    assertClose(doubles(expected), doubles(outF), 1e-5, 2e-6, set + " " + torchMode + " " + pad + " (f32)");
    assertClose(doubles(expected), outD, 1e-5, 2e-6, set + " " + torchMode + " " + pad + " (f64)");
    int zeros = 0;
    for (float x : expected) if (x == 0) zeros++;
    if (pad.equals("zeros")) assertEquals(true, zeros > 0, "the case reaches outside the grid");
  }

  @ParameterizedTest
  @CsvSource({"interp2d, 9x4", "interp2d, 3x11", "interp2d, 10x14", "interp2d, 5x7", "interp3d, 7x3x8", "interp3d, 8x10x12"})
  void interpolateMatchesTorch(String set, String size) {
    NdArray in = REF.get(set + "_input");
    int[] out = Arrays.stream(size.split("x")).mapToInt(Integer::parseInt).toArray();
    Grid g = Grid.of(out, "test");
    float[] got = new float[in.shape[0] * g.voxels];
    Resize.linear(in.toFloats(), 0, Arrays.copyOfRange(in.shape, 1, in.shape.length), in.shape[0], out, new int[out.length], g, got, 0, null);
    assertClose(doubles(arr(set + "_" + size)), doubles(got), 1e-6, 1e-6, set + " to " + size);
  }
}
