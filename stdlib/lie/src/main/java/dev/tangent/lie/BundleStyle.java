package dev.tangent.lie;

import static dev.tangent.lie.GroupStyle.self;

import dev.tangent.spi.TangentError;
import dev.tangent.lie.kernel.Bundle;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Ints;
import java.util.List;

/** bundle(G1, G2, ...): B(X1, X2, ...), X[i] or X.element(i) for the parts; printed Bundle(X1, X2). */
final class BundleStyle extends GroupStyle {
  final List<GroupValue> parts;

  BundleStyle(List<GroupValue> parts) {
    this.parts = List.copyOf(parts);
    method(LieBuiltin.of("element(self, i, *, jac=false)",
        "Part i of the bundle element. With jac: true, also d X_i / dX (dof_i x dof).",
        a -> part(self(a), Ints.index(a.get(1), this.parts.size(), "bundle"), a.bool(2, false))));
  }

  Object part(Element x, int i, boolean jac) {
    Bundle b = (Bundle) x.kernel();
    GroupValue g = parts.get(i);
    int off = b.repOffset(i);
    Element e = g.element(java.util.Arrays.copyOfRange(x.c, off, off + g.kernel.rep));
    return jac ? Values.withJacobians(e, Accessors.selection(g.kernel.dof, b.dof, b.dofOffset(i))) : e;
  }

  @Override Object index(Element x, Object[] subs) {
    if (subs.length != 1) throw TangentError.runtime("a bundle element takes one subscript, got " + subs.length);
    return part(x, Ints.index(subs[0], parts.size(), "bundle"), false);
  }

  @Override Builtin constructor(GroupValue g) {
    StringBuilder names = new StringBuilder();
    for (GroupValue p : parts) names.append(names.length() == 0 ? "" : ", ").append(p.typeName());
    return LieBuiltin.of("bundle_element(*elements)", "A bundle element from one element of each part: " + names + ".",
        a -> {
          List<Object> xs = a.rest();
          if (xs.isEmpty()) return g.identity();
          if (xs.size() != parts.size()) {
            throw TangentError.runtime(g.typeName() + "() needs " + parts.size() + " elements (" + names + "), got " + xs.size());
          }
          Bundle b = (Bundle) g.kernel;
          double[] c = new double[b.rep];
          for (int i = 0; i < xs.size(); i++) {
            GroupValue p = parts.get(i);
            Object v = xs.get(i);
            double[] pc = v instanceof Element e ? Values.element(p, e, g.typeName() + "() part " + i).c
                : p.kernel instanceof dev.tangent.lie.kernel.Rn ? Values.vector(v, p.kernel.dof, g.typeName() + "() part " + i)
                : Values.element(p, v, g.typeName() + "() part " + i).c;
            System.arraycopy(pc, 0, c, b.repOffset(i), p.kernel.rep);
          }
          return g.element(c);
        });
  }

  @Override String format(Element x) {
    StringBuilder sb = new StringBuilder("Bundle(");
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(part(x, i, false));
    }
    return sb.append(')').toString();
  }

  @Override String doc(GroupValue g) {
    return "A bundle (composite group, paper section IV) of " + parts.size() + " groups: elements, tangents and points "
        + "are concatenations, Jacobians block-diagonal. X[i] is part i.";
  }

  @Override String tangentLayout() {
    StringBuilder sb = new StringBuilder();
    for (GroupValue p : parts) sb.append(sb.length() == 0 ? "" : " then ").append(p.style.tangentLayout());
    return sb.toString();
  }

  @Override int[][] rotationBlocks() {
    java.util.ArrayList<int[]> out = new java.util.ArrayList<>();
    int off = 0;
    for (GroupValue p : parts) {
      for (int[] r : p.style.rotationBlocks()) out.add(new int[] {r[0] + off, r[1]});
      off += p.kernel.mat;
    }
    return out.toArray(new int[0][]);
  }
}
