package dev.tangent.core.tensor;

import dev.tangent.ast.BinOp;
import dev.tangent.ast.UnOp;
import dev.tangent.diag.TangentError;
import dev.tangent.runtime.Display;
import dev.tangent.runtime.Indexable;
import dev.tangent.runtime.Ints;
import dev.tangent.runtime.JsonConvertible;
import dev.tangent.runtime.Nil;
import dev.tangent.runtime.Operand;
import dev.tangent.runtime.Sized;
import dev.tangent.runtime.Slice;
import dev.tangent.runtime.TIterable;
import dev.tangent.runtime.TList;
import dev.tangent.runtime.Tuple;
import dev.tangent.runtime.Types;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The dense n-d array of doubles, row-major, pure Java: the small-tensor path (the Lie work's
 * 3x3 to 10x10 matrices and vectors). Values are immutable from Java's point of view except
 * through {@link #setIndex}, which the language exposes as A[i, j] = v.
 */
public final class Tensor implements Operand, Indexable, TIterable, Sized, JsonConvertible {
  final int[] shape;
  final double[] data;
  /** The element type this tensor was created with; arithmetic results are f64. */
  private String dtype = "f64";

  private Tensor withDtype(String d) {
    this.dtype = d;
    return this;
  }

  public Tensor(int[] shape, double[] data) {
    int n = 1;
    for (int s : shape) n *= s;
    if (n != data.length) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
    this.shape = shape;
    this.data = data;
  }

  // ------------------------------------------------------------------ construction

  public static Tensor zeros(int... shape) {
    return new Tensor(shape.clone(), new double[size(shape)]);
  }

  public static Tensor full(int[] shape, double v) {
    double[] d = new double[size(shape)];
    Arrays.fill(d, v);
    return new Tensor(shape.clone(), d);
  }

  public static Tensor eye(int n) {
    Tensor t = zeros(n, n);
    for (int i = 0; i < n; i++) t.data[i * n + i] = 1;
    return t;
  }

  public static Tensor vector(double... v) {
    return new Tensor(new int[] {v.length}, v.clone());
  }

  public static Tensor matrix(double[][] rows) {
    int r = rows.length;
    int c = r == 0 ? 0 : rows[0].length;
    double[] d = new double[r * c];
    for (int i = 0; i < r; i++) {
      if (rows[i].length != c) throw TangentError.runtime("ragged rows: row " + i + " has " + rows[i].length + " values, expected " + c);
      System.arraycopy(rows[i], 0, d, i * c, c);
    }
    return new Tensor(new int[] {r, c}, d);
  }

  /** From nested lists/tuples of numbers, checking that they are rectangular. */
  public static Tensor from(Object nested) {
    if (nested instanceof Tensor t) return t.copy();
    if (nested instanceof Double d) return new Tensor(new int[0], new double[] {d});
    int[] shape = inferShape(nested);
    double[] data = new double[size(shape)];
    int[] pos = {0};
    fill(nested, shape, 0, data, pos);
    return new Tensor(shape, data);
  }

  private static int[] inferShape(Object v) {
    java.util.List<Integer> dims = new java.util.ArrayList<>();
    Object cur = v;
    while (true) {
      java.util.List<Object> items = items(cur);
      if (items == null) break;
      dims.add(items.size());
      if (items.isEmpty()) break;
      cur = items.get(0);
      if (cur instanceof Tensor t) {
        for (int s : t.shape) dims.add(s);
        break;
      }
    }
    return dims.stream().mapToInt(Integer::intValue).toArray();
  }

  private static java.util.List<Object> items(Object v) {
    if (v instanceof TList l) return l.items;
    if (v instanceof Tuple t) return t.list();
    return null;
  }

  private static void fill(Object v, int[] shape, int dim, double[] out, int[] pos) {
    if (dim == shape.length) {
      if (v instanceof Double d) {
        out[pos[0]++] = d;
        return;
      }
      if (v instanceof Boolean b) {
        out[pos[0]++] = b ? 1 : 0;
        return;
      }
      throw TangentError.runtime("tensor(): elements must be Numbers, got " + Types.typeName(v));
    }
    if (v instanceof Tensor t && Arrays.equals(t.shape, Arrays.copyOfRange(shape, dim, shape.length))) {
      System.arraycopy(t.data, 0, out, pos[0], t.data.length);
      pos[0] += t.data.length;
      return;
    }
    java.util.List<Object> items = items(v);
    if (items == null || items.size() != shape[dim]) {
      throw TangentError.runtime("tensor(): ragged nested lists (expected " + shape[dim] + " items at depth " + dim
          + ", got " + (items == null ? Types.typeName(v) : items.size() + " items") + ")");
    }
    for (Object x : items) fill(x, shape, dim + 1, out, pos);
  }

  public static int size(int[] shape) {
    long n = 1;
    for (int s : shape) {
      if (s < 0) throw TangentError.runtime("negative dimension " + s);
      n *= s;
    }
    if (n > Integer.MAX_VALUE) throw TangentError.runtime("tensor too large: " + n + " elements");
    return (int) n;
  }

  // ------------------------------------------------------------------ stable API for other modules
  //
  // Modules (lie, nn, io, plot) create and read tensors only through these methods, so the
  // storage behind Tensor may change (ND4J for large arrays, other dtypes) without breaking them.

  /** A tensor of the given shape from row-major values (copied). */
  public static Tensor ofDoubles(int[] shape, double[] rowMajor) {
    return new Tensor(shape.clone(), rowMajor.clone());
  }

  /** A tensor from row-major float32 values (the f32 dtype). */
  public static Tensor ofFloats(int[] shape, float[] rowMajor) {
    double[] d = new double[rowMajor.length];
    for (int i = 0; i < d.length; i++) d[i] = rowMajor[i];
    return new Tensor(shape.clone(), d).withDtype("f32");
  }

  /** A tensor from row-major int64 values (the i64 dtype). */
  public static Tensor ofLongs(int[] shape, long[] rowMajor) {
    double[] d = new double[rowMajor.length];
    for (int i = 0; i < d.length; i++) d[i] = rowMajor[i];
    return new Tensor(shape.clone(), d).withDtype("i64");
  }

  /** A tensor of booleans (the bool dtype). */
  public static Tensor ofBools(int[] shape, boolean[] rowMajor) {
    double[] d = new double[rowMajor.length];
    for (int i = 0; i < d.length; i++) d[i] = rowMajor[i] ? 1 : 0;
    return new Tensor(shape.clone(), d).withDtype("bool");
  }

  /** "f64", "f32", "i64" or "bool". */
  public String dtype() { return dtype; }

  /** The values in row-major order, as a new array. */
  public double[] toDoubleArray() { return data.clone(); }

  public float[] toFloatArray() {
    float[] f = new float[data.length];
    for (int i = 0; i < f.length; i++) f[i] = (float) data[i];
    return f;
  }

  public long[] toLongArray() {
    long[] l = new long[data.length];
    for (int i = 0; i < l.length; i++) l[i] = (long) data[i];
    return l;
  }

  /** Element at a multi-index (row-major). */
  public double getAt(int... index) {
    if (index.length != shape.length) throw TangentError.runtime("expected " + shape.length + " indices, got " + index.length);
    int off = 0;
    int[] st = strides(shape);
    for (int i = 0; i < index.length; i++) off += index[i] * st[i];
    return data[off];
  }

  // ------------------------------------------------------------------ accessors

  public int[] shape() { return shape.clone(); }
  public int ndim() { return shape.length; }
  public int size() { return data.length; }
  public int dim(int i) { return shape[i]; }

  /** The backing array (row-major). Callers that mutate it own the tensor. */
  public double[] data() { return data; }

  public double get(int i) { return data[i]; }
  public double get(int i, int j) { return data[i * shape[1] + j]; }
  public void set(int i, int j, double v) { data[i * shape[1] + j] = v; }

  public Tensor copy() { return new Tensor(shape.clone(), data.clone()).withDtype(dtype); }

  public double[][] toArray2() {
    if (shape.length != 2) throw TangentError.runtime("expected a matrix, got shape " + shapeText(shape));
    double[][] out = new double[shape[0]][shape[1]];
    for (int i = 0; i < shape[0]; i++) System.arraycopy(data, i * shape[1], out[i], 0, shape[1]);
    return out;
  }

  public Tuple shapeTuple() {
    Object[] xs = new Object[shape.length];
    for (int i = 0; i < xs.length; i++) xs[i] = (double) shape[i];
    return new Tuple(xs);
  }

  public static String shapeText(int[] shape) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      if (i > 0) sb.append(", ");
      sb.append(shape[i]);
    }
    if (shape.length == 1) sb.append(',');
    return sb.append(')').toString();
  }

  // ------------------------------------------------------------------ shape ops

  public Tensor reshape(int... newShape) {
    int[] s = newShape.clone();
    int infer = -1;
    int known = 1;
    for (int i = 0; i < s.length; i++) {
      if (s[i] == -1) {
        if (infer >= 0) throw TangentError.runtime("reshape: only one dimension may be -1");
        infer = i;
      } else {
        known *= s[i];
      }
    }
    if (infer >= 0) {
      if (known == 0 || data.length % known != 0) throw TangentError.runtime("reshape: cannot reshape " + shapeText(shape) + " into " + shapeText(newShape));
      s[infer] = data.length / known;
    }
    if (size(s) != data.length) {
      throw TangentError.runtime("reshape: cannot reshape " + shapeText(shape) + " (" + data.length + " elements) into " + shapeText(s));
    }
    return new Tensor(s, data.clone());
  }

  /** Reverses the axes (the transpose of a matrix; a vector stays as it is). */
  public Tensor transpose() {
    if (shape.length < 2) return copy();
    if (shape.length == 2) {
      int r = shape[0];
      int c = shape[1];
      double[] out = new double[data.length];
      for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) out[j * r + i] = data[i * c + j];
      return new Tensor(new int[] {c, r}, out);
    }
    int n = shape.length;
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) perm[i] = n - 1 - i;
    return permute(perm);
  }

  public Tensor permute(int[] perm) {
    int n = shape.length;
    if (perm.length != n) throw TangentError.runtime("permute: expected " + n + " axes, got " + perm.length);
    int[] newShape = new int[n];
    for (int i = 0; i < n; i++) newShape[i] = shape[perm[i]];
    int[] srcStrides = strides(shape);
    double[] out = new double[data.length];
    int[] idx = new int[n];
    for (int k = 0; k < out.length; k++) {
      int src = 0;
      for (int i = 0; i < n; i++) src += idx[i] * srcStrides[perm[i]];
      out[k] = data[src];
      for (int i = n - 1; i >= 0; i--) {
        if (++idx[i] < newShape[i]) break;
        idx[i] = 0;
      }
    }
    return new Tensor(newShape, out);
  }

  static int[] strides(int[] shape) {
    int[] s = new int[shape.length];
    int acc = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= shape[i];
    }
    return s;
  }

  // ------------------------------------------------------------------ arithmetic

  public Tensor map(DoubleUnaryOperator f) {
    double[] out = new double[data.length];
    for (int i = 0; i < out.length; i++) out[i] = f.applyAsDouble(data[i]);
    return new Tensor(shape.clone(), out);
  }

  public Tensor plus(Tensor b) { return Broadcast.apply(this, b, Double::sum, "+"); }
  public Tensor minus(Tensor b) { return Broadcast.apply(this, b, (x, y) -> x - y, "-"); }
  public Tensor times(double s) { return map(x -> x * s); }

  public Tensor matmul(Tensor b) { return LinAlg.matmul(this, b); }

  @Override public Object binaryOp(BinOp op, Object other, boolean selfOnLeft) {
    Tensor o;
    if (other instanceof Tensor t) o = t;
    else if (other instanceof Double d) o = new Tensor(new int[0], new double[] {d});
    else if (other instanceof TList || other instanceof Tuple) o = from(other);
    else return NOT_IMPLEMENTED;
    Tensor a = selfOnLeft ? this : o;
    Tensor b = selfOnLeft ? o : this;
    if (op == BinOp.MATMUL) return a.matmul(b);
    DoubleBinaryOperator f = elementwise(op);
    if (f == null) return NOT_IMPLEMENTED;
    return Broadcast.apply(a, b, f, op.symbol);
  }

  static DoubleBinaryOperator elementwise(BinOp op) {
    switch (op) {
      case ADD: return Double::sum;
      case SUB: return (x, y) -> x - y;
      case MUL: return (x, y) -> x * y;
      case DIV: return (x, y) -> x / y;
      case FLOORDIV: return (x, y) -> Math.floor(x / y);
      case MOD: return dev.tangent.runtime.Operators::mod;
      case POW: return Math::pow;
      case EQ: return (x, y) -> x == y ? 1 : 0;
      case NE: return (x, y) -> x != y ? 1 : 0;
      case LT: return (x, y) -> x < y ? 1 : 0;
      case LE: return (x, y) -> x <= y ? 1 : 0;
      case GT: return (x, y) -> x > y ? 1 : 0;
      case GE: return (x, y) -> x >= y ? 1 : 0;
      default: return null;
    }
  }

  @Override public Object unaryOp(UnOp op) {
    if (op == UnOp.NEG) return map(x -> -x);
    if (op == UnOp.PLUS) return this;
    return NOT_IMPLEMENTED;
  }

  @Override public Object mathOp(String fn) {
    DoubleUnaryOperator f = MathFunctions.get(fn);
    return f == null ? NOT_IMPLEMENTED : map(f);
  }

  // ------------------------------------------------------------------ indexing

  @Override public Object getIndex(Object[] subs) {
    Selection sel = select(subs);
    if (sel.outShape.length == 0 && sel.allScalar) return data[sel.offsets[0]];
    double[] out = new double[sel.offsets.length];
    for (int i = 0; i < out.length; i++) out[i] = data[sel.offsets[i]];
    return new Tensor(sel.outShape, out);
  }

  @Override public void setIndex(Object[] subs, Object value) {
    Selection sel = select(subs);
    if (value instanceof Double d) {
      for (int off : sel.offsets) data[off] = d;
      return;
    }
    Tensor src = value instanceof Tensor t ? t : (value instanceof TList || value instanceof Tuple) ? from(value) : null;
    if (src == null) throw TangentError.runtime("cannot assign a " + Types.typeName(value) + " into a Tensor");
    Tensor b = Broadcast.to(src, sel.outShape);
    for (int i = 0; i < sel.offsets.length; i++) data[sel.offsets[i]] = b.data[i];
  }

  /** The flat offsets selected by subscripts, in output order, and the output shape. */
  private static final class Selection {
    int[] offsets;
    int[] outShape;
    boolean allScalar;
  }

  private Selection select(Object[] subs) {
    if (subs.length > shape.length) {
      throw TangentError.runtime("too many indices for a tensor of shape " + shapeText(shape) + ": " + subs.length);
    }
    int n = shape.length;
    int[][] picks = new int[n][];
    java.util.List<Integer> outDims = new java.util.ArrayList<>();
    boolean allScalar = subs.length == n;
    for (int d = 0; d < n; d++) {
      Object s = d < subs.length ? subs[d] : null;
      if (s == null || s == Nil.NIL) {
        picks[d] = range(0, shape[d], 1, shape[d]);
        outDims.add(shape[d]);
        allScalar = false;
      } else if (s instanceof Slice sl) {
        Slice.Bounds b = sl.bounds(shape[d]);
        picks[d] = range(b.start(), b.stop(), b.step(), b.count());
        outDims.add(b.count());
        allScalar = false;
      } else if (s instanceof Double) {
        picks[d] = new int[] {Ints.index(s, shape[d], "axis " + d)};
      } else {
        throw TangentError.runtime("tensor index must be an integer or a slice, got " + Types.typeName(s));
      }
    }
    int[] strides = strides(shape);
    int count = 1;
    for (int[] p : picks) count *= p.length;
    int[] offsets = new int[count];
    int[] idx = new int[n];
    for (int k = 0; k < count; k++) {
      int off = 0;
      for (int d = 0; d < n; d++) off += picks[d][idx[d]] * strides[d];
      offsets[k] = off;
      for (int d = n - 1; d >= 0; d--) {
        if (++idx[d] < picks[d].length) break;
        idx[d] = 0;
      }
    }
    Selection sel = new Selection();
    sel.offsets = offsets;
    sel.outShape = outDims.stream().mapToInt(Integer::intValue).toArray();
    sel.allScalar = allScalar;
    return sel;
  }

  private static int[] range(int start, int stop, int step, int count) {
    int[] r = new int[count];
    for (int i = 0; i < count; i++) r[i] = start + i * step;
    return r;
  }

  // ------------------------------------------------------------------ protocols

  @Override public Iterator<Object> iterator() {
    if (shape.length == 0) throw TangentError.runtime("cannot iterate over a 0-d tensor");
    return new Iterator<>() {
      int i;
      @Override public boolean hasNext() { return i < shape[0]; }
      @Override public Object next() {
        if (i >= shape[0]) throw new NoSuchElementException();
        return getIndex(new Object[] {(double) i++});
      }
    };
  }

  @Override public long length() {
    if (shape.length == 0) throw TangentError.runtime("len() of a 0-d tensor");
    return shape[0];
  }

  @Override public Object toJson() { return toList(); }

  /** Nested lists of numbers. */
  public Object toList() {
    if (shape.length == 0) return data[0];
    return nested(0, 0);
  }

  private Object nested(int dim, int offset) {
    int[] st = strides(shape);
    TList out = new TList(shape[dim]);
    for (int i = 0; i < shape[dim]; i++) {
      if (dim == shape.length - 1) out.items.add(data[offset + i]);
      else out.items.add(nested(dim + 1, offset + i * st[dim]));
    }
    return out;
  }

  public boolean allClose(Tensor o, double rtol, double atol) {
    if (!Arrays.equals(shape, o.shape)) return false;
    for (int i = 0; i < data.length; i++) {
      double a = data[i];
      double b = o.data[i];
      if (!(Math.abs(a - b) <= atol + rtol * Math.abs(b))) return false;
    }
    return true;
  }

  @Override public boolean equals(Object o) {
    return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
  }

  @Override public int hashCode() { return Arrays.hashCode(shape) * 31 + Arrays.hashCode(data); }

  @Override public String toString() { return TensorFormat.repr(this); }

  static String num(double x) { return Display.number(x); }
}
