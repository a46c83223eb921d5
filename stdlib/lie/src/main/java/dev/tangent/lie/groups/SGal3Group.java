package dev.tangent.lie.groups;

import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.kernel.SGal3;
import dev.tangent.lie.ops.Accessors;
import dev.tangent.lie.ops.LieBuiltin;
import dev.tangent.lie.ops.Rotations;
import dev.tangent.lie.value.CoeffBlocks;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.GroupDescriptor;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.Builtin;

/** SGal(3), stored as [t, q, v, s]: SGal3(t: [...], q: [...], v: [...], s: time); printed with t, q, v and s. */
public final class SGal3Group extends GroupDescriptor {
  public SGal3Group() {
    property(Accessors.coefficient("x", 0, "The x position."));
    property(Accessors.coefficient("y", 1, "The y position."));
    property(Accessors.coefficient("z", 2, "The z position."));
    property(Accessors.coefficient("vx", 7, "The x velocity."));
    property(Accessors.coefficient("vy", 8, "The y velocity."));
    property(Accessors.coefficient("vz", 9, "The z velocity."));
    property(Accessors.coefficient("time", 10, "The time s."));
    property(Accessors.coefficient("s", 10, "The time s."));
    method(Accessors.translation(0, 3));
    method(Accessors.velocity(7, 3, 3));
    method(Accessors.rotation3(3, 6));
    method(Accessors.quat(3));
    method(Accessors.rpy(3));
    method(Accessors.so3(3, 6, RotationGroups::so3));
  }

  @Override public Builtin constructor(GroupValue g) {
    return LieBuiltin.of("SGal3(t=nil, q=nil, v=nil, s=0, *, R=nil, rpy=nil, normalize=false)",
        "A Galilean event frame: position t, rotation (q:, R: or rpy:), velocity v, time s.",
        a -> {
          double[] c = new double[11];
          System.arraycopy(Rotations.vec3(a.get(0), "SGal3(): t"), 0, c, 0, 3);
          System.arraycopy(Rotations.fromArgs(a.get(1), a.get(4), a.get(5), a.bool(6, false), "SGal3()"), 0, c, 3, 4);
          System.arraycopy(Rotations.vec3(a.get(2), "SGal3(): v"), 0, c, 7, 3);
          c[10] = a.num(3, 0);
          return g.element(c);
        });
  }

  @Override public LieGroup kernel() { return SGal3.G; }

  @Override public String format(Element x) {
    return "SGal3(t: " + Values.list(x.c, 0, 3) + ", q: " + Values.list(x.c, 3, 7) + ", v: " + Values.list(x.c, 7, 10)
        + ", s: " + Values.text(x.c[10]) + ")";
  }

  @Override public String doc(GroupValue g) {
    return "SGal(3), the special Galilean group (stored as [x, y, z, qx, qy, qz, qw, vx, vy, vz, s]; 10 dof, "
        + "tangent [rho(3), nu(3), theta(3), s]; matrix [[R, v, t], [0, 1, s], [0, 0, 1]]; acts on 3-vectors as t + R p).";
  }

  @Override public String tangentLayout() { return "[rho(3), nu(3), theta(3), s]"; }

  @Override public int[] quaternionOffsets() { return new int[] {3}; }

  @Override public int[][] angleBlocks() { return new int[][] {{6, 3}}; }

  @Override public int[][] rotationBlocks() { return new int[][] {{0, 3}}; }

  /** [t, q, v, s] with tangent [rho, nu, theta, s]: t moves by R rho + v ds, v by R nu. */
  @Override public void coeffJacobian(double[] x, int xo, double[] j, int row0, int col0, int ld) {
    CoeffBlocks.rotation3(x, xo + 3, j, row0, col0, ld);
    for (int i = 0; i < 3; i++) j[(row0 + i) * ld + col0 + 9] = x[xo + 7 + i];
    CoeffBlocks.quaternion(x, xo + 3, j, row0 + 3, col0 + 6, ld);
    CoeffBlocks.rotation3(x, xo + 3, j, row0 + 7, col0 + 3, ld);
    j[(row0 + 10) * ld + col0 + 9] = 1;
  }

  /** The matrix form is [[R, v, t], [0, 1, s], [0, 0, 1]]: a point p sits as [p, 0, 1]. */
  @Override public int[] unitRows() { return new int[] {4}; }

  /** A 5x5 matrix whose entry (3, 4), the time, is not 0 (SE_2_3's algebra has 0 there). */
  @Override public AlgebraMatch matchAlgebra(double[] m, int n) {
    return n == 5 && m[3 * 5 + 4] != 0 ? AlgebraMatch.STRUCTURE : AlgebraMatch.NONE;
  }
}
