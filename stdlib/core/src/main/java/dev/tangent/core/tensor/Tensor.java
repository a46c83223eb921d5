package dev.tangent.core.tensor;

import dev.tangent.spi.BinOp;
import dev.tangent.spi.UnOp;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Display;
import dev.tangent.spi.Indexable;
import dev.tangent.spi.JsonConvertible;
import dev.tangent.spi.Operand;
import dev.tangent.spi.Sized;
import dev.tangent.spi.TIterable;
import dev.tangent.spi.TList;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.DoubleUnaryOperator;

/**
 * The one n-d array type users see: a shape, a dtype (f64, f32, i64, bool) and a {@link Storage}
 * that is either a Java array (small tensors) or ND4J memory (large ones, or those placed with
 * device: "cpu"). Operations pick the storage of their result, so scripts never convert. Values
 * change only through {@link #setIndex} (A[i, j] = v) and {@link #set}.
 */
public final class Tensor implements Operand, Indexable, TIterable, Sized, JsonConvertible {
  final int[] shape;
  final Storage storage;
  final DType dtype;

  /** An f64 tensor over the given row-major array (not copied). */
  public Tensor(int[] shape, double[] data) {
    this(shape, HeapStorage.of(data));
  }

  Tensor(int[] shape, Storage storage) {
    long n = 1;
    for (int s : shape) n *= s;
    if (n != storage.size()) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got " + storage.size());
    this.shape = shape;
    this.storage = storage;
    this.dtype = storage.dtype();
  }

  /** A tensor over existing storage (for back-ends). */
  public static Tensor of(int[] shape, Storage storage) {
    return new Tensor(shape.clone(), storage);
  }

  // ------------------------------------------------------------------ construction

  public static Tensor zeros(int... shape) {
    return new Tensor(shape.clone(), new double[size(shape)]);
  }

  /** Standard normal samples in Java arrays: the numbers randn(*shape, seed: seed) gives. */
  public static Tensor randn(long seed, int... shape) {
    return new Tensor(shape.clone(), TensorCreation.gaussians(new java.util.SplittableRandom(seed), size(shape)));
  }

  public static Tensor full(int[] shape, double v) {
    double[] d = new double[size(shape)];
    Arrays.fill(d, v);
    return new Tensor(shape.clone(), d);
  }

  public static Tensor eye(int n) {
    Tensor t = zeros(n, n);
    for (int i = 0; i < n; i++) t.storage.setDouble(i * n + i, 1);
    return t;
  }

  public static Tensor vector(double... v) {
    return new Tensor(new int[] {v.length}, v.clone());
  }

  public static Tensor scalar(double v) {
    return new Tensor(new int[0], new double[] {v});
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

  /** From nested lists/tuples of numbers or Bools (a bool tensor when all are Bools). */
  public static Tensor from(Object nested) {
    if (nested instanceof Tensor t) return t.copy();
    if (nested instanceof Double d) return scalar(d);
    if (nested instanceof Boolean b) return ofBools(new int[0], new boolean[] {b});
    int[] shape = inferShape(nested);
    double[] data = new double[size(shape)];
    int[] pos = {0};
    boolean[] kinds = new boolean[2];
    fill(nested, shape, 0, data, pos, kinds);
    if (kinds[1] && !kinds[0]) {
      boolean[] b = new boolean[data.length];
      for (int i = 0; i < b.length; i++) b[i] = data[i] != 0;
      return ofBools(shape, b);
    }
    return new Tensor(shape, data);
  }

  /** Tensors as they are; numbers, Bools and nested lists converted; null for anything else. */
  static Tensor coerce(Object x) {
    if (x instanceof Tensor t) return t;
    if (x instanceof Double || x instanceof Boolean || x instanceof TList || x instanceof Tuple) return from(x);
    return null;
  }

  private static int[] inferShape(Object v) {
    java.util.List<Integer> dims = new java.util.ArrayList<>();
    Object cur = v;
    while (true) {
      java.util.List<Object> items = items(cur);
      if (items == null) {
        if (cur instanceof Tensor t) for (int s : t.shape) dims.add(s);
        break;
      }
      dims.add(items.size());
      if (items.isEmpty()) break;
      cur = items.get(0);
    }
    return dims.stream().mapToInt(Integer::intValue).toArray();
  }

  private static java.util.List<Object> items(Object v) {
    if (v instanceof TList l) return l.items;
    if (v instanceof Tuple t) return t.list();
    return null;
  }

  /** kinds[0]: saw a number; kinds[1]: saw a Bool. */
  private static void fill(Object v, int[] shape, int dim, double[] out, int[] pos, boolean[] kinds) {
    if (dim == shape.length) {
      if (v instanceof Double d) {
        out[pos[0]++] = d;
        kinds[0] = true;
        return;
      }
      if (v instanceof Boolean b) {
        out[pos[0]++] = b ? 1 : 0;
        kinds[1] = true;
        return;
      }
      if (v instanceof dev.tangent.spi.Tracked) {
        throw TangentError.runtime("diff: a list holding values tracked by diff cannot be read as plain numbers here")
            .withHint("build a tracked tensor first: tensor([...])");
      }
      throw TangentError.runtime("tensor(): elements must be Numbers or Bools, got " + Types.typeName(v));
    }
    if (v instanceof Tensor t && Arrays.equals(t.shape, Arrays.copyOfRange(shape, dim, shape.length))) {
      t.storage.read(0, out, pos[0], t.size());
      pos[0] += t.size();
      kinds[t.dtype == DType.BOOL ? 1 : 0] = true;
      return;
    }
    java.util.List<Object> items = items(v);
    if (items == null || items.size() != shape[dim]) {
      throw TangentError.runtime("tensor(): ragged nested lists (expected " + shape[dim] + " items at depth " + dim
          + ", got " + (items == null ? Types.typeName(v) : items.size() + " items") + ")");
    }
    for (Object x : items) fill(x, shape, dim + 1, out, pos, kinds);
  }

  public static int size(int[] shape) {
    for (int s : shape) {
      if (s < 0) throw TangentError.runtime("negative dimension " + s + " in shape " + shapeText(shape));
    }
    long n;
    try {
      n = dev.tangent.spi.Sizes.count(shape);
    } catch (dev.tangent.spi.Sizes.Invalid e) {
      throw TangentError.runtime("tensor too large: shape " + shapeText(shape) + " has more than 2^63 elements");
    }
    if (n > dev.tangent.spi.Sizes.MAX_ARRAY) {
      throw TangentError.runtime("tensor too large: " + String.format("%,d", n) + " elements (shape " + shapeText(shape)
          + "); a tensor holds at most 2^31 - 17");
    }
    dev.tangent.spi.Sizes.checkAllocation(n, "a tensor of shape " + shapeText(shape));
    return (int) n;
  }

  // ------------------------------------------------------------------ stable API for other modules
  //
  // Modules (lie, nn, io, plot) create and read tensors only through these methods. They build
  // Java-array tensors (no back-end start); results of operations on large ones move to ND4J.

  /** A tensor of the given shape from row-major values (copied). */
  public static Tensor ofDoubles(int[] shape, double[] rowMajor) {
    return new Tensor(shape.clone(), HeapStorage.of(rowMajor.clone()));
  }

  /** A tensor from row-major float32 values (the f32 dtype). */
  public static Tensor ofFloats(int[] shape, float[] rowMajor) {
    return new Tensor(shape.clone(), HeapStorage.of(rowMajor.clone()));
  }

  /** A tensor from row-major int64 values (the i64 dtype). */
  public static Tensor ofLongs(int[] shape, long[] rowMajor) {
    return new Tensor(shape.clone(), HeapStorage.of(rowMajor.clone()));
  }

  /** A tensor of booleans (the bool dtype). */
  public static Tensor ofBools(int[] shape, boolean[] rowMajor) {
    return new Tensor(shape.clone(), HeapStorage.of(rowMajor.clone()));
  }

  /** "f64", "f32", "i64" or "bool". */
  public String dtype() { return dtype.text; }

  public DType elementType() { return dtype; }

  /** "java" (pure-Java arrays) or "cpu" (ND4J). */
  public String device() { return storage.device(); }

  /** The storage (for back-ends and kernels); mutate it only if you own the tensor. */
  public Storage storage() { return storage; }

  /** The values in row-major order, as a new array. */
  public double[] toDoubleArray() { return storage.toDoubles(); }

  public float[] toFloatArray() { return storage.toFloats(); }

  public long[] toLongArray() { return storage.toLongs(); }

  public boolean[] toBoolArray() { return storage.toBools(); }

  /** Element at a multi-index (row-major). */
  public double getAt(int... index) {
    if (index.length != shape.length) throw TangentError.runtime("expected " + shape.length + " indices, got " + index.length);
    int off = 0;
    int[] st = strides(shape);
    for (int i = 0; i < index.length; i++) {
      if (index[i] < 0 || index[i] >= shape[i]) {
        throw TangentError.runtime("index " + index[i] + " is out of bounds for axis " + i + " with size " + shape[i]);
      }
      off += index[i] * st[i];
    }
    return storage.getDouble(off);
  }

  // ------------------------------------------------------------------ accessors

  public int[] shape() { return shape.clone(); }
  public int ndim() { return shape.length; }
  public int size() { return storage.size(); }
  public int dim(int i) { return shape[i]; }

  /** The f64 values: the backing array of a Java-array f64 tensor (writes show), else a copy. */
  public double[] data() {
    Fusion.beforeWrite(storage);
    return storage.heapArray() instanceof double[] d ? d : storage.toDoubles();
  }

  /** Element i in row-major order. */
  public double get(int i) { return storage.getDouble(i); }
  public double get(int i, int j) { return storage.getDouble(i * shape[1] + j); }
  public void set(int i, int j, double v) {
    Fusion.beforeWrite(storage);
    storage.setDouble(i * shape[1] + j, v);
  }

  /** A copy with the same dtype and device. */
  public Tensor copy() { return new Tensor(shape.clone(), storage.copy()); }

  public double[][] toArray2() {
    if (shape.length != 2) throw TangentError.runtime("expected a matrix, got shape " + shapeText(shape));
    double[] d = storage.toDoubles();
    double[][] out = new double[shape[0]][shape[1]];
    for (int i = 0; i < shape[0]; i++) System.arraycopy(d, i * shape[1], out[i], 0, shape[1]);
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

  // ------------------------------------------------------------------ conversions

  /** The same values in another dtype (this tensor itself when it already has it). */
  public Tensor astype(DType t) {
    if (t == dtype) return this;
    int n = size();
    Storage out = Placement.allocateForWrite(t, n, Placement.wantBackend(n, this));
    if (t == DType.BOOL) {
      double[] d = storage.toDoubles();
      for (int i = 0; i < n; i++) out.setDouble(i, d[i] != 0 ? 1 : 0);
    } else if (t == DType.I64) {
      if (dtype.isFloat()) {
        double[] d = storage.toDoubles();
        for (int i = 0; i < n; i++) {
          if (!Double.isFinite(d[i])) throw TangentError.runtime("astype(\"i64\"): cannot convert " + num(d[i]) + " to an integer");
        }
      }
      out.write(0, storage.toLongs(), 0, n);
    } else if (t == DType.F32) {
      out.write(0, storage.toFloats(), 0, n);
    } else {
      out.write(0, storage.toDoubles(), 0, n);
    }
    return new Tensor(shape.clone(), out);
  }

  /** This tensor on a device ("java" or "cpu"): itself when it is there already. */
  public Tensor to(String device) {
    String d = Placement.checkDevice(device);
    return d.equals(device()) ? this : new Tensor(shape.clone(), Placement.to(storage, d));
  }

  // ------------------------------------------------------------------ shape ops

  public Tensor reshape(int... newShape) { return ShapeOps.reshape(this, newShape); }

  /** Reverses the axes (the transpose of a matrix; a vector stays as it is). */
  public Tensor transpose() { return ShapeOps.transpose(this); }

  public Tensor permute(int[] perm) { return ShapeOps.permute(this, perm); }

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

  /** f(x) for each element, as f64. */
  public Tensor map(DoubleUnaryOperator f) {
    double[] d = storage.toDoubles();
    for (int i = 0; i < d.length; i++) d[i] = f.applyAsDouble(d[i]);
    return new Tensor(shape.clone(), Placement.place(HeapStorage.of(d), Placement.wantBackend(d.length, this)));
  }

  public Tensor plus(Tensor b) { return Elementwise.binary(BinOp.ADD, this, b); }
  public Tensor minus(Tensor b) { return Elementwise.binary(BinOp.SUB, this, b); }
  public Tensor times(double s) { return Elementwise.withScalar(BinOp.MUL, this, s, true); }

  /** numpy's matmul (vector @ vector gives a 0-d tensor here, a Number in scripts). */
  public Tensor matmul(Tensor b) {
    return LinAlg.matmul(this, b);
  }

  @Override public Object binaryOp(BinOp op, Object other, boolean selfOnLeft) {
    if (other instanceof Double d) {
      if (op == BinOp.MATMUL) throw TangentError.runtime("@ needs two tensors, got a Tensor and a Number");
      return Elementwise.withScalar(op, this, d, selfOnLeft);
    }
    Tensor o;
    if (other instanceof Tensor t) o = t;
    else if (other instanceof Boolean || other instanceof TList || other instanceof Tuple) o = from(other);
    else return NOT_IMPLEMENTED;
    Tensor a = selfOnLeft ? this : o;
    Tensor b = selfOnLeft ? o : this;
    if (op == BinOp.MATMUL) return LinAlg.product(a, b);
    return Elementwise.binary(op, a, b);
  }

  @Override public Object unaryOp(UnOp op) {
    if (op == UnOp.NEG) return Elementwise.math("neg", this);
    if (op == UnOp.PLUS) return this;
    return NOT_IMPLEMENTED;
  }

  @Override public Object mathOp(String fn) {
    if (fn.equals("norm")) return Reductions.reduce(this, null, false, Reductions.Kind.NORM, 0);
    Tensor r = Elementwise.math(fn, this);
    return r == null ? NOT_IMPLEMENTED : r;
  }

  /** The sum of all elements: a Number. */
  public Object sum() { return Reductions.reduce(this, null, false, Reductions.Kind.SUM, 0); }
  public Object prod() { return Reductions.reduce(this, null, false, Reductions.Kind.PROD, 0); }

  /** The largest element (a Number, or a Bool for a bool tensor). */
  public Object max() { return Reductions.reduce(this, null, false, Reductions.Kind.MAX, 0); }

  public Object min() { return Reductions.reduce(this, null, false, Reductions.Kind.MIN, 0); }

  // ------------------------------------------------------------------ indexing

  @Override public Object getIndex(Object[] subs) {
    Object small = SmallTensors.index(this, subs);
    if (small != null) return small;
    Indexer.Selection sel = Indexer.select(this, subs);
    if (sel.scalar()) return element(sel.offsets()[0]);
    return new Tensor(sel.shape(), Gather.take(storage, sel.offsets(), Placement.wantBackend(sel.offsets().length, this)));
  }

  /** One element as a script value: a Bool for bool tensors, else a Number. */
  Object element(int flat) {
    if (dtype == DType.BOOL) return storage.getDouble(flat) != 0;
    if (dtype == DType.I64) return (double) storage.getLong(flat);
    return storage.getDouble(flat);
  }

  @Override public void setIndex(Object[] subs, Object value) {
    Indexer.Selection sel = Indexer.select(this, subs);
    Fusion.beforeWrite(storage);
    if (value instanceof Double d) {
      Gather.fill(storage, sel.offsets(), d);
      return;
    }
    if (value instanceof Boolean b) {
      Gather.fill(storage, sel.offsets(), b ? 1 : 0);
      return;
    }
    Tensor src = coerce(value);
    if (src == null) throw TangentError.runtime("cannot assign a " + Types.typeName(value) + " into a Tensor");
    Tensor b;
    try {
      b = Broadcast.to(src, sel.shape());
    } catch (TangentError e) {
      throw TangentError.runtime("cannot assign a tensor of shape " + shapeText(src.shape) + " into a selection of shape " + shapeText(sel.shape()));
    }
    Gather.put(storage, sel.offsets(), b.storage);
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

  /** Nested lists of numbers (Bools for a bool tensor). */
  public Object toList() {
    if (shape.length == 0) return element(0);
    return nested(0, 0, strides(shape));
  }

  private Object nested(int dim, int offset, int[] st) {
    TList out = new TList(shape[dim]);
    for (int i = 0; i < shape[dim]; i++) {
      if (dim == shape.length - 1) out.items.add(element(offset + i));
      else out.items.add(nested(dim + 1, offset + i * st[dim], st));
    }
    return out;
  }

  public boolean allClose(Tensor o, double rtol, double atol) {
    if (!Arrays.equals(shape, o.shape)) return false;
    double[] x = storage.toDoubles();
    double[] y = o.storage.toDoubles();
    for (int i = 0; i < x.length; i++) {
      if (!(Math.abs(x[i] - y[i]) <= atol + rtol * Math.abs(y[i]))) return false;
    }
    return true;
  }

  @Override public boolean equals(Object o) {
    return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(storage.toDoubles(), t.storage.toDoubles());
  }

  @Override public int hashCode() { return Arrays.hashCode(shape) * 31 + Arrays.hashCode(storage.toDoubles()); }

  @Override public String toString() { return TensorFormat.repr(this); }

  static String num(double x) { return Display.number(x); }
}
