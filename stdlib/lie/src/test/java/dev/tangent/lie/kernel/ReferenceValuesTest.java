package dev.tangent.lie.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Published reference values (lie.md section 2.7, computed independently with scipy). */
class ReferenceValuesTest {
  @Test
  void so3Exp() {
    double[] q = new double[4];
    SO3.G.exp(new double[] {0.1, 0.2, 0.3}, 0, q, 0, null, 0);
    assertArrayEquals(new double[] {0.0497088433, 0.0994176866, 0.1491265300, 0.9825509822}, q, 1e-10);
  }

  @Test
  void so3RightJacobianFirstRow() {
    double[] j = new double[9];
    SO3.G.rjac(new double[] {0.1, 0.2, 0.3}, 0, j, 0);
    assertArrayEquals(new double[] {0.9784844954, 0.1515682239, -0.0938736477}, new double[] {j[0], j[1], j[2]}, 1e-10);
  }

  @Test
  void se3ExpTranslation() {
    double[] x = new double[7];
    SE3.G.exp(new double[] {1, -1, 0.5, 0.1, 0.2, 0.3}, 0, x, 0, null, 0);
    assertArrayEquals(new double[] {1.1753345044, -0.8516259626, 0.3426391402}, new double[] {x[0], x[1], x[2]}, 1e-10);
  }

  @Test
  void se2ExpTranslation() {
    double[] x = new double[4];
    SE2.G.exp(new double[] {1, 2, Math.PI / 2}, 0, x, 0, null, 0);
    assertArrayEquals(new double[] {-0.6366197724, 1.9098593171}, new double[] {x[0], x[1]}, 1e-10);
  }
}
