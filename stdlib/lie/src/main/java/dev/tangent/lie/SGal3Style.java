package dev.tangent.lie;

import dev.tangent.spi.Builtin;

/** SGal3: SGal3(t: [...], q: [...], v: [...], s: time); printed with t, q, v and s. */
final class SGal3Style extends GroupStyle {
  SGal3Style() {
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
    method(Accessors.so3(3, 6));
  }

  @Override Builtin constructor(GroupValue g) {
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

  @Override String format(Element x) {
    return "SGal3(t: " + Values.list(x.c, 0, 3) + ", q: " + Values.list(x.c, 3, 7) + ", v: " + Values.list(x.c, 7, 10)
        + ", s: " + So2Style.num(x.c[10]) + ")";
  }

  @Override String doc(GroupValue g) {
    return "SGal(3), the special Galilean group (stored as [x, y, z, qx, qy, qz, qw, vx, vy, vz, s]; 10 dof, "
        + "tangent [rho(3), nu(3), theta(3), s]; matrix [[R, v, t], [0, 1, s], [0, 0, 1]]; acts on 3-vectors as t + R p).";
  }

  @Override String tangentLayout() { return "[rho(3), nu(3), theta(3), s]"; }

  @Override int[][] rotationBlocks() { return new int[][] {{0, 3}}; }
}
