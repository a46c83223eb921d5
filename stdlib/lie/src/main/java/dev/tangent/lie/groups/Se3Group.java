package dev.tangent.lie.groups;

import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.kernel.SE3;
import dev.tangent.lie.ops.Accessors;
import dev.tangent.lie.ops.LieBuiltin;
import dev.tangent.lie.ops.Rotations;
import dev.tangent.lie.value.CoeffBlocks;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.GroupDescriptor;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.TangentError;
import java.util.List;

/** SE(3), stored as [t, q]: SE3(t: [...], q: [...]) (or R:, rpy:), SE3(x, y, z, roll, pitch, yaw); printed with t and q. */
public final class Se3Group extends GroupDescriptor {
  public Se3Group() {
    property(Accessors.coefficient("x", 0, "The x translation."));
    property(Accessors.coefficient("y", 1, "The y translation."));
    property(Accessors.coefficient("z", 2, "The z translation."));
    method(Accessors.translation(0, 3));
    method(Accessors.rotation3(3, 3));
    method(Accessors.quat(3));
    method(Accessors.rpy(3));
    method(Accessors.so3(3, 3, RotationGroups::so3));
  }

  @Override public Builtin constructor(GroupValue g) {
    return LieBuiltin.of("SE3(*xyzrpy, t=nil, q=nil, R=nil, rpy=nil, normalize=false)",
        "A 3D pose: SE3(t: [x, y, z], q: [qx, qy, qz, qw]) (or R: matrix, rpy: [roll, pitch, yaw]), "
            + "or SE3(x, y, z, roll, pitch, yaw) as manif. normalize: true accepts a non-unit quaternion "
            + "or a non-orthonormal matrix.",
        a -> {
          List<Object> pos = a.rest();
          double[] c = new double[7];
          if (!pos.isEmpty()) {
            if (pos.size() != 6 || a.present(1) || a.present(2) || a.present(3) || a.present(4)) {
              throw TangentError.runtime("SE3() takes x, y, z, roll, pitch, yaw, or the named t: with one of q:, R:, rpy:");
            }
            double[] v = new double[6];
            for (int i = 0; i < 6; i++) v[i] = Values.number(pos.get(i), "SE3() argument " + i);
            System.arraycopy(v, 0, c, 0, 3);
            System.arraycopy(Rotations.fromRpy(v[3], v[4], v[5]), 0, c, 3, 4);
            return g.element(c);
          }
          System.arraycopy(Rotations.vec3(a.get(1), "SE3(): t"), 0, c, 0, 3);
          System.arraycopy(Rotations.fromArgs(a.get(2), a.get(3), a.get(4), a.bool(5, false), "SE3()"), 0, c, 3, 4);
          return g.element(c);
        });
  }

  @Override public LieGroup kernel() { return SE3.G; }

  @Override public String format(Element x) {
    return "SE3(t: " + Values.list(x.c, 0, 3) + ", q: " + Values.list(x.c, 3, 7) + ")";
  }

  @Override public String doc(GroupValue g) {
    return "SE(3), 3D poses (stored as [x, y, z, qx, qy, qz, qw]; 6 dof, tangent [rho(3), theta(3)], "
        + "translation first; acts on 3-vectors). SE3(t: ..., q: ...), SE3(t: ..., R: ...), SE3(x, y, z, roll, pitch, yaw).";
  }

  @Override public String tangentLayout() { return "[rho_x, rho_y, rho_z, theta_x, theta_y, theta_z]"; }

  @Override public int[] quaternionOffsets() { return new int[] {3}; }

  @Override public int[][] angleBlocks() { return new int[][] {{3, 3}}; }

  @Override public int[][] rotationBlocks() { return new int[][] {{0, 3}}; }

  /** [t, q] with tangent [rho, theta]: t moves by R rho. */
  @Override public void coeffJacobian(double[] x, int xo, double[] j, int row0, int col0, int ld) {
    CoeffBlocks.rotation3(x, xo + 3, j, row0, col0, ld);
    CoeffBlocks.quaternion(x, xo + 3, j, row0 + 3, col0 + 3, ld);
  }

  @Override public AlgebraMatch matchAlgebra(double[] m, int n) {
    return n == 4 ? AlgebraMatch.SIZE : AlgebraMatch.NONE;
  }
}
