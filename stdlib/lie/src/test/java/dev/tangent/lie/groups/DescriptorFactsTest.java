package dev.tangent.lie.groups;

import static dev.tangent.lie.kernel.Fd.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import dev.tangent.lie.TestGroups;
import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.value.CoeffBlocks;
import dev.tangent.lie.value.GroupDescriptor;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.spi.Permissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each group's declared facts against what its kernels do, so that a wrong declaration fails here
 * and not only as weaker coverage elsewhere: angle blocks are where Exp turns full circles,
 * quaternions and unit complex numbers are unit-norm and where the rotation is stored, rotation
 * blocks hold rotations, the coefficient Jacobian matches finite differences, and vee(M) without a
 * group gives back every group that recognises its own algebra.
 */
class DescriptorFactsTest {
  static final int SAMPLES = 5;

  static List<GroupValue> groups() {
    return TestGroups.values();
  }

  static double[] random(LieGroup k, SplittableRandom rng) {
    double[] x = new double[k.rep];
    k.random(rng, x, 0);
    return x;
  }

  static double[] exp(LieGroup k, double[] tau) {
    double[] x = new double[k.rep];
    k.exp(tau, 0, x, 0, null, 0);
    return x;
  }

  static double[] identity(LieGroup k) {
    double[] e = new double[k.rep];
    k.identity(e, 0);
    return e;
  }

  static double[] matrix(LieGroup k, double[] x) {
    double[] m = new double[k.mat * k.mat];
    k.matrix(x, 0, m, 0);
    return m;
  }

  /** A full turn on an angle block alone is the identity; a step of 2 pi on any other coordinate is not. */
  @ParameterizedTest(name = "{0}") @MethodSource("groups")
  void angleBlocksAreWhereExpTurnsFullCircles(GroupValue g) {
    LieGroup k = g.kernel;
    Set<Integer> angles = new HashSet<>();
    for (int[] b : g.descriptor.angleBlocks()) {
      assertTrue(b[1] == 1 || b[1] == 3, "an angle block has 1 or 3 coordinates");
      double[] tau = new double[k.dof];
      for (int i = 0; i < b[1]; i++) {
        tau[b[0] + i] = 2 * Math.PI / Math.sqrt(b[1]);
        angles.add(b[0] + i);
      }
      assertTrue(k.isApprox(identity(k), 0, exp(k, tau), 0, 1e-9), "Exp(2 pi on block " + b[0] + ") = E");
    }
    for (int i = 0; i < k.dof; i++) {
      if (angles.contains(i)) continue;
      double[] tau = new double[k.dof];
      tau[i] = 2 * Math.PI;
      assertFalse(k.isApprox(identity(k), 0, exp(k, tau), 0, 1e-3), "coordinate " + i + " is not an angle");
    }
  }

  /** Unit norm at every declared offset; negating a quaternion is the same element, and the matrix form changes with it otherwise. */
  @ParameterizedTest(name = "{0}") @MethodSource("groups")
  void quaternionsAndUnitComplexNumbersAreWhereTheRotationsAre(GroupValue g) {
    LieGroup k = g.kernel;
    SplittableRandom rng = new SplittableRandom(1);
    for (int s = 0; s < SAMPLES; s++) {
      double[] x = random(k, rng);
      for (int q : g.descriptor.quaternionOffsets()) {
        double n = 0;
        for (int i = 0; i < 4; i++) n += x[q + i] * x[q + i];
        assertEquals(1, n, 1e-12, "|q|^2 at " + q);
        double[] flipped = x.clone();
        for (int i = 0; i < 4; i++) flipped[q + i] = -flipped[q + i];
        assertClose("-q is the same rotation", matrix(k, x), matrix(k, flipped), 1e-12);
      }
      for (int z : g.descriptor.complexOffsets()) {
        assertEquals(1, x[z] * x[z] + x[z + 1] * x[z + 1], 1e-12, "|z|^2 at " + z);
        double[] turned = x.clone();   // z -> i z: a quarter turn, which the matrix form must show
        turned[z] = -x[z + 1];
        turned[z + 1] = x[z];
        assertFalse(java.util.Arrays.equals(matrix(k, x), matrix(k, turned)), "z at " + z + " is read by the matrix form");
      }
    }
  }

  /** Each rotation block of the matrix form is orthonormal with determinant 1, and moves when its angle does. */
  @ParameterizedTest(name = "{0}") @MethodSource("groups")
  void rotationBlocksHoldRotations(GroupValue g) {
    LieGroup k = g.kernel;
    SplittableRandom rng = new SplittableRandom(2);
    int[][] blocks = g.descriptor.rotationBlocks();
    assertEquals(g.descriptor.angleBlocks().length, blocks.length, "one rotation block per angle block");
    for (int s = 0; s < SAMPLES; s++) {
      double[] m = matrix(k, random(k, rng));
      for (int[] b : blocks) {
        int n = b[1];
        double[] r = new double[n * n];
        for (int i = 0; i < n; i++) System.arraycopy(m, (b[0] + i) * k.mat + b[0], r, i * n, n);
        double[] rrt = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int l = 0; l < n; l++) rrt[i * n + j] += r[i * n + l] * r[j * n + l];
        double[] eye = new double[n * n];
        for (int i = 0; i < n; i++) eye[i * n + i] = 1;
        assertClose("R R^T = I at " + b[0], eye, rrt, 1e-12);
        double det = n == 2 ? r[0] * r[3] - r[1] * r[2]
            : r[0] * (r[4] * r[8] - r[5] * r[7]) - r[1] * (r[3] * r[8] - r[5] * r[6]) + r[2] * (r[3] * r[7] - r[4] * r[6]);
        assertEquals(1, det, 1e-12, "det R at " + b[0]);
      }
    }
    int[][] angles = g.descriptor.angleBlocks();
    for (int a = 0; a < angles.length; a++) {
      double[] tau = new double[k.dof];
      for (int i = 0; i < angles[a][1]; i++) tau[angles[a][0] + i] = 0.5;   // about (1, 1, 1) in space
      double[] m = matrix(k, exp(k, tau));
      int[] b = blocks[a];
      assertTrue(Math.abs(m[b[0] * k.mat + b[0]] - 1) > 1e-3, "rotation block " + a + " turns with angle block " + a);
    }
  }

  /** d coeffs(X (+) t) / dt at 0 against central differences, for random X. */
  @ParameterizedTest(name = "{0}") @MethodSource("groups")
  void coefficientJacobianMatchesFiniteDifferences(GroupValue g) {
    LieGroup k = g.kernel;
    SplittableRandom rng = new SplittableRandom(3);
    double h = 1e-6;
    for (int s = 0; s < SAMPLES; s++) {
      double[] x = random(k, rng);
      double[] fd = new double[k.rep * k.dof];
      for (int c = 0; c < k.dof; c++) {
        double[] t = new double[k.dof];
        double[] plus = new double[k.rep];
        double[] minus = new double[k.rep];
        t[c] = h;
        k.rplus(x, 0, t, 0, plus, 0, null, 0, null, 0);
        t[c] = -h;
        k.rplus(x, 0, t, 0, minus, 0, null, 0, null, 0);
        for (int r = 0; r < k.rep; r++) fd[r * k.dof + c] = (plus[r] - minus[r]) / (2 * h);
      }
      assertClose("d coeffs / dt", fd, CoeffBlocks.of(g.descriptor, x, 0), 1e-8);
      // into a larger matrix at an offset, leaving the rest alone
      int ld = k.dof + 3;
      double[] big = new double[(k.rep + 2) * ld];
      java.util.Arrays.fill(big, 7);
      g.descriptor.coeffJacobian(x, 0, big, 2, 1, ld);
      assertEquals(7, big[0], "entries outside the block are kept");
    }
  }

  /** vee(M) without a group names every group whose descriptor recognises its own algebra. */
  @ParameterizedTest(name = "{0}") @MethodSource("groups")
  void veeWithoutAGroupFindsEveryGroupThatRecognisesItsAlgebra(GroupValue g) {
    LieGroup k = g.kernel;
    double[] tau = new double[k.dof];
    k.randomTangent(new SplittableRandom(4), tau, 0);
    double[] m = new double[k.mat * k.mat];
    k.hat(tau, 0, m, 0);
    if (g.descriptor.matchAlgebra(m, k.mat) == GroupDescriptor.AlgebraMatch.NONE) return;
    Tangent t = Tangent.builder().permissions(Permissions.none()).importModule("lie").build();
    t.interpreter().setGlobal("__t", g.tangentOf(tau));
    assertEquals(Boolean.TRUE, t.evalRaw("type(vee(__t.hat())) == type(__t)"), "vee(hat) of " + g);
  }
}
