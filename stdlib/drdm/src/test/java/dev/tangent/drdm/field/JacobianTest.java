package dev.tangent.drdm.field;

import static dev.tangent.drdm.DrdmTesting.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tangent.drdm.DrdmTesting;
import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.io.array.NdArray;
import dev.tangent.spi.TMap;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Jacobian determinants (spec section 6, case 7) against the analytic values of affine maps and
 * against numpy's np.gradient on random smooth fields; the magnitude statistics against numpy.
 */
class JacobianTest {
  static final Map<String, NdArray> REF = DrdmTesting.npz("drdm/torch-warp-interp.npz");

  static Deformation affine(double[][] a, int[] shape, double[] center) {
    Grid g = Grid.of(shape, "t");
    if (center == null) {
      center = new double[shape.length];
      for (int k = 0; k < shape.length; k++) center[k] = (shape[k] - 1) / 2.0;
    }
    return Deformation.wrap(g, 1, false, Affine.of(g, a, new double[shape.length], center));
  }

  static double[] det(Deformation d) {
    return d.jacdet(null).toDoubleArray();
  }

  @Test void affineDeterminantsAreExact() {
    // dyadic entries: u is exact in float32, so every determinant is exactly det(A)
    double[] dyadic = det(affine(new double[][] {{1.25, 0.375}, {-0.125, 0.875}}, new int[] {16, 13}, new double[2]));
    for (double x : dyadic) assertEquals(1.25 * 0.875 + 0.375 * 0.125, x, 0.0);
    // the spec's matrices: det(A) to float32 round-off of the stored field
    for (double x : det(affine(new double[][] {{1.2, 0.3}, {-0.1, 0.9}}, new int[] {32, 32}, new double[2]))) assertEquals(1.11, x, 2e-6);
    double[][] a3 = {{1.1, 0.2, 0}, {0, 0.8, 0.1}, {0.05, 0, 1.3}};
    for (double x : det(affine(a3, new int[] {9, 10, 11}, null))) assertEquals(1.145, x, 2e-6);
    Deformation reflect = affine(new double[][] {{-1, 0}, {0, 1}}, new int[] {8, 8}, null);
    for (double x : det(reflect)) assertEquals(-1, x, 0.0);
    assertEquals(1.0, reflect.foldRate(null));
    assertEquals(0.0, affine(new double[][] {{1, 0}, {0, 1}}, new int[] {8, 8}, null).foldRate(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"jac2d", "jac3d"})
  void determinantsMatchNumpyGradient(String set) {
    NdArray f = REF.get(set + "_field");
    Deformation u = Deformation.ofVoxels(Arrays.copyOfRange(f.shape, 1, f.shape.length), f.toFloats());
    assertClose(REF.get(set + "_det").toDoubles(), det(u), 1e-12, 1e-12, set);
    long folded = Arrays.stream(REF.get(set + "_det").toDoubles()).filter(x -> x <= 0).count();
    assertEquals(folded / (double) u.grid().voxels, u.foldRate(null), 0.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jac2d", "jac3d"})
  void magnitudesMatchNumpy(String set) {
    NdArray f = REF.get(set + "_field");
    Deformation u = Deformation.ofVoxels(Arrays.copyOfRange(f.shape, 1, f.shape.length), f.toFloats());
    TMap m = Magnitude.of(u, null);
    String[] keys = {"mean", "max", "p50", "p90", "p99", "mean_pct", "max_pct", "p50_pct", "p90_pct", "p99_pct"};
    double[] got = new double[keys.length];
    for (int i = 0; i < keys.length; i++) got[i] = (Double) m.get(keys[i]);
    assertClose(REF.get(set + "_mag").toDoubles(), got, 1e-6, 0, set + " " + Arrays.toString(keys));
  }
}
