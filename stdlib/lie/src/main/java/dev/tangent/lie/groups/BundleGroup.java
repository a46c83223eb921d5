package dev.tangent.lie.groups;

import static dev.tangent.lie.ops.Accessors.self;

import dev.tangent.lie.kernel.Bundle;
import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.ops.Accessors;
import dev.tangent.lie.ops.LieBuiltin;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.GroupDescriptor;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.Values;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Ints;
import dev.tangent.spi.TangentError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * bundle(G1, G2, ...): B(X1, X2, ...), X[i] or X.element(i) for the parts; printed Bundle(X1, X2).
 * Every fact is its parts' facts at the parts' offsets (storage, tangent, matrix blocks).
 */
public final class BundleGroup extends GroupDescriptor {
  private final Bundle kernel;
  private final List<GroupValue> parts;

  /** The bundle of the parts' groups; b is the bundle of their kernels. */
  public BundleGroup(Bundle b, List<GroupValue> parts) {
    this.kernel = b;
    this.parts = List.copyOf(parts);
    method(LieBuiltin.of("element(self, i, *, jac=false)",
        "Part i of the bundle element. With jac: true, also d X_i / dX (dof_i x dof).",
        a -> part(self(a), Ints.index(a.get(1), this.parts.size(), "bundle"), a.bool(2, false))));
  }

  Object part(Element x, int i, boolean jac) {
    Bundle b = kernel;
    GroupValue g = parts.get(i);
    int off = b.repOffset(i);
    Element e = g.element(java.util.Arrays.copyOfRange(x.c, off, off + g.kernel.rep));
    return jac ? Values.withJacobians(e, Accessors.selection(g.kernel.dof, b.dof, b.dofOffset(i))) : e;
  }

  @Override public Object index(Element x, Object[] subs) {
    if (subs.length != 1) throw TangentError.runtime("a bundle element takes one subscript, got " + subs.length);
    return part(x, Ints.index(subs[0], parts.size(), "bundle"), false);
  }

  @Override public Builtin constructor(GroupValue g) {
    StringBuilder names = new StringBuilder();
    for (GroupValue p : parts) names.append(names.length() == 0 ? "" : ", ").append(p.typeName());
    return LieBuiltin.of("bundle_element(*elements)", "A bundle element from one element of each part: " + names + ".",
        a -> {
          List<Object> xs = a.rest();
          if (xs.isEmpty()) return g.identity();
          if (xs.size() != parts.size()) {
            throw TangentError.runtime(g.typeName() + "() needs " + parts.size() + " elements (" + names + "), got " + xs.size());
          }
          Bundle b = kernel;
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

  @Override public LieGroup kernel() { return kernel; }

  @Override public String format(Element x) {
    StringBuilder sb = new StringBuilder("Bundle(");
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(part(x, i, false));
    }
    return sb.append(')').toString();
  }

  @Override public String doc(GroupValue g) {
    return "A bundle (composite group, paper section IV) of " + parts.size() + " groups: elements, tangents and points "
        + "are concatenations, Jacobians block-diagonal. X[i] is part i.";
  }

  @Override public String tangentLayout() {
    StringBuilder sb = new StringBuilder();
    for (GroupValue p : parts) sb.append(sb.length() == 0 ? "" : " then ").append(p.descriptor.tangentLayout());
    return sb.toString();
  }

  @Override public int[] quaternionOffsets() {
    return offsets(GroupDescriptor::quaternionOffsets, kernel::repOffset);
  }

  @Override public int[] complexOffsets() {
    return offsets(GroupDescriptor::complexOffsets, kernel::repOffset);
  }

  @Override public int[] pointRows() {
    return offsets(GroupDescriptor::pointRows, this::matOffset);
  }

  @Override public int[] unitRows() {
    return offsets(GroupDescriptor::unitRows, this::matOffset);
  }

  @Override public int[][] angleBlocks() {
    return blocks(GroupDescriptor::angleBlocks, kernel::dofOffset);
  }

  @Override public int[][] rotationBlocks() {
    return blocks(GroupDescriptor::rotationBlocks, this::matOffset);
  }

  @Override public void coeffJacobian(double[] x, int xo, double[] j, int row0, int col0, int ld) {
    for (int i = 0; i < parts.size(); i++) {
      parts.get(i).descriptor.coeffJacobian(x, xo + kernel.repOffset(i), j, row0 + kernel.repOffset(i),
          col0 + kernel.dofOffset(i), ld);
    }
  }

  /** The first row and column of part i's block in the (block-diagonal) matrix form. */
  private int matOffset(int i) {
    int off = 0;
    for (int k = 0; k < i; k++) off += parts.get(k).kernel.mat;
    return off;
  }

  /** The parts' offsets, each moved by its part's offset. */
  private int[] offsets(Function<GroupDescriptor, int[]> fact, IntUnaryOperator partOffset) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      for (int o : fact.apply(parts.get(i).descriptor)) out.add(o + partOffset.applyAsInt(i));
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The parts' {start, size} blocks, each start moved by its part's offset. */
  private int[][] blocks(Function<GroupDescriptor, int[][]> fact, IntUnaryOperator partOffset) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      for (int[] b : fact.apply(parts.get(i).descriptor)) out.add(new int[] {b[0] + partOffset.applyAsInt(i), b[1]});
    }
    return out.toArray(new int[0][]);
  }
}
