package dev.tangent.lie.groups;

import static dev.tangent.lie.ops.Accessors.self;

import dev.tangent.lie.diff.DiffScope;
import dev.tangent.lie.diff.Dual;
import dev.tangent.lie.diff.DualElement;
import dev.tangent.lie.diff.DualNumber;
import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.kernel.SE2;
import dev.tangent.lie.ops.Accessors;
import dev.tangent.lie.ops.LieBuiltin;
import dev.tangent.lie.value.CoeffBlocks;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.GroupDescriptor;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.Builtin;

/** SE(2), stored as [x, y, cos θ, sin θ]: SE2(x, y, theta), printed SE2(x: 1, y: 2, θ: 0.5). */
public final class Se2Group extends GroupDescriptor {
  public Se2Group() {
    property(Accessors.coefficient("x", 0, "The x translation."));
    property(Accessors.coefficient("y", 1, "The y translation."));
    method(Accessors.angle(2, 2));
    method(Accessors.translation(0, 2));
    method(Accessors.rotation2(2, 2));
    method(LieBuiltin.of("so2(self, *, jac=false)", "The rotation part as an SO2 element. With jac: true, also its 1 x 3 Jacobian.",
        a -> {
          Element x = self(a);
          Element r = RotationGroups.so2().element(new double[] {x.c[2], x.c[3]});
          return a.bool(1, false) ? Values.withJacobians(r, Accessors.selection(1, 3, 2)) : r;
        }));
  }

  @Override public Builtin constructor(GroupValue g) {
    return LieBuiltin.custom("SE2(x=0, y=0, theta=0)", "The planar pose: translation (x, y), rotation theta (radians).",
        a -> {
          double t = a.num(2, 0);
          return g.element(new double[] {a.num(0, 0), a.num(1, 0), Math.cos(t), Math.sin(t)});
        },
        (raw, a) -> {
          // X(x + dx, y + dy, t + dt) = X (+) (R^T (dx, dy), dt): J = [[R^T, 0], [0, 1]]
          Object[] v = {a.get(0), a.get(1), a.get(2)};
          DiffScope scope = Dual.scopeOf(v);
          double[] p = new double[3];
          for (int i = 0; i < 3; i++) p[i] = v[i] instanceof DualNumber d ? d.v : a.num(i, 0);
          double c = Math.cos(p[2]);
          double s = Math.sin(p[2]);
          double[] j = {c, s, 0, -s, c, 0, 0, 0, 1};
          double[] acc = new double[3 * scope.n];
          for (int i = 0; i < 3; i++) {
            if (v[i] instanceof DualNumber d) {
              double[] col = {j[i], j[3 + i], j[6 + i]};
              Dual.mulAdd(col, 3, 1, d.d, scope.n, acc);
            }
          }
          return Dual.inherit(new DualElement(scope, g.element(new double[] {p[0], p[1], c, s}), acc), v);
        });
  }

  @Override public LieGroup kernel() { return SE2.G; }

  @Override public String format(Element x) {
    return "SE2(x: " + Values.text(x.c[0]) + ", y: " + Values.text(x.c[1]) + ", θ: "
        + Values.text(Math.atan2(x.c[3], x.c[2])) + ")";
  }

  @Override public String doc(GroupValue g) {
    return "SE(2), planar poses (stored as [x, y, cos θ, sin θ]; 3 dof, tangent [rho_x, rho_y, theta]; acts on 2-vectors). "
        + "SE2(x, y, theta) builds one.";
  }

  @Override public String tangentLayout() { return "[rho_x, rho_y, theta]"; }

  @Override public int[] complexOffsets() { return new int[] {2}; }

  @Override public int[][] angleBlocks() { return new int[][] {{2, 1}}; }

  @Override public int[][] rotationBlocks() { return new int[][] {{0, 2}}; }

  @Override public void coeffJacobian(double[] x, int xo, double[] j, int row0, int col0, int ld) {
    CoeffBlocks.rotation2(x[xo + 2], x[xo + 3], j, row0, col0, ld);
    CoeffBlocks.complex(x, xo + 2, j, row0 + 2, col0 + 2, ld);
  }

  /** Any 3x3 matrix, by its size (a skew-symmetric one matches SO3 better). */
  @Override public AlgebraMatch matchAlgebra(double[] m, int n) {
    return n == 3 ? AlgebraMatch.SIZE : AlgebraMatch.NONE;
  }
}
