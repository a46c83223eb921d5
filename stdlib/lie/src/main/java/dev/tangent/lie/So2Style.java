package dev.tangent.lie;

import dev.tangent.spi.Builtin;

/** SO2: SO2(theta), printed SO2(θ: 0.5). */
final class So2Style extends GroupStyle {
  So2Style() {
    method(Accessors.angle(0, 0));
    method(Accessors.rotation2(0, 0));
  }

  @Override Builtin constructor(GroupValue g) {
    return LieBuiltin.custom("SO2(theta=0)", "The planar rotation by theta (radians).",
        a -> {
          double t = a.num(0, 0);
          return g.element(new double[] {Math.cos(t), Math.sin(t)});
        },
        (raw, a) -> {
          // SO2(t + dt) = SO2(t) (+) dt
          if (!(a.get(0) instanceof DualNumber d)) throw Dual.notDifferentiable("SO2()");
          return Dual.inherit(new DualElement(d.scope, g.element(new double[] {Math.cos(d.v), Math.sin(d.v)}), d.d.clone()), d);
        });
  }

  @Override String format(Element x) {
    return "SO2(θ: " + num(Math.atan2(x.c[1], x.c[0])) + ")";
  }

  static String num(double v) {
    return dev.tangent.spi.Display.number(Values.clean(v));
  }

  @Override String doc(GroupValue g) {
    return "SO(2), planar rotations (stored as [cos θ, sin θ]; 1 dof; acts on 2-vectors). SO2(theta) builds one.";
  }

  @Override String tangentLayout() { return "[theta]"; }

  @Override int[][] rotationBlocks() { return new int[][] {{0, 2}}; }
}
