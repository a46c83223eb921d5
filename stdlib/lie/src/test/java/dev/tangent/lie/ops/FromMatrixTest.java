package dev.tangent.lie.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.lie.ScriptTestBase;
import dev.tangent.lie.TestGroups;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** G.from_matrix(M): round trips, and clear errors for matrices that are not group elements. */
class FromMatrixTest extends ScriptTestBase {
  static List<String> groups() {
    return TestGroups.scripts();
  }

  @ParameterizedTest
  @MethodSource("groups")
  void everyGroupRoundTripsThroughItsMatrix(String g) {
    raw("let G = " + g + "\nlet X = G.random(seed: 3)");
    assertTrue((Boolean) t.eval("G.from_matrix(X.matrix()) == X"), g);
  }

  @Test
  void aNonOrthonormalRotationIsAnErrorOrIsNormalised() {
    String m = "[[1, 0, 0, 1], [0, 1, 0, 2], [0, 0.01, 1, 3], [0, 0, 0, 1]]";
    assertError("SE3.from_matrix(" + m + ")", "SE3.from_matrix(): the rotation block is not orthonormal",
        "pass normalize: true");
    raw("let X = SE3.from_matrix(" + m + ", normalize: true)");
    // the nearest rotation of [[1, 0, 0], [0, 1, 0], [0, e, 1]] is a small rotation about x by about e / 2
    double[] q = vec("X.quat()");
    assertTrue(Math.abs(q[0] - Math.sin(0.005 / 2)) < 1e-5 && Math.abs(q[1]) < 1e-12 && Math.abs(q[2]) < 1e-12,
        java.util.Arrays.toString(q));
    close(new double[] {1, 2, 3}, vec("X.translation()"), 0);
    assertError("SO2.from_matrix([[1, 0.1], [0, 1]])", "SO2.from_matrix(): the rotation block is not orthonormal");
    assertTrue((Boolean) t.eval("SO2.from_matrix([[2, 0], [0, 2]], normalize: true) == SO2(0)"));
  }

  @Test
  void reflectionsAndWrongStructureAreErrors() {
    assertError("SO3.from_matrix([[1, 0, 0], [0, 1, 0], [0, 0, -1]])", "is not a rotation (its determinant is -1)");
    assertError("SO3.from_matrix([[1, 0, 0], [0, 1, 0], [0, 0, -1]], normalize: true)", "is not a rotation");
    assertError("SE3.from_matrix([[1, 0, 0, 1], [0, 1, 0, 2], [0, 0, 1, 3], [0.5, 0, 0, 1]])",
        "the matrix is not an SE3 matrix: entry (3, 0) should be 0, got 0.5");
    assertError("SE2.from_matrix(eye(4))", "SE2.from_matrix(): M must be a 3x3 matrix, got shape (4, 4)");
    assertError("SE_2_3.from_matrix(eye(5) * 2)", "rotation block is not orthonormal");
    assertError("bundle(SE2, R(2)).from_matrix(eye(6) + tensor([[0, 0, 0, 1, 0, 0], [0, 0, 0, 0, 0, 0], "
        + "[0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]]))",
        "entry (0, 3) should be 0, got 1");
  }
}
