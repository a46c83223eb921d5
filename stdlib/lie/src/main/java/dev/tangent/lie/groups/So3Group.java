package dev.tangent.lie.groups;

import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.kernel.SO3;
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
import java.util.Map;

/** SO(3), stored as a unit quaternion: SO3(roll, pitch, yaw), SO3(q: [...]), SO3(R: M); printed SO3(q: [qx, qy, qz, qw]). */
public final class So3Group extends GroupDescriptor {
  public So3Group() {
    property(Accessors.coefficient("x", 0, "The quaternion's x component."));
    property(Accessors.coefficient("y", 1, "The quaternion's y component."));
    property(Accessors.coefficient("z", 2, "The quaternion's z component."));
    property(Accessors.coefficient("w", 3, "The quaternion's w (real) component."));
    method(Accessors.quat(0));
    method(Accessors.rotation3(0, 0));
    method(Accessors.rpy(0));
  }

  @Override public Builtin constructor(GroupValue g) {
    return LieBuiltin.of("SO3(*rpy, q=nil, R=nil, normalize=false)",
        "A 3D rotation: SO3(roll, pitch, yaw) (R = Rz Ry Rx), SO3(q: [qx, qy, qz, qw]) or SO3(R: matrix). "
            + "normalize: true accepts a non-unit quaternion or a non-orthonormal matrix.",
        a -> {
          List<Object> rpy = a.rest();
          if (!rpy.isEmpty()) {
            if (rpy.size() != 3 || a.present(1) || a.present(2)) {
              throw TangentError.runtime("SO3() takes roll, pitch and yaw, or one of q: and R:");
            }
            return g.element(Rotations.fromRpy(Values.number(rpy.get(0), "SO3(): roll"),
                Values.number(rpy.get(1), "SO3(): pitch"), Values.number(rpy.get(2), "SO3(): yaw")));
          }
          return g.element(Rotations.fromArgs(a.get(1), a.get(2), null, a.bool(3, false), "SO3()"));
        });
  }

  @Override public void groupMembers(GroupValue g, Map<String, Object> out) {
    out.put("from_rpy", LieBuiltin.of("from_rpy(roll, pitch, yaw)", "The rotation Rz(yaw) Ry(pitch) Rx(roll), as manif's SO3(roll, pitch, yaw).",
        a -> g.element(Rotations.fromRpy(a.num(0), a.num(1), a.num(2)))));
    out.put("from_axis_angle", LieBuiltin.of("from_axis_angle(axis, angle)", "The rotation by angle (radians) about axis (normalised).",
        a -> g.element(Rotations.fromAxisAngle(Values.vector(a.get(0), 3, "from_axis_angle(): axis"), a.num(1),
            "from_axis_angle()"))));
  }

  @Override public LieGroup kernel() { return SO3.G; }

  @Override public String format(Element x) {
    return "SO3(q: " + Values.list(x.c, 0, 4) + ")";
  }

  @Override public String doc(GroupValue g) {
    return "SO(3), 3D rotations (stored as a Hamilton unit quaternion [qx, qy, qz, qw]; 3 dof, tangent "
        + "[theta_x, theta_y, theta_z]; acts on 3-vectors). SO3(roll, pitch, yaw), SO3(q: ...), SO3(R: ...), "
        + "SO3.from_axis_angle(axis, angle).";
  }

  @Override public String tangentLayout() { return "[theta_x, theta_y, theta_z]"; }

  @Override public int[] quaternionOffsets() { return new int[] {0}; }

  @Override public int[][] angleBlocks() { return new int[][] {{0, 3}}; }

  @Override public int[][] rotationBlocks() { return new int[][] {{0, 3}}; }

  @Override public void coeffJacobian(double[] x, int xo, double[] j, int row0, int col0, int ld) {
    CoeffBlocks.quaternion(x, xo, j, row0, col0, ld);
  }

  /** A skew-symmetric 3x3 matrix (SE2's algebra is the other 3x3 one). */
  @Override public AlgebraMatch matchAlgebra(double[] m, int n) {
    if (n != 3) return AlgebraMatch.NONE;
    boolean skew = true;
    for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) skew &= Math.abs(m[i * 3 + j] + m[j * 3 + i]) <= 1e-12;
    return skew ? AlgebraMatch.STRUCTURE : AlgebraMatch.NONE;
  }
}
