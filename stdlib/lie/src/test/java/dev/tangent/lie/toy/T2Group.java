package dev.tangent.lie.toy;

import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.ops.Accessors;
import dev.tangent.lie.ops.LieBuiltin;
import dev.tangent.lie.value.CoeffBlocks;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.GroupDescriptor;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.Builtin;
import java.util.Map;

/**
 * The toy group T(2) in the language: T2(dx, dy), printed T2(dx: 1, dy: 2), with X.dx, X.dy,
 * X.translation() and T2.along(angle, distance). Registered from the test tree only, by
 * src/test/resources/META-INF/services/dev.tangent.lie.value.GroupDescriptor, as a jar of
 * its own would register it; nothing in the main tree names it.
 */
public final class T2Group extends GroupDescriptor {
  public T2Group() {
    property(Accessors.coefficient("dx", 0, "The shift along x."));
    property(Accessors.coefficient("dy", 1, "The shift along y."));
    method(Accessors.translation(0, 2));
  }

  @Override public LieGroup kernel() { return T2.G; }

  @Override public Builtin constructor(GroupValue g) {
    return LieBuiltin.of("T2(dx=0, dy=0)", "The translation of the plane by (dx, dy).",
        a -> g.element(new double[] {a.num(0, 0), a.num(1, 0)}));
  }

  @Override public void groupMembers(GroupValue g, Map<String, Object> out) {
    out.put("along", LieBuiltin.of("along(angle, distance)", "The shift by distance in the direction angle (radians).",
        a -> g.element(new double[] {a.num(1) * Math.cos(a.num(0)), a.num(1) * Math.sin(a.num(0))})));
  }

  @Override public String format(Element x) {
    return "T2(dx: " + Values.text(x.c[0]) + ", dy: " + Values.text(x.c[1]) + ")";
  }

  @Override public String doc(GroupValue g) {
    return "T(2), the translations of the plane (a toy group registered by the tests; 2 dof, tangent [dx, dy]). "
        + "T2(dx, dy) builds one.";
  }

  @Override public String tangentLayout() { return "[dx, dy]"; }

  /** The stored shift is the tangent. */
  @Override public void coeffJacobian(double[] x, int xo, double[] j, int row0, int col0, int ld) {
    CoeffBlocks.identity(2, j, row0, col0, ld);
  }
}
