package dev.tangent.lie.diff;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.BoundMethod;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.HasMembers;
import dev.tangent.spi.HasType;
import dev.tangent.spi.Indexable;
import dev.tangent.spi.Ints;
import dev.tangent.spi.Sized;
import dev.tangent.spi.Slice;
import dev.tangent.spi.TIterable;
import dev.tangent.spi.TList;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.TypeInfo;
import dev.tangent.spi.TypeLike;
import dev.tangent.spi.TypeValue;
import dev.tangent.spi.Types;
import dev.tangent.spi.UnOp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A tensor tracked by diff(): row-major values p of the given shape, and d with one row per
 * element. Supports + - * / ^ (same shapes or a scalar), @, unary minus, the math functions,
 * norm, sum, dot, indexing and slicing, len, iteration, and the members T, shape, ndim, size,
 * sum(), norm(), flatten(), reshape(), tolist(), item().
 */
public final class DualVector extends Dual implements HasType, HasMembers, Indexable, Sized, TIterable {
  static final TypeValue TYPE = new TypeValue("Tensor (tracked by diff)", v -> v instanceof DualVector,
      "A tensor inside a function that diff() differentiates: it carries its derivative with respect to diff's inputs.");

  public final double[] p;
  public final int[] shape;

  DualVector(DiffScope scope, double[] p, int[] shape, double[] d) {
    super(scope, d);
    this.p = p;
    this.shape = shape;
  }

  @Override public int size() { return p.length; }

  @Override public Object primal() { return Tensor.ofDoubles(shape, p); }

  @Override public TypeLike type() { return TYPE; }

  /** A scalar result of a reduction or an index: a DualNumber. */
  DualNumber element(int i) {
    int n = scope.n;
    double[] g = new double[n];
    System.arraycopy(d, i * n, g, 0, n);
    return (DualNumber) inherit(new DualNumber(scope, p[i], g), this);
  }

  /** The elements at the given flat indices, in a new shape (a number when the shape is empty). */
  Object gather(int[] idx, int[] newShape) {
    if (newShape.length == 0) return element(idx[0]);
    int n = scope.n;
    double[] q = new double[idx.length];
    double[] g = new double[idx.length * n];
    for (int k = 0; k < idx.length; k++) {
      q[k] = p[idx[k]];
      System.arraycopy(d, idx[k] * n, g, k * n, n);
    }
    return inherit(new DualVector(scope, q, newShape, g), this);
  }

  // ------------------------------------------------------------------ building from nested lists

  /** tensor(nested) where leaves may be numbers, tracked numbers, tensors or tracked tensors. */
  static DualVector of(Object nested) {
    List<Integer> dims = new ArrayList<>();
    Object cur = nested;
    while (true) {
      List<Object> items = items(cur);
      if (items == null) {
        if (cur instanceof Tensor t) for (int s : t.shape()) dims.add(s);
        if (cur instanceof DualVector v) for (int s : v.shape) dims.add(s);
        break;
      }
      dims.add(items.size());
      if (items.isEmpty()) break;
      cur = items.get(0);
    }
    int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
    int count = 1;
    for (int s : shape) count *= s;
    DiffScope scope = findScope(nested, null);
    int n = scope.n;
    double[] p = new double[count];
    double[] d = new double[count * n];
    int[] pos = {0};
    DualVector out = new DualVector(scope, p, shape, d);
    fill(nested, shape, 0, p, d, n, pos, out);
    return out;
  }

  private static List<Object> items(Object v) {
    if (v instanceof TList l) return l.items;
    if (v instanceof Tuple t) return t.list();
    return null;
  }

  private static DiffScope findScope(Object v, DiffScope s) {
    if (v instanceof Dual x) {
      if (s != null && s != x.scope) throw DiffScope.mixed();
      return x.scope;
    }
    List<Object> items = items(v);
    if (items != null) for (Object o : items) s = findScope(o, s);
    return s;
  }

  private static void fill(Object v, int[] shape, int dim, double[] p, double[] d, int n, int[] pos, DualVector out) {
    inherit(out, v);
    if (dim == shape.length) {
      if (v instanceof Double x) {
        p[pos[0]++] = x;
      } else if (v instanceof DualNumber x) {
        System.arraycopy(x.d, 0, d, pos[0] * n, n);
        p[pos[0]++] = x.v;
      } else {
        throw TangentError.runtime("tensor(): elements must be Numbers, got " + Types.typeName(v));
      }
      return;
    }
    int[] rest = java.util.Arrays.copyOfRange(shape, dim, shape.length);
    if (v instanceof Tensor t && java.util.Arrays.equals(t.shape(), rest)) {
      double[] src = t.toDoubleArray();
      System.arraycopy(src, 0, p, pos[0], src.length);
      pos[0] += src.length;
      return;
    }
    if (v instanceof DualVector t && java.util.Arrays.equals(t.shape, rest)) {
      System.arraycopy(t.p, 0, p, pos[0], t.p.length);
      System.arraycopy(t.d, 0, d, pos[0] * n, t.d.length);
      pos[0] += t.p.length;
      return;
    }
    List<Object> items = items(v);
    if (items == null || items.size() != shape[dim]) {
      throw TangentError.runtime("tensor(): ragged nested lists (expected " + shape[dim] + " items at depth " + dim
          + ", got " + (items == null ? Types.typeName(v) : items.size() + " items") + ")");
    }
    for (Object x : items) fill(x, shape, dim + 1, p, d, n, pos, out);
  }

  // ------------------------------------------------------------------ operators

  @Override public Object unaryOp(UnOp op) {
    if (op == UnOp.PLUS) return this;
    if (op == UnOp.NEG) return DualArith.negate(this);
    return NOT_IMPLEMENTED;
  }

  @Override public Object mathOp(String fn) {
    return DualArith.math(fn, this);
  }

  // ------------------------------------------------------------------ indexing, len, iteration

  @Override public Object getIndex(Object[] subs) {
    if (subs.length > shape.length) {
      throw TangentError.runtime("too many indices: " + subs.length + " for a tensor of shape " + Tensor.shapeText(shape));
    }
    List<int[]> picks = new ArrayList<>();
    List<Integer> outShape = new ArrayList<>();
    for (int a = 0; a < shape.length; a++) {
      if (a < subs.length && subs[a] instanceof Slice sl) {
        Slice.Bounds b = sl.bounds(shape[a]);
        int[] ix = new int[b.count()];
        for (int k = 0, i = b.start(); k < ix.length; k++, i += b.step()) ix[k] = i;
        picks.add(ix);
        outShape.add(ix.length);
      } else if (a < subs.length) {
        if (subs[a] instanceof DualNumber) throw notDifferentiable("indexing with a tracked number");
        picks.add(new int[] {Ints.index(subs[a], shape[a], "tensor axis " + a)});
      } else {
        int[] ix = new int[shape[a]];
        for (int i = 0; i < ix.length; i++) ix[i] = i;
        picks.add(ix);
        outShape.add(ix.length);
      }
    }
    int[] strides = new int[shape.length];
    int acc = 1;
    for (int a = shape.length - 1; a >= 0; a--) {
      strides[a] = acc;
      acc *= shape[a];
    }
    int total = 1;
    for (int[] pk : picks) total *= pk.length;
    int[] idx = new int[total];
    int[] counter = new int[picks.size()];
    for (int k = 0; k < total; k++) {
      int off = 0;
      for (int a = 0; a < counter.length; a++) off += picks.get(a)[counter[a]] * strides[a];
      idx[k] = off;
      for (int a = counter.length - 1; a >= 0; a--) {
        if (++counter[a] < picks.get(a).length) break;
        counter[a] = 0;
      }
    }
    return gather(idx, outShape.stream().mapToInt(Integer::intValue).toArray());
  }

  @Override public long length() {
    if (shape.length == 0) throw TangentError.runtime("len() of a 0-d tensor");
    return shape[0];
  }

  @Override public Iterator<Object> iterator() {
    if (shape.length == 0) throw TangentError.runtime("cannot iterate over a 0-d tensor");
    return new Iterator<>() {
      int i;

      @Override public boolean hasNext() { return i < shape[0]; }

      @Override public Object next() { return getIndex(new Object[] {(double) i++}); }
    };
  }

  // ------------------------------------------------------------------ members

  DualVector reshaped(int[] s) {
    return (DualVector) inherit(new DualVector(scope, p, s, d), this);
  }

  DualVector transposed() {
    if (shape.length < 2) return this;
    if (shape.length != 2) throw notDifferentiable("transposing a tracked tensor of more than 2 dimensions");
    int r = shape[0];
    int c = shape[1];
    int[] idx = new int[r * c];
    for (int i = 0; i < c; i++) for (int j = 0; j < r; j++) idx[i * r + j] = j * c + i;
    return (DualVector) gather(idx, new int[] {c, r});
  }

  private static final Map<String, Builtin> MEMBERS = members();

  private static Map<String, Builtin> members() {
    Map<String, Builtin> m = new java.util.LinkedHashMap<>();
    m.put("T", Builtin.of("T(self)", "The transpose.", a -> self(a).transposed()));
    m.put("shape", Builtin.of("shape(self)", "The dimensions, as a tuple.", a -> Tensor.ofDoubles(self(a).shape, self(a).p).shapeTuple()));
    m.put("ndim", Builtin.of("ndim(self)", "The number of dimensions.", a -> (double) self(a).shape.length));
    m.put("size", Builtin.of("size(self)", "The number of elements.", a -> (double) self(a).p.length));
    m.put("sum", Builtin.of("sum(self)", "The sum of the elements.", a -> DualArith.math("sum", self(a))));
    m.put("norm", Builtin.of("norm(self)", "The Euclidean norm.", a -> DualArith.math("norm", self(a))));
    m.put("flatten", Builtin.of("flatten(self)", "The elements as a vector.", a -> self(a).reshaped(new int[] {self(a).p.length})));
    m.put("reshape", Builtin.of("reshape(self, *shape)", "The same elements in a new shape.", a -> {
      DualVector v = self(a);
      int[] s = new int[a.rest().size()];
      int free = -1;
      int known = 1;
      for (int i = 0; i < s.length; i++) {
        s[i] = Ints.toInt(a.rest().get(i), "reshape(): dimension");
        if (s[i] == -1) free = i;
        else known *= s[i];
      }
      if (free >= 0 && known > 0) s[free] = v.p.length / known;
      int total = 1;
      for (int x : s) total *= x;
      if (total != v.p.length) {
        throw TangentError.runtime("reshape(): cannot reshape " + v.p.length + " elements into " + Tensor.shapeText(s));
      }
      return v.reshaped(s);
    }));
    m.put("tolist", Builtin.of("tolist(self)", "Nested lists of tracked numbers.", a -> {
      DualVector v = self(a);
      if (v.shape.length == 0) return v.element(0);
      TList out = new TList();
      for (Iterator<Object> it = v.iterator(); it.hasNext(); ) {
        Object x = it.next();
        out.items.add(x instanceof DualVector w ? w.members("tolist").call(null, new Object[0], null) : x);
      }
      return out;
    }));
    m.put("item", Builtin.of("item(self)", "The single element of a one-element tensor.", a -> {
      DualVector v = self(a);
      if (v.p.length != 1) throw TangentError.runtime("item() needs a one-element tensor, got shape " + Tensor.shapeText(v.shape));
      return v.element(0);
    }));
    return m;
  }

  private BoundMethod members(String name) {
    return new BoundMethod(this, MEMBERS.get(name));
  }

  private static DualVector self(dev.tangent.spi.Args a) {
    return (DualVector) a.get(0);
  }

  @Override public Object member(String name) {
    Builtin b = MEMBERS.get(name);
    if (b != null) {
      if (name.equals("T") || name.equals("shape") || name.equals("ndim") || name.equals("size")) {
        return b.call(null, new Object[] {this}, null);
      }
      return new BoundMethod(this, b);
    }
    TypeInfo ti = Types.of(Tensor.class);
    if (ti.method(name) != null || ti.property(name) != null) throw notDifferentiable("Tensor." + name + "()");
    return null;
  }

  @Override public Collection<String> memberNames() { return MEMBERS.keySet(); }
}
