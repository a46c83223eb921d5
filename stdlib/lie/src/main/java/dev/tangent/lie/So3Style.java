package dev.tangent.lie;

import dev.tangent.spi.TangentError;
import dev.tangent.spi.Builtin;
import java.util.List;
import java.util.Map;

/** SO3: SO3(roll, pitch, yaw), SO3(q: [...]), SO3(R: M); printed SO3(q: [qx, qy, qz, qw]). */
final class So3Style extends GroupStyle {
  So3Style() {
    property(Accessors.coefficient("x", 0, "The quaternion's x component."));
    property(Accessors.coefficient("y", 1, "The quaternion's y component."));
    property(Accessors.coefficient("z", 2, "The quaternion's z component."));
    property(Accessors.coefficient("w", 3, "The quaternion's w (real) component."));
    method(Accessors.quat(0));
    method(Accessors.rotation3(0, 0));
    method(Accessors.rpy(0));
  }

  @Override Builtin constructor(GroupValue g) {
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

  @Override void groupMembers(GroupValue g, Map<String, Object> out) {
    out.put("from_rpy", LieBuiltin.of("from_rpy(roll, pitch, yaw)", "The rotation Rz(yaw) Ry(pitch) Rx(roll), as manif's SO3(roll, pitch, yaw).",
        a -> g.element(Rotations.fromRpy(a.num(0), a.num(1), a.num(2)))));
    out.put("from_axis_angle", LieBuiltin.of("from_axis_angle(axis, angle)", "The rotation by angle (radians) about axis (normalised).",
        a -> g.element(Rotations.fromAxisAngle(Values.vector(a.get(0), 3, "from_axis_angle(): axis"), a.num(1),
            "from_axis_angle()"))));
  }

  @Override String format(Element x) {
    return "SO3(q: " + Values.list(x.c, 0, 4) + ")";
  }

  @Override String doc(GroupValue g) {
    return "SO(3), 3D rotations (stored as a Hamilton unit quaternion [qx, qy, qz, qw]; 3 dof, tangent "
        + "[theta_x, theta_y, theta_z]; acts on 3-vectors). SO3(roll, pitch, yaw), SO3(q: ...), SO3(R: ...), "
        + "SO3.from_axis_angle(axis, angle).";
  }

  @Override String tangentLayout() { return "[theta_x, theta_y, theta_z]"; }

  @Override int[][] rotationBlocks() { return new int[][] {{0, 3}}; }
}
