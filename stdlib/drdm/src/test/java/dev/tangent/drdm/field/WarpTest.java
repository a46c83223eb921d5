package dev.tangent.drdm.field;

import static dev.tangent.drdm.DrdmTesting.assertClose;
import static dev.tangent.drdm.DrdmTesting.flat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.drdm.DrdmTesting;
import dev.tangent.drdm.field.kernel.Interp;
import dev.tangent.drdm.field.kernel.Padding;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Warping images: spec section 6 cases 2-4, shapes and batches, label maps, the 3-D cubic mode, ties. */
class WarpTest {
  static final Map<String, Object> JSON = DrdmTesting.vectors();

  static Tensor ramp8() {
    double[] v = new double[64];
    for (int i = 0; i < 64; i++) v[i] = i; // img[i, j] = 8 i + j
    return Tensor.ofDoubles(new int[] {8, 8}, v);
  }

  static Deformation constant(int[] spatial, double... perAxis) {
    int v = 1;
    for (int s : spatial) v *= s;
    float[] u = new float[perAxis.length * v];
    for (int k = 0; k < perAxis.length; k++) for (int i = 0; i < v; i++) u[k * v + i] = (float) perAxis[k];
    return Deformation.ofVoxels(spatial, u);
  }

  static float[] random(long seed, int n, double scale) {
    Random r = new Random(seed);
    float[] f = new float[n];
    for (int i = 0; i < n; i++) f[i] = (float) (scale * r.nextGaussian());
    return f;
  }

  @ParameterizedTest
  @CsvSource({"linear, zeros, 2", "linear, border, 2", "cubic, zeros, 2", "cubic, border, 2", "nearest, zeros, 2",
      "linear, zeros, 3", "linear, border, 3", "cubic, border, 3", "nearest, border, 3"})
  void theZeroFieldIsExactlyTheIdentity(String mode, String pad, int nd) {
    int[] spatial = nd == 2 ? new int[] {7, 9} : new int[] {5, 6, 4};
    Deformation id = constant(spatial, new double[nd]);
    int n = 2 * (nd == 2 ? 63 : 120);
    float[] f = random(3, n, 1);
    int[] shape = nd == 2 ? new int[] {2, 7, 9} : new int[] {2, 5, 6, 4};
    Tensor img32 = Tensor.ofFloats(shape, f);
    Tensor img64 = Tensor.ofDoubles(shape, DrdmTesting.doubles(f));
    Interp m = Interp.parse(mode, "t");
    Padding p = Padding.parse(pad, "t");
    assertArrayEquals(f, id.warp(img32, m, p, null).toFloatArray(), "f32");
    assertArrayEquals(img64.toDoubleArray(), id.warp(img64, m, p, null).toDoubleArray(), "f64");
  }

  @Test void oneVoxelAlongRowsShiftsTheRows() {
    // spec case 3: channel 0 = 1 voxel, zeros padding: out[i, j] = img[i + 1, j], last row 0
    Tensor out = constant(new int[] {8, 8}, 1, 0).warp(ramp8(), Interp.LINEAR, Padding.ZEROS, null);
    double[] o = out.toDoubleArray();
    for (int i = 0; i < 8; i++) for (int j = 0; j < 8; j++) assertEquals(i < 7 ? 8 * (i + 1) + j : 0, o[8 * i + j]);
    assertClose(flat(JSON.get("stn_shift_rows_plus1_output_zeros_pad")), o, 0, 1e-5, "the authors' STN");
  }

  @Test void halfAVoxelAlongColumnsWithBorderPadding() {
    // spec case 4: channel 1 = 0.5 voxel, border: out = img + 0.5 except the last column
    double[] o = constant(new int[] {8, 8}, 0, 0.5).warp(ramp8(), Interp.LINEAR, Padding.BORDER, null).toDoubleArray();
    for (int i = 0; i < 8; i++) for (int j = 0; j < 8; j++) assertEquals(8 * i + j + (j < 7 ? 0.5 : 0), o[8 * i + j]);
    assertClose(flat(JSON.get("stn_shift_cols_plus_half_output_border_pad")), o, 0, 1e-5, "the authors' STN");
  }

  @Test void nearestRoundsHalfToEven() {
    double[] o = constant(new int[] {8, 8}, 0, 0.5).warp(ramp8(), Interp.NEAREST, Padding.ZEROS, null).toDoubleArray();
    // j + 0.5 rounds to the even neighbour: 0.5 -> 0, 1.5 -> 2, 2.5 -> 2, ..., 7.5 -> 8 (outside: 0)
    int[] expect = {0, 2, 2, 4, 4, 6, 6, -1};
    for (int j = 0; j < 8; j++) assertEquals(expect[j] < 0 ? 0 : expect[j], o[j]);
  }

  @Test void channelsAndBatchesPairWithTheFields() {
    int[] sp = {6, 5};
    Deformation a = Deformation.ofVoxels(sp, random(1, 60, 1.5f)), b = Deformation.ofVoxels(sp, random(2, 60, 1.5f));
    float[] both = new float[120];
    System.arraycopy(a.voxels(), 0, both, 0, 60);
    System.arraycopy(b.voxels(), 0, both, 60, 60);
    Deformation batch = Deformation.ofVoxels(2, sp, both);
    float[] imgs = random(4, 2 * 3 * 30, 1);
    Tensor batchImg = Tensor.ofFloats(new int[] {2, 3, 6, 5}, imgs);
    Tensor out = batch.warp(batchImg, Interp.CUBIC, Padding.ZEROS, null);
    assertArrayEquals(new int[] {2, 3, 6, 5}, out.shape());
    float[] first = new float[90], second = new float[90];
    System.arraycopy(imgs, 0, first, 0, 90);
    System.arraycopy(imgs, 90, second, 0, 90);
    float[] o = out.toFloatArray();
    float[] ea = a.warp(Tensor.ofFloats(new int[] {3, 6, 5}, first), Interp.CUBIC, Padding.ZEROS, null).toFloatArray();
    float[] eb = b.warp(Tensor.ofFloats(new int[] {3, 6, 5}, second), Interp.CUBIC, Padding.ZEROS, null).toFloatArray();
    for (int i = 0; i < 90; i++) {
      assertEquals(ea[i], o[i]);
      assertEquals(eb[i], o[90 + i]);
    }
    // one [H, W] image under a batch of fields: a leading batch axis, one warp per field
    float[] plane = java.util.Arrays.copyOf(first, 30);
    Tensor single = batch.warp(Tensor.ofFloats(new int[] {6, 5}, plane), Interp.LINEAR, Padding.BORDER, null);
    assertArrayEquals(new int[] {2, 6, 5}, single.shape());
    float[] s0 = a.warp(Tensor.ofFloats(new int[] {6, 5}, plane), Interp.LINEAR, Padding.BORDER, null).toFloatArray();
    for (int i = 0; i < 30; i++) assertEquals(s0[i], single.toFloatArray()[i]);
  }

  @Test void oneHotLabelsStayAPartitionOfUnityAndIntegerLabelsStayLabels() {
    int h = 12, w = 10, v = h * w;
    long[] labels = new long[v];
    for (int i = 0; i < h; i++) for (int j = 0; j < w; j++) labels[i * w + j] = (i / 4 + j / 5) % 3 + 1;
    double[] onehot = new double[3 * v];
    for (int i = 0; i < v; i++) onehot[(int) (labels[i] - 1) * v + i] = 1;
    Deformation phi = Deformation.ofVoxels(new int[] {h, w}, random(9, 2 * v, 2));
    double[] soft = phi.warp(Tensor.ofDoubles(new int[] {3, h, w}, onehot), Interp.LINEAR, Padding.BORDER, null).toDoubleArray();
    for (int i = 0; i < v; i++) assertEquals(1, soft[i] + soft[v + i] + soft[2 * v + i], 1e-12, "voxel " + i);
    Tensor hard = phi.warp(Tensor.ofLongs(new int[] {h, w}, labels), Interp.NEAREST, Padding.ZEROS, null);
    assertEquals("i64", hard.dtype());
    int outside = 0;
    for (long x : hard.toLongArray()) {
      assertTrue(x >= 0 && x <= 3, "a label or background: " + x);
      if (x == 0) outside++;
    }
    assertTrue(outside > 0 && outside < v, "some voxels look outside the image: " + outside);
  }

  @ParameterizedTest
  @CsvSource({"zeros", "border"})
  void cubicIn3DIsTheBicubicOfEachSliceWhenNothingMovesAcrossSlices(String pad) {
    int d = 4, h = 7, w = 6, plane = h * w;
    float[] in2 = random(11, 2 * plane, 1.2);
    float[] u3 = new float[3 * d * plane];
    for (int z = 0; z < d; z++) {
      for (int i = 0; i < plane; i++) {
        u3[d * plane + z * plane + i] = in2[i];
        u3[2 * d * plane + z * plane + i] = in2[plane + i];
      }
    }
    Deformation phi3 = Deformation.ofVoxels(new int[] {d, h, w}, u3);
    Deformation phi2 = Deformation.ofVoxels(new int[] {h, w}, in2);
    float[] vol = random(12, d * plane, 1);
    float[] out3 = phi3.warp(Tensor.ofFloats(new int[] {d, h, w}, vol), Interp.CUBIC, Padding.parse(pad, "t"), null).toFloatArray();
    for (int z = 0; z < d; z++) {
      float[] slice = new float[plane];
      System.arraycopy(vol, z * plane, slice, 0, plane);
      float[] out2 = phi2.warp(Tensor.ofFloats(new int[] {h, w}, slice), Interp.CUBIC, Padding.parse(pad, "t"), null).toFloatArray();
      for (int i = 0; i < plane; i++) assertEquals(out2[i], out3[z * plane + i], 1e-6, "slice " + z);
    }
  }
}
