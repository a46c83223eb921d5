package dev.tangent.lie.groups;

import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.kernel.SE23;
import dev.tangent.lie.ops.Accessors;
import dev.tangent.lie.ops.LieBuiltin;
import dev.tangent.lie.ops.Rotations;
import dev.tangent.lie.value.CoeffBlocks;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.GroupDescriptor;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.Builtin;

/** SE_2(3), stored as [t, q, v]: SE_2_3(t: [...], q: [...], v: [...]); printed with t, q and v. */
public final class Se23Group extends GroupDescriptor {
  public Se23Group() {
    property(Accessors.coefficient("x", 0, "The x position."));
    property(Accessors.coefficient("y", 1, "The y position."));
    property(Accessors.coefficient("z", 2, "The z position."));
    property(Accessors.coefficient("vx", 7, "The x velocity."));
    property(Accessors.coefficient("vy", 8, "The y velocity."));
    property(Accessors.coefficient("vz", 9, "The z velocity."));
    method(Accessors.translation(0, 3));
    method(Accessors.velocity(7, 3, 6));
    method(Accessors.rotation3(3, 3));
    method(Accessors.quat(3));
    method(Accessors.rpy(3));
    method(Accessors.so3(3, 3, RotationGroups::so3));
  }

  @Override public Builtin constructor(GroupValue g) {
    return LieBuiltin.of("SE_2_3(t=nil, q=nil, v=nil, *, R=nil, rpy=nil, normalize=false)",
        "An extended pose: position t, rotation (q:, R: or rpy:), velocity v.",
        a -> {
          double[] c = new double[10];
          System.arraycopy(Rotations.vec3(a.get(0), "SE_2_3(): t"), 0, c, 0, 3);
          System.arraycopy(Rotations.fromArgs(a.get(1), a.get(3), a.get(4), a.bool(5, false), "SE_2_3()"), 0, c, 3, 4);
          System.arraycopy(Rotations.vec3(a.get(2), "SE_2_3(): v"), 0, c, 7, 3);
          return g.element(c);
        });
  }

  @Override public LieGroup kernel() { return SE23.G; }

  @Override public String format(Element x) {
    return "SE_2_3(t: " + Values.list(x.c, 0, 3) + ", q: " + Values.list(x.c, 3, 7) + ", v: " + Values.list(x.c, 7, 10) + ")";
  }

  @Override public String doc(GroupValue g) {
    return "SE_2(3), extended poses for IMU navigation (stored as [x, y, z, qx, qy, qz, qw, vx, vy, vz]; 9 dof, "
        + "tangent [rho(3), theta(3), nu(3)]; matrix [[R, t, v], [0, 1, 0], [0, 0, 1]]; acts on 3-vectors "
        + "as t + R p).";
  }

  @Override public String tangentLayout() { return "[rho(3), theta(3), nu(3)]"; }

  @Override public int[] quaternionOffsets() { return new int[] {3}; }

  @Override public int[][] angleBlocks() { return new int[][] {{3, 3}}; }

  @Override public int[][] rotationBlocks() { return new int[][] {{0, 3}}; }

  /** [t, q, v] with tangent [rho, theta, nu]: t moves by R rho, v by R nu. */
  @Override public void coeffJacobian(double[] x, int xo, double[] j, int row0, int col0, int ld) {
    CoeffBlocks.rotation3(x, xo + 3, j, row0, col0, ld);
    CoeffBlocks.quaternion(x, xo + 3, j, row0 + 3, col0 + 3, ld);
    CoeffBlocks.rotation3(x, xo + 3, j, row0 + 7, col0 + 6, ld);
  }

  /** Any 5x5 matrix, by its size (SGal3, whose entry (3, 4) is the time, matches better when that entry is not 0). */
  @Override public AlgebraMatch matchAlgebra(double[] m, int n) {
    return n == 5 ? AlgebraMatch.SIZE : AlgebraMatch.NONE;
  }
}
