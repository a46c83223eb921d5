package dev.tangent.lie;

import static dev.tangent.lie.GroupStyle.self;

import dev.tangent.spi.Builtin;

/** SE2: SE2(x, y, theta), printed SE2(x: 1, y: 2, θ: 0.5). */
final class Se2Style extends GroupStyle {
  Se2Style() {
    property(Accessors.coefficient("x", 0, "The x translation."));
    property(Accessors.coefficient("y", 1, "The y translation."));
    method(Accessors.angle(2, 2));
    method(Accessors.translation(0, 2));
    method(Accessors.rotation2(2, 2));
    method(LieBuiltin.of("so2(self, *, jac=false)", "The rotation part as an SO2 element. With jac: true, also its 1 x 3 Jacobian.",
        a -> {
          Element x = self(a);
          Element r = Groups.SO2.element(new double[] {x.c[2], x.c[3]});
          return a.bool(1, false) ? Values.withJacobians(r, Accessors.selection(1, 3, 2)) : r;
        }));
  }

  @Override Builtin constructor(GroupValue g) {
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

  @Override String format(Element x) {
    return "SE2(x: " + So2Style.num(x.c[0]) + ", y: " + So2Style.num(x.c[1]) + ", θ: "
        + So2Style.num(Math.atan2(x.c[3], x.c[2])) + ")";
  }

  @Override String doc(GroupValue g) {
    return "SE(2), planar poses (stored as [x, y, cos θ, sin θ]; 3 dof, tangent [rho_x, rho_y, theta]; acts on 2-vectors). "
        + "SE2(x, y, theta) builds one.";
  }

  @Override String tangentLayout() { return "[rho_x, rho_y, theta]"; }

  @Override int[][] rotationBlocks() { return new int[][] {{0, 2}}; }
}
