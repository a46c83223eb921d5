package dev.tangent.lie.batch;

import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.GroupValue;
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
import java.util.Collection;
import java.util.Iterator;
import java.util.Set;

/**
 * n elements of one group as one value (SE3.random(n), SE3.exp(T), SE3.stack(list)): their
 * coefficients in one flat array, element i at offset i * rep. The element methods and operators
 * work element by element (see {@link BatchOps}); X[i] is one element, len(X) the batch size.
 */
public final class BatchElement implements Operand, HasType, HasMembers, Indexable, Sized, TIterable, JsonConvertible {
  /** The element methods that work on batches. */
  static final Set<String> METHODS = Set.of("inv", "inverse", "compose", "between", "log", "act", "adj", "matrix", "coeffs",
      "rplus", "plus", "lplus", "rminus", "minus", "lminus", "normalize");

  public final GroupValue group;
  final int n;
  final double[] c;

  public BatchElement(GroupValue group, int n, double[] c) {
    this.group = group;
    this.n = n;
    this.c = c;
  }

  /** The coefficients of all n elements (shared: read, never write), for code that moves batches (spark). */
  public double[] coefficients() { return c; }

  Element get(int i) {
    int rep = group.kernel.rep;
    return group.element(java.util.Arrays.copyOfRange(c, i * rep, (i + 1) * rep));
  }

  @Override public TypeLike type() { return BatchTypes.elements(group); }

  @Override public String toString() {
    return group.typeName() + " batch of " + n + (n == 1 ? " element" : " elements");
  }

  @Override public Object binaryOp(BinOp op, Object other, boolean selfOnLeft) {
    return BatchOps.operator(op, selfOnLeft ? this : other, selfOnLeft ? other : this);
  }

  @Override public Object member(String name) {
    return BatchRows.member(this, group, name, METHODS, Element.class);
  }

  @Override public Collection<String> memberNames() {
    return BatchRows.memberNames(METHODS);
  }

  @Override public Object getIndex(Object[] subs) {
    if (subs.length != 1) throw TangentError.runtime("a batch takes one subscript, got " + subs.length);
    if (subs[0] instanceof Slice sl) {
      Slice.Bounds b = sl.bounds(n);
      return new BatchElement(group, b.count(), BatchRows.select(c, group.kernel.rep, b));
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
    m.put("coeffs", BatchRows.toList(c, n, group.kernel.rep));
    return m;
  }

}
