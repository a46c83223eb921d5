package dev.tangent.lie.ops;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.lie.diff.Dual;
import dev.tangent.lie.diff.DualElement;
import dev.tangent.lie.diff.DualNumber;
import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.kernel.Rot3;
import dev.tangent.lie.value.CoeffBlocks;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.Args;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.TangentError;
import java.util.function.Supplier;

/**
 * Accessor built-ins the group descriptors declare their members with. Those that accept
 * jac: true return the right Jacobian of the accessed quantity w.r.t. the element (rows: the
 * quantity, columns: its dof).
 */
public final class Accessors {
  private Accessors() {}

  /** The element a method or accessor is called on. */
  public static Element self(Args a) {
    return (Element) a.get(0);
  }

  /** X.name: the stored coefficient at index i. */
  public static Builtin coefficient(String name, int i, String doc) {
    return LieBuiltin.custom(name + "(self)", doc, a -> self(a).c[i], (raw, a) -> {
      DualElement x = (DualElement) a.get(0);
      LieGroup k = x.x.kernel();
      double[] row = java.util.Arrays.copyOfRange(CoeffBlocks.of(x.x.group.descriptor, x.x.c, 0), i * k.dof, (i + 1) * k.dof);
      return Dual.inherit(new DualNumber(x.scope, x.x.c[i], Dual.mulAdd(row, 1, k.dof, x.d, x.scope.n, null)), x);
    });
  }

  /** Coefficients from..to of x, with jac: their rows of d coeffs / dX. */
  static Object coefficients(Element x, int from, int to, boolean jac) {
    Tensor v = Tensor.vector(java.util.Arrays.copyOfRange(x.c, from, to));
    if (!jac) return v;
    LieGroup k = x.kernel();
    double[] j = CoeffBlocks.of(x.group.descriptor, x.c, 0);
    return Values.withJacobians(v, Values.mat(java.util.Arrays.copyOfRange(j, from * k.dof, to * k.dof), to - from, k.dof));
  }

  /** The translation; its Jacobian is that of the action on the origin. */
  public static Builtin translation(int offset, int dim) {
    return LieBuiltin.of("translation(self, *, jac=false)",
        "The translation part as a vector. With jac: true, also d t / dX (" + dim + " x dof).",
        a -> {
          Element x = self(a);
          double[] t = java.util.Arrays.copyOfRange(x.c, offset, offset + dim);
          if (!a.bool(1, false)) return Tensor.vector(t);
          LieGroup k = x.kernel();
          double[] j = new double[k.dim * k.dof];
          k.act(x.c, 0, new double[k.dim], 0, new double[k.dim], 0, j, 0, null, 0);
          return Values.withJacobians(Tensor.vector(t), Values.mat(j, dim, k.dof));
        });
  }

  /** The rotation matrix of a quaternion at qOffset; the angle coordinates start at ang. */
  public static Builtin rotation3(int qOffset, int ang) {
    return LieBuiltin.of("rotation(self, *, jac=false)",
        "The 3x3 rotation matrix R. With jac: true, also d vec(R) / dX (9 x dof, row-major vec).",
        a -> {
          Element x = self(a);
          double[] r = new double[9];
          Rot3.toMatrix(x.c[qOffset], x.c[qOffset + 1], x.c[qOffset + 2], x.c[qOffset + 3], 1, r, 0, 3);
          Tensor rt = Values.mat(r, 3, 3);
          if (!a.bool(1, false)) return rt;
          int d = x.kernel().dof;
          double[] j = new double[9 * d];
          double[] rs = new double[9];
          for (int k = 0; k < 3; k++) {
            // R (I + [e_k]x d): column ang + k is vec(R [e_k]x)
            dev.tangent.lie.kernel.Mat.mulSkew3(r, 0, 3, k == 0 ? 1 : 0, k == 1 ? 1 : 0, k == 2 ? 1 : 0, 1, rs, 0, 3);
            for (int e = 0; e < 9; e++) j[e * d + ang + k] = rs[e];
          }
          return Values.withJacobians(rt, Values.mat(j, 9, d));
        });
  }

  public static Builtin quat(int qOffset) {
    return LieBuiltin.of("quat(self, *, jac=false)",
        "The unit quaternion [qx, qy, qz, qw] (Hamilton). With jac: true, also d q / dX (4 x dof).",
        a -> coefficients(self(a), qOffset, qOffset + 4, a.bool(1, false)));
  }

  public static Builtin rpy(int qOffset) {
    return LieBuiltin.of("rpy(self)", "[roll, pitch, yaw] with R = Rz(yaw) Ry(pitch) Rx(roll) (manif's convention).",
        a -> Tensor.vector(Rotations.toRpy(self(a).c, qOffset)));
  }

  /**
   * The rotation part as an SO3 element; its Jacobian selects the angle coordinates. so3 supplies
   * SO3's group value (the registry, a layer above, holds it), asked for when the method runs.
   */
  public static Builtin so3(int qOffset, int ang, Supplier<GroupValue> so3) {
    return LieBuiltin.of("so3(self, *, jac=false)", "The rotation part as an SO3 element. With jac: true, also d R / dX (3 x dof).",
        a -> {
          Element x = self(a);
          Element r = so3.get().element(java.util.Arrays.copyOfRange(x.c, qOffset, qOffset + 4));
          if (!a.bool(1, false)) return r;
          return Values.withJacobians(r, selection(3, x.kernel().dof, ang));
        });
  }

  /** A rows x dof Jacobian [0 .. I .. 0] with the identity at column start. */
  public static Tensor selection(int rows, int dof, int start) {
    double[] j = new double[rows * dof];
    for (int i = 0; i < rows; i++) j[i * dof + start + i] = 1;
    return Values.mat(j, rows, dof);
  }

  /** The velocity v at vOffset; X Exp(d) moves it by R nu, nu the coordinates at nuIndex. */
  public static Builtin velocity(int vOffset, int qOffset, int nuIndex) {
    return LieBuiltin.of("velocity(self, *, jac=false)", "The linear velocity v. With jac: true, also d v / dX (3 x dof).",
        a -> {
          Element x = self(a);
          Tensor v = Tensor.vector(java.util.Arrays.copyOfRange(x.c, vOffset, vOffset + 3));
          if (!a.bool(1, false)) return v;
          int d = x.kernel().dof;
          double[] j = new double[3 * d];
          Rot3.toMatrix(x.c[qOffset], x.c[qOffset + 1], x.c[qOffset + 2], x.c[qOffset + 3], 1, j, nuIndex, d);
          return Values.withJacobians(v, Values.mat(j, 3, d));
        });
  }

  /** The planar angle of a unit complex number at offset; its Jacobian selects coordinate ang. */
  public static Builtin angle(int offset, int ang) {
    return LieBuiltin.of("angle(self, *, jac=false)", "The rotation angle in (-pi, pi]. With jac: true, also d angle / dX (1 x dof).",
        a -> {
          Element x = self(a);
          double t = Math.atan2(x.c[offset + 1], x.c[offset]);
          if (!a.bool(1, false)) return t;
          return Values.withJacobians(t, selection(1, x.kernel().dof, ang));
        });
  }

  /** The 2x2 rotation matrix of a unit complex number; d vec(R) / dX = vec(R [1]x) at ang. */
  public static Builtin rotation2(int offset, int ang) {
    return LieBuiltin.of("rotation(self, *, jac=false)", "The 2x2 rotation matrix. With jac: true, also d vec(R) / dX (4 x dof).",
        a -> {
          Element x = self(a);
          double c = x.c[offset];
          double s = x.c[offset + 1];
          Tensor r = Values.mat(new double[] {c, -s, s, c}, 2, 2);
          if (!a.bool(1, false)) return r;
          int d = x.kernel().dof;
          double[] j = new double[4 * d];
          // R [1]x = [[-s, -c], [c, -s]]
          j[ang] = -s;
          j[d + ang] = -c;
          j[2 * d + ang] = c;
          j[3 * d + ang] = -s;
          return Values.withJacobians(r, Values.mat(j, 4, d));
        });
  }

  static TangentError noJacobian(String what) {
    return TangentError.runtime(what + " has no Jacobian option");
  }
}
