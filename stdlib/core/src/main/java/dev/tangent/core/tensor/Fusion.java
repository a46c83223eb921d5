package dev.tangent.core.tensor;

import dev.tangent.spi.BinOp;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Fused elementwise chains for large float tensors. An arithmetic or math op on at least
 * {@link #MIN_SIZE} elements returns a tensor whose storage is a {@link Lazy} expression; a
 * following elementwise op folds it into its own expression instead of computing it, and the
 * first read of the elements computes the whole chain in one chunked, parallel pass (so
 * exp(x) * 2 + sin(x) reads x once and writes one array, not four).
 *
 * <p>Values stay as if computed eagerly: before any tensor is written in place (A[i] = v), every
 * pending expression that reads it is computed first ({@link #beforeWrite}). Each pending result
 * is folded into at most one consumer; a second consumer computes it and reads the result.
 */
final class Fusion {
  private Fusion() {}

  static final int MIN_SIZE = Integer.getInteger("tangent.tensor.fuseMin", Placement.LARGE);
  static final boolean ENABLED = !Boolean.getBoolean("tangent.tensor.noFusion");
  /** Largest expression folded into one pass; deeper chains compute their inputs first. */
  static final int MAX_NODES = 24;

  static boolean applies(DType t, int n) {
    return ENABLED && t.isFloat() && n >= MIN_SIZE;
  }

  // ------------------------------------------------------------------ expression nodes

  abstract static class Node {
    abstract int count();

    /** Elements [from, from+n) in a scratch array from the pool (the caller releases it). */
    abstract float[] floats(int from, int n, Pool p);

    abstract double[] doubles(int from, int n, Pool p);

    abstract void leaves(List<Storage> out);
  }

  static final class Leaf extends Node {
    final Storage s;

    Leaf(Storage s) { this.s = s; }

    @Override int count() { return 1; }

    @Override float[] floats(int from, int n, Pool p) {
      float[] a = p.f();
      s.read(from, a, 0, n);
      return a;
    }

    @Override double[] doubles(int from, int n, Pool p) {
      double[] a = p.d();
      s.read(from, a, 0, n);
      return a;
    }

    @Override void leaves(List<Storage> out) { out.add(s); }
  }

  static final class Scalar extends Node {
    final double v;

    Scalar(double v) { this.v = v; }

    @Override int count() { return 1; }

    @Override float[] floats(int from, int n, Pool p) {
      float[] a = p.f();
      java.util.Arrays.fill(a, 0, n, (float) v);
      return a;
    }

    @Override double[] doubles(int from, int n, Pool p) {
      double[] a = p.d();
      java.util.Arrays.fill(a, 0, n, v);
      return a;
    }

    @Override void leaves(List<Storage> out) {}
  }

  static final class Unary extends Node {
    final String fn;
    final DoubleUnaryOperator f;
    final Node x;

    Unary(String fn, DoubleUnaryOperator f, Node x) {
      this.fn = fn;
      this.f = f;
      this.x = x;
    }

    @Override int count() { return 1 + x.count(); }

    @Override float[] floats(int from, int n, Pool p) {
      float[] a = x.floats(from, n, p);
      Elementwise.floatKernel(fn, f, a, 0, a, 0, n);
      return a;
    }

    @Override double[] doubles(int from, int n, Pool p) {
      double[] a = x.doubles(from, n, p);
      Elementwise.doubleKernel(fn, f, a, 0, a, 0, n);
      return a;
    }

    @Override void leaves(List<Storage> out) { x.leaves(out); }
  }

  static final class Binary extends Node {
    final BinOp op;
    final Node x;
    final Node y;

    Binary(BinOp op, Node x, Node y) {
      this.op = op;
      this.x = x;
      this.y = y;
    }

    @Override int count() { return 1 + x.count() + y.count(); }

    @Override float[] floats(int from, int n, Pool p) {
      float[] a = x.floats(from, n, p);
      float[] b = y.floats(from, n, p);
      Elementwise.floatOp(op, a, 0, b, 0, a, 0, n);
      p.release(b);
      return a;
    }

    @Override double[] doubles(int from, int n, Pool p) {
      double[] a = x.doubles(from, n, p);
      double[] b = y.doubles(from, n, p);
      Elementwise.doubleOp(op, a, 0, b, 0, a, 0, n);
      p.release(b);
      return a;
    }

    @Override void leaves(List<Storage> out) {
      x.leaves(out);
      y.leaves(out);
    }
  }

  /** Per-thread scratch arrays of one chunk each. */
  static final class Pool {
    private static final ThreadLocal<Pool> LOCAL = ThreadLocal.withInitial(Pool::new);
    private final ArrayList<float[]> fs = new ArrayList<>();
    private final ArrayList<double[]> ds = new ArrayList<>();

    static Pool get() { return LOCAL.get(); }

    float[] f() { return fs.isEmpty() ? new float[Chunks.CHUNK] : fs.remove(fs.size() - 1); }

    double[] d() { return ds.isEmpty() ? new double[Chunks.CHUNK] : ds.remove(ds.size() - 1); }

    void release(float[] a) { fs.add(a); }

    void release(double[] a) { ds.add(a); }
  }

  // ------------------------------------------------------------------ building

  static Node scalar(double v) { return new Scalar(v); }

  /**
   * An operand of a computation in dtype t: a pending expression of the same dtype folds in
   * (once), so fused results are bit-identical to step-by-step ones; anything else is read.
   */
  static Node operand(Storage s, DType t) {
    if (s instanceof Lazy l && l.dtype() == t) {
      Node n = l.takeExpression();
      if (n != null) return n;
    }
    return new Leaf(s);
  }

  static Storage binary(BinOp op, Node x, Node y, DType t, int size, boolean onBackend) {
    return pending(new Binary(op, x, y), t, size, onBackend);
  }

  static Storage unary(String fn, DoubleUnaryOperator f, Node x, DType t, int size, boolean onBackend) {
    return pending(new Unary(fn, f, x), t, size, onBackend);
  }

  private static Storage pending(Node root, DType t, int size, boolean onBackend) {
    Lazy l = new Lazy(root, t, size, onBackend);
    if (root.count() > MAX_NODES) {
      l.force();
      return l;
    }
    synchronized (PENDING) {
      for (Iterator<WeakReference<Lazy>> it = PENDING.iterator(); it.hasNext(); ) {
        Lazy p = it.next().get();
        if (p == null || p.done()) it.remove();
      }
      PENDING.add(new WeakReference<>(l));
    }
    return l;
  }

  private static final List<WeakReference<Lazy>> PENDING = new ArrayList<>();

  /** Computes every pending expression that reads s, before s changes. */
  static void beforeWrite(Storage s) {
    List<Lazy> readers = new ArrayList<>();
    synchronized (PENDING) {
      if (PENDING.isEmpty()) return;
      for (WeakReference<Lazy> r : PENDING) {
        Lazy p = r.get();
        if (p != null && !p.done() && p.reads(s)) readers.add(p);
      }
    }
    for (Lazy p : readers) p.force();
  }

  // ------------------------------------------------------------------ the pending storage

  /** Storage whose elements are an expression until first read. */
  static final class Lazy extends Storage {
    private Node root;
    private final DType dtype;
    private final int size;
    private final boolean onBackend;
    private volatile Storage done;
    private boolean folded;

    Lazy(Node root, DType dtype, int size, boolean onBackend) {
      this.root = root;
      this.dtype = dtype;
      this.size = size;
      this.onBackend = onBackend;
    }

    boolean done() { return done != null; }

    synchronized boolean reads(Storage s) {
      if (root == null) return false;
      List<Storage> ls = new ArrayList<>();
      root.leaves(ls);
      for (Storage x : ls) if (x == s) return true;
      return false;
    }

    /** The expression for a consumer to fold in, the first time only; null afterwards. */
    synchronized Node takeExpression() {
      if (done != null || folded) return null;
      folded = true;
      return root;
    }

    synchronized Storage force() {
      if (done != null) return done;
      Node r = root;
      Storage out = Placement.allocateForWrite(dtype, size, onBackend);
      if (dtype == DType.F32) {
        Chunks.run(size, (from, n, s) -> {
          Pool p = Pool.get();
          float[] v = r.floats(from, n, p);
          out.write(from, v, 0, n);
          p.release(v);
        });
      } else {
        Chunks.run(size, (from, n, s) -> {
          Pool p = Pool.get();
          double[] v = r.doubles(from, n, p);
          out.write(from, v, 0, n);
          p.release(v);
        });
      }
      done = out;
      root = null;
      return out;
    }

    @Override public DType dtype() { return dtype; }
    @Override public int size() { return size; }
    @Override public String device() { return onBackend && Placement.backend() != null ? Placement.backend().device() : Placement.JAVA; }
    @Override public double getDouble(int i) { return force().getDouble(i); }
    @Override public void setDouble(int i, double v) { force().setDouble(i, v); }
    @Override public long getLong(int i) { return force().getLong(i); }
    @Override public void setLong(int i, long v) { force().setLong(i, v); }
    @Override public void read(int from, double[] dst, int off, int n) { force().read(from, dst, off, n); }
    @Override public void read(int from, float[] dst, int off, int n) { force().read(from, dst, off, n); }
    @Override public void read(int from, long[] dst, int off, int n) { force().read(from, dst, off, n); }
    @Override public void write(int from, double[] src, int off, int n) { force().write(from, src, off, n); }
    @Override public void write(int from, float[] src, int off, int n) { force().write(from, src, off, n); }
    @Override public void write(int from, long[] src, int off, int n) { force().write(from, src, off, n); }
    @Override public Object heapArray() { return force().heapArray(); }
    @Override public java.nio.ByteBuffer nativeBuffer() { return force().nativeBuffer(); }
    @Override public Object nativeOwner() { return force().nativeOwner(); }
    @Override public Storage copy() { return force().copy(); }
    @Override public double[] toDoubles() { return force().toDoubles(); }
    @Override public float[] toFloats() { return force().toFloats(); }
    @Override public long[] toLongs() { return force().toLongs(); }
    @Override public boolean[] toBools() { return force().toBools(); }
  }
}
