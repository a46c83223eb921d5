package dev.tangent.lie.groups;

import dev.tangent.lie.diff.Dual;
import dev.tangent.lie.diff.DualElement;
import dev.tangent.lie.diff.DualNumber;
import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.kernel.SO2;
import dev.tangent.lie.ops.Accessors;
import dev.tangent.lie.ops.LieBuiltin;
import dev.tangent.lie.value.CoeffBlocks;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.GroupDescriptor;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.Builtin;

/** SO(2), stored as the unit complex number [cos θ, sin θ]: SO2(theta), printed SO2(θ: 0.5). */
public final class So2Group extends GroupDescriptor {
  public So2Group() {
    method(Accessors.angle(0, 0));
    method(Accessors.rotation2(0, 0));
  }

  @Override public Builtin constructor(GroupValue g) {
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

  @Override public LieGroup kernel() { return SO2.G; }

  @Override public String format(Element x) {
    return "SO2(θ: " + Values.text(Math.atan2(x.c[1], x.c[0])) + ")";
  }

  @Override public String doc(GroupValue g) {
    return "SO(2), planar rotations (stored as [cos θ, sin θ]; 1 dof; acts on 2-vectors). SO2(theta) builds one.";
  }

  @Override public String tangentLayout() { return "[theta]"; }

  @Override public int[] complexOffsets() { return new int[] {0}; }

  @Override public int[][] angleBlocks() { return new int[][] {{0, 1}}; }

  @Override public int[][] rotationBlocks() { return new int[][] {{0, 2}}; }

  @Override public void coeffJacobian(double[] x, int xo, double[] j, int row0, int col0, int ld) {
    CoeffBlocks.complex(x, xo, j, row0, col0, ld);
  }

  @Override public AlgebraMatch matchAlgebra(double[] m, int n) {
    return n == 2 ? AlgebraMatch.SIZE : AlgebraMatch.NONE;
  }
}
