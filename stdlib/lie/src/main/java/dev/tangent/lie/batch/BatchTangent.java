package dev.tangent.lie.batch;

import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.TangentValue;
import dev.tangent.spi.BinOp;
import dev.tangent.spi.HasMembers;
import dev.tangent.spi.HasType;
import dev.tangent.spi.Indexable;
import dev.tangent.spi.Ints;
import dev.tangent.spi.JsonConvertible;
import dev.tangent.spi.Operand;
import dev.tangent.spi.Sized;
import dev.tangent.spi.Slice;
import dev.tangent.spi.TIterable;
import dev.tangent.spi.TMap;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.TypeLike;
import dev.tangent.spi.UnOp;
import java.util.Collection;
import java.util.Iterator;
import java.util.Set;

/**
 * n tangents of one group as one value (X.log() of a batch, G.tangent(T) of an n x dof tensor):
 * one flat array, tangent i at offset i * dof. Arithmetic (+ -, scaling) and the tangent methods
 * work element by element; t[i] is one tangent, len(t) the batch size.
 */
public final class BatchTangent implements Operand, HasType, HasMembers, Indexable, Sized, TIterable, JsonConvertible {
  static final Set<String> METHODS = Set.of("exp", "hat", "rjac", "ljac", "rjacinv", "ljacinv", "small_adj", "bracket",
      "inner", "norm", "coeffs", "vec", "plus", "minus");

  public final GroupValue group;
  public final int n;
  public final double[] v;

  public BatchTangent(GroupValue group, int n, double[] v) {
    this.group = group;
    this.n = n;
    this.v = v;
  }

  TangentValue get(int i) {
    int dof = group.kernel.dof;
    return group.tangent(java.util.Arrays.copyOfRange(v, i * dof, (i + 1) * dof));
  }

  @Override public TypeLike type() { return BatchTypes.tangents(group); }

  @Override public String toString() {
    return group.tangentType.typeName() + " batch of " + n + (n == 1 ? " tangent" : " tangents");
  }

  @Override public Object binaryOp(BinOp op, Object other, boolean selfOnLeft) {
    return BatchOps.operator(op, selfOnLeft ? this : other, selfOnLeft ? other : this);
  }

  @Override public Object unaryOp(UnOp op) {
    if (op == UnOp.NEG) return BatchOps.scale(this, -1);
    if (op == UnOp.PLUS) return this;
    return NOT_IMPLEMENTED;
  }

  @Override public Object member(String name) {
    return BatchRows.member(this, group, name, METHODS, TangentValue.class);
  }

  @Override public Collection<String> memberNames() {
    return BatchRows.memberNames(METHODS);
  }

  @Override public Object getIndex(Object[] subs) {
    if (subs.length != 1) throw TangentError.runtime("a batch takes one subscript, got " + subs.length);
    if (subs[0] instanceof Slice sl) {
      Slice.Bounds b = sl.bounds(n);
      return new BatchTangent(group, b.count(), BatchRows.select(v, group.kernel.dof, b));
    }
    return get(Ints.index(subs[0], n, "batch"));
  }

  @Override public long length() { return n; }

  @Override public Iterator<Object> iterator() {
    return BatchRows.iterator(n, this::get);
  }

  @Override public Object toJson() {
    TMap m = new TMap();
    m.put("group", group.typeName());
    m.put("batch", (double) n);
    m.put("tangents", BatchRows.toList(v, n, group.kernel.dof));
    return m;
  }
}
