package dev.tangent.core.tensor;

import dev.tangent.spi.BinOp;
import dev.tangent.spi.TangentError;
import java.util.Arrays;

/**
 * Arithmetic and comparisons with numpy broadcasting and dtype promotion. One side may be a
 * plain number (a weak scalar: f32 * 2 stays f32). Kernels run per chunk on Java arrays in the
 * compute type (f32, f64 or i64), in parallel for large tensors.
 */
final class Elementwise {
  private Elementwise() {}

  /** One operand: a tensor, or a number broadcast everywhere. */
  private static final class Side {
    final Storage s;
    final double v;

    Side(Storage s, double v) {
      this.s = s;
      this.v = v;
    }

    boolean scalar() { return s == null; }

    DType dtype() { return s == null ? null : s.dtype(); }

    float[] floats(int from, int n, float[] scratch) {
      if (s != null) return Chunks.floats(s, from, n, scratch);
      Arrays.fill(scratch, 0, n, (float) v);
      return scratch;
    }

    double[] doubles(int from, int n, double[] scratch) {
      if (s != null) return Chunks.doubles(s, from, n, scratch);
      Arrays.fill(scratch, 0, n, v);
      return scratch;
    }

    long[] longs(int from, int n, long[] scratch) {
      if (s != null) return Chunks.longs(s, from, n, scratch);
      Arrays.fill(scratch, 0, n, (long) v);
      return scratch;
    }

    int off(Object arr, int from) { return s == null ? 0 : Chunks.offset(s, arr, from); }
  }

  static Tensor binary(BinOp op, Tensor a, Tensor b) {
    Tensor small = SmallTensors.elementwise(op, a, b);
    if (small != null) return small;
    int[] shape;
    Tensor x = a;
    Tensor y = b;
    if (Arrays.equals(a.shape, b.shape)) {
      shape = a.shape;
    } else {
      shape = Broadcast.shape(a.shape, b.shape, op.symbol);
      if (b.size() == 1 && b.ndim() <= a.ndim() && a.size() > 1) {
        return run(op, new Side(a.storage, 0), scalarSide(b), a.dtype, b.dtype, shape, a, b);
      }
      if (a.size() == 1 && a.ndim() <= b.ndim() && b.size() > 1) {
        return run(op, scalarSide(a), new Side(b.storage, 0), a.dtype, b.dtype, shape, a, b);
      }
      boolean big = Placement.wantBackend(Tensor.size(shape), a, b);   // the operands go where the result will
      x = Broadcast.to(a, shape, big);
      y = Broadcast.to(b, shape, big);
    }
    return run(op, new Side(x.storage, 0), new Side(y.storage, 0), a.dtype, b.dtype, shape, a, b);
  }

  private static Side scalarSide(Tensor t) {
    return new Side(null, t.storage.getDouble(0));
  }

  /** tensor op number (tensorOnLeft) or number op tensor. */
  static Tensor withScalar(BinOp op, Tensor t, double v, boolean tensorOnLeft) {
    // A fractional number makes integer comparisons exact only in f64 (i >= 0.5), as numpy does.
    DType weak = op.isComparison() && t.dtype.isFloat() ? t.dtype : DType.withScalar(t.dtype, v);
    Side ts = new Side(t.storage, 0);
    Side vs = new Side(null, v);
    return tensorOnLeft ? run(op, ts, vs, t.dtype, weak, t.shape, t, null) : run(op, vs, ts, weak, t.dtype, t.shape, t, null);
  }

  private static Tensor run(BinOp op, Side a, Side b, DType ta, DType tb, int[] shape, Tensor in1, Tensor in2) {
    int n = Tensor.size(shape);
    boolean big = Placement.wantBackend(n, in1, in2);
    if (op.isComparison()) {
      boolean integer = !ta.isFloat() && !tb.isFloat();
      Storage out = Placement.allocateForWrite(DType.BOOL, n, big);
      if (integer) compareLongs(op, a, b, out, n);
      else compareDoubles(op, a, b, out, n);
      return new Tensor(shape.clone(), out);
    }
    DType t = DType.promote(ta, tb);
    if (t == DType.BOOL) t = DType.I64;
    if (op == BinOp.DIV && !t.isFloat()) t = DType.F64;
    if (Fusion.applies(t, n)) {
      return new Tensor(shape.clone(), Fusion.binary(op, a.s == null ? Fusion.scalar(a.v) : Fusion.operand(a.s, t),
          b.s == null ? Fusion.scalar(b.v) : Fusion.operand(b.s, t), t, n, big));
    }
    Storage out = Placement.allocateForWrite(t, n, big);
    switch (t) {
      case F32: floats(op, a, b, out, n); break;
      case F64: doubles(op, a, b, out, n); break;
      default: longs(op, a, b, out, n);
    }
    return new Tensor(shape.clone(), out);
  }

  private static void floats(BinOp op, Side a, Side b, Storage out, int size) {
    Chunks.run(size, (from, n, s) -> {
      float[] x = a.floats(from, n, s.f[0]);
      float[] y = b.floats(from, n, s.f[1]);
      float[] z = Chunks.outFloats(out, s.f[2]);
      int xo = a.off(x, from);
      int yo = b.off(y, from);
      int zo = z == s.f[2] ? 0 : from;
      floatOp(op, x, xo, y, yo, z, zo, n);
      Chunks.flush(out, z, from, n);
    });
  }

  private static void doubles(BinOp op, Side a, Side b, Storage out, int size) {
    Chunks.run(size, (from, n, s) -> {
      double[] x = a.doubles(from, n, s.d[0]);
      double[] y = b.doubles(from, n, s.d[1]);
      double[] z = Chunks.outDoubles(out, s.d[2]);
      int xo = a.off(x, from);
      int yo = b.off(y, from);
      int zo = z == s.d[2] ? 0 : from;
      doubleOp(op, x, xo, y, yo, z, zo, n);
      Chunks.flush(out, z, from, n);
    });
  }

  static void floatOp(BinOp op, float[] x, int xo, float[] y, int yo, float[] z, int zo, int n) {
    if (Simd.binary(op, x, xo, y, yo, z, zo, n)) return;
    if (xo == yo && yo == zo && sameIndexFloatOp(op, x, y, z, xo, xo + n)) return;
    switch (op) {
      case ADD: for (int i = 0; i < n; i++) z[zo + i] = x[xo + i] + y[yo + i]; break;
      case SUB: for (int i = 0; i < n; i++) z[zo + i] = x[xo + i] - y[yo + i]; break;
      case MUL: for (int i = 0; i < n; i++) z[zo + i] = x[xo + i] * y[yo + i]; break;
      case DIV: for (int i = 0; i < n; i++) z[zo + i] = x[xo + i] / y[yo + i]; break;
      case FLOORDIV: for (int i = 0; i < n; i++) z[zo + i] = (float) Math.floor(x[xo + i] / y[yo + i]); break;
      case MOD: for (int i = 0; i < n; i++) z[zo + i] = (float) dev.tangent.spi.Operators.mod(x[xo + i], y[yo + i]); break;
      case POW: for (int i = 0; i < n; i++) z[zo + i] = (float) Math.pow(x[xo + i], y[yo + i]); break;
      default: throw unsupported(op);
    }
  }

  /**
   * The loops with one index for all three arrays: C2 vectorises these, not the ones with an
   * offset per array. False for ops without such a loop.
   */
  private static boolean sameIndexFloatOp(BinOp op, float[] x, float[] y, float[] z, int from, int to) {
    switch (op) {
      case ADD: for (int i = from; i < to; i++) z[i] = x[i] + y[i]; return true;
      case SUB: for (int i = from; i < to; i++) z[i] = x[i] - y[i]; return true;
      case MUL: for (int i = from; i < to; i++) z[i] = x[i] * y[i]; return true;
      case DIV: for (int i = from; i < to; i++) z[i] = x[i] / y[i]; return true;
      default: return false;
    }
  }

  private static boolean sameIndexDoubleOp(BinOp op, double[] x, double[] y, double[] z, int from, int to) {
    switch (op) {
      case ADD: for (int i = from; i < to; i++) z[i] = x[i] + y[i]; return true;
      case SUB: for (int i = from; i < to; i++) z[i] = x[i] - y[i]; return true;
      case MUL: for (int i = from; i < to; i++) z[i] = x[i] * y[i]; return true;
      case DIV: for (int i = from; i < to; i++) z[i] = x[i] / y[i]; return true;
      default: return false;
    }
  }

  static void doubleOp(BinOp op, double[] x, int xo, double[] y, int yo, double[] z, int zo, int n) {
    if (xo == yo && yo == zo && sameIndexDoubleOp(op, x, y, z, xo, xo + n)) return;
    switch (op) {
      case ADD: for (int i = 0; i < n; i++) z[zo + i] = x[xo + i] + y[yo + i]; break;
      case SUB: for (int i = 0; i < n; i++) z[zo + i] = x[xo + i] - y[yo + i]; break;
      case MUL: for (int i = 0; i < n; i++) z[zo + i] = x[xo + i] * y[yo + i]; break;
      case DIV: for (int i = 0; i < n; i++) z[zo + i] = x[xo + i] / y[yo + i]; break;
      case FLOORDIV: for (int i = 0; i < n; i++) z[zo + i] = Math.floor(x[xo + i] / y[yo + i]); break;
      case MOD: for (int i = 0; i < n; i++) z[zo + i] = dev.tangent.spi.Operators.mod(x[xo + i], y[yo + i]); break;
      case POW: for (int i = 0; i < n; i++) z[zo + i] = Math.pow(x[xo + i], y[yo + i]); break;
      default: throw unsupported(op);
    }
  }

  private static void longs(BinOp op, Side a, Side b, Storage out, int size) {
    Chunks.run(size, (from, n, s) -> {
      long[] x = a.longs(from, n, s.l[0]);
      long[] y = b.longs(from, n, s.l[1]);
      long[] z = Chunks.outLongs(out, s.l[2]);
      int xo = a.off(x, from);
      int yo = b.off(y, from);
      int zo = z == s.l[2] ? 0 : from;
      switch (op) {
        case ADD: for (int i = 0; i < n; i++) z[zo + i] = x[xo + i] + y[yo + i]; break;
        case SUB: for (int i = 0; i < n; i++) z[zo + i] = x[xo + i] - y[yo + i]; break;
        case MUL: for (int i = 0; i < n; i++) z[zo + i] = x[xo + i] * y[yo + i]; break;
        case FLOORDIV:
          for (int i = 0; i < n; i++) {
            if (y[yo + i] == 0) throw TangentError.runtime("integer division by zero in //");
            z[zo + i] = Math.floorDiv(x[xo + i], y[yo + i]);
          }
          break;
        case MOD:
          for (int i = 0; i < n; i++) {
            if (y[yo + i] == 0) throw TangentError.runtime("integer modulo by zero in %");
            z[zo + i] = Math.floorMod(x[xo + i], y[yo + i]);
          }
          break;
        case POW:
          for (int i = 0; i < n; i++) z[zo + i] = ipow(x[xo + i], y[yo + i]);
          break;
        default: throw unsupported(op);
      }
      Chunks.flush(out, z, from, n);
    });
  }

  static long ipow(long base, long exp) {
    if (exp < 0) throw TangentError.runtime("i64 tensors cannot be raised to negative powers; use astype(\"f64\") first");
    long r = 1;
    while (exp > 0) {
      if ((exp & 1) != 0) r *= base;
      base *= base;
      exp >>= 1;
    }
    return r;
  }

  private static void compareDoubles(BinOp op, Side a, Side b, Storage out, int size) {
    Chunks.run(size, (from, n, s) -> {
      double[] x = a.doubles(from, n, s.d[0]);
      double[] y = b.doubles(from, n, s.d[1]);
      long[] z = s.l[2];
      int xo = a.off(x, from);
      int yo = b.off(y, from);
      switch (op) {
        case EQ: for (int i = 0; i < n; i++) z[i] = x[xo + i] == y[yo + i] ? 1 : 0; break;
        case NE: for (int i = 0; i < n; i++) z[i] = x[xo + i] != y[yo + i] ? 1 : 0; break;
        case LT: for (int i = 0; i < n; i++) z[i] = x[xo + i] < y[yo + i] ? 1 : 0; break;
        case LE: for (int i = 0; i < n; i++) z[i] = x[xo + i] <= y[yo + i] ? 1 : 0; break;
        case GT: for (int i = 0; i < n; i++) z[i] = x[xo + i] > y[yo + i] ? 1 : 0; break;
        default: for (int i = 0; i < n; i++) z[i] = x[xo + i] >= y[yo + i] ? 1 : 0;
      }
      out.write(from, z, 0, n);
    });
  }

  private static void compareLongs(BinOp op, Side a, Side b, Storage out, int size) {
    Chunks.run(size, (from, n, s) -> {
      long[] x = a.longs(from, n, s.l[0]);
      long[] y = b.longs(from, n, s.l[1]);
      long[] z = s.l[2];
      int xo = a.off(x, from);
      int yo = b.off(y, from);
      switch (op) {
        case EQ: for (int i = 0; i < n; i++) z[i] = x[xo + i] == y[yo + i] ? 1 : 0; break;
        case NE: for (int i = 0; i < n; i++) z[i] = x[xo + i] != y[yo + i] ? 1 : 0; break;
        case LT: for (int i = 0; i < n; i++) z[i] = x[xo + i] < y[yo + i] ? 1 : 0; break;
        case LE: for (int i = 0; i < n; i++) z[i] = x[xo + i] <= y[yo + i] ? 1 : 0; break;
        case GT: for (int i = 0; i < n; i++) z[i] = x[xo + i] > y[yo + i] ? 1 : 0; break;
        default: for (int i = 0; i < n; i++) z[i] = x[xo + i] >= y[yo + i] ? 1 : 0;
      }
      out.write(from, z, 0, n);
    });
  }

  private static TangentError unsupported(BinOp op) {
    return TangentError.runtime("operator " + op.symbol + " is not defined for tensors");
  }

  // ------------------------------------------------------------------ unary math

  /** Functions that keep an integer dtype; all others give floats. */
  private static boolean keepsIntegers(String fn) {
    switch (fn) {
      case "abs": case "sign": case "floor": case "ceil": case "round": case "neg": return true;
      default: return false;
    }
  }

  /** sin, exp, ... elementwise; null when fn is not a known math function. */
  static Tensor math(String fn, Tensor x) {
    java.util.function.DoubleUnaryOperator f = fn.equals("neg") ? v -> -v : MathFunctions.get(fn);
    if (f == null) return null;
    int n = x.size();
    DType in = x.dtype;
    DType t = in.isFloat() ? in : keepsIntegers(fn) ? DType.I64 : DType.F64;
    if (Fusion.applies(t, n)) return new Tensor(x.shape.clone(), Fusion.unary(fn, f, Fusion.operand(x.storage, t), t, n, Placement.wantBackend(n, x)));
    Storage out = Placement.allocateForWrite(t, n, Placement.wantBackend(n, x));
    Storage src = x.storage;
    if (t == DType.F32) {
      Chunks.run(n, (from, len, s) -> {
        float[] a = Chunks.floats(src, from, len, s.f[0]);
        float[] z = Chunks.outFloats(out, s.f[2]);
        int ao = Chunks.offset(src, a, from);
        int zo = z == s.f[2] ? 0 : from;
        floatKernel(fn, f, a, ao, z, zo, len);
        Chunks.flush(out, z, from, len);
      });
    } else if (t == DType.F64) {
      Chunks.run(n, (from, len, s) -> {
        double[] a = Chunks.doubles(src, from, len, s.d[0]);
        double[] z = Chunks.outDoubles(out, s.d[2]);
        int ao = Chunks.offset(src, a, from);
        int zo = z == s.d[2] ? 0 : from;
        doubleKernel(fn, f, a, ao, z, zo, len);
        Chunks.flush(out, z, from, len);
      });
    } else {
      Chunks.run(n, (from, len, s) -> {
        long[] a = Chunks.longs(src, from, len, s.l[0]);
        long[] z = Chunks.outLongs(out, s.l[2]);
        int ao = Chunks.offset(src, a, from);
        int zo = z == s.l[2] ? 0 : from;
        switch (fn) {
          case "abs": for (int i = 0; i < len; i++) z[zo + i] = Math.abs(a[ao + i]); break;
          case "sign": for (int i = 0; i < len; i++) z[zo + i] = Long.signum(a[ao + i]); break;
          case "neg": for (int i = 0; i < len; i++) z[zo + i] = -a[ao + i]; break;
          default: System.arraycopy(a, ao, z, zo, len);
        }
        Chunks.flush(out, z, from, len);
      });
    }
    return new Tensor(x.shape.clone(), out);
  }

  static void floatKernel(String fn, java.util.function.DoubleUnaryOperator f, float[] a, int ao, float[] z, int zo, int n) {
    floatKernel(fn, f, a, ao, z, zo, n, true);
  }

  /** simd: try the Vector API kernels first (when the JVM has them). */
  static void floatKernel(String fn, java.util.function.DoubleUnaryOperator f, float[] a, int ao, float[] z, int zo, int n, boolean simd) {
    if (simd && Simd.unary(fn, a, ao, z, zo, n)) return;
    if (ao == zo && sameIndexFloatKernel(fn, a, z, ao, ao + n)) return;
    switch (fn) {
      case "exp": FloatLoops.exp(a, ao, z, zo, n); break;
      case "sin": FloatLoops.sin(a, ao, z, zo, n); break;
      case "cos": FloatLoops.cos(a, ao, z, zo, n); break;
      case "neg": for (int i = 0; i < n; i++) z[zo + i] = -a[ao + i]; break;
      case "abs": for (int i = 0; i < n; i++) z[zo + i] = Math.abs(a[ao + i]); break;
      case "sqrt": for (int i = 0; i < n; i++) z[zo + i] = (float) Math.sqrt(a[ao + i]); break;
      case "log": FloatLoops.log(a, ao, z, zo, n); break;
      case "tanh": for (int i = 0; i < n; i++) z[zo + i] = (float) Math.tanh(a[ao + i]); break;
      case "sigmoid":
        for (int i = 0; i < n; i++) z[zo + i] = -a[ao + i];
        FloatLoops.exp(z, zo, z, zo, n);
        for (int i = 0; i < n; i++) z[zo + i] = 1f / (1f + z[zo + i]);
        break;
      default: for (int i = 0; i < n; i++) z[zo + i] = (float) f.applyAsDouble(a[ao + i]);
    }
  }

  /** neg, abs and sqrt as loops with one index for both arrays, which C2 vectorises; false for others. */
  private static boolean sameIndexFloatKernel(String fn, float[] a, float[] z, int from, int to) {
    switch (fn) {
      case "neg": for (int i = from; i < to; i++) z[i] = -a[i]; return true;
      case "abs": for (int i = from; i < to; i++) z[i] = Math.abs(a[i]); return true;
      case "sqrt": for (int i = from; i < to; i++) z[i] = (float) Math.sqrt(a[i]); return true;
      default: return false;
    }
  }

  private static boolean sameIndexDoubleKernel(String fn, double[] a, double[] z, int from, int to) {
    switch (fn) {
      case "neg": for (int i = from; i < to; i++) z[i] = -a[i]; return true;
      case "abs": for (int i = from; i < to; i++) z[i] = Math.abs(a[i]); return true;
      case "sqrt": for (int i = from; i < to; i++) z[i] = Math.sqrt(a[i]); return true;
      default: return false;
    }
  }

  static void doubleKernel(String fn, java.util.function.DoubleUnaryOperator f, double[] a, int ao, double[] z, int zo, int n) {
    if (ao == zo && sameIndexDoubleKernel(fn, a, z, ao, ao + n)) return;
    switch (fn) {
      case "exp": for (int i = 0; i < n; i++) z[zo + i] = Math.exp(a[ao + i]); break;
      case "sin": for (int i = 0; i < n; i++) z[zo + i] = Math.sin(a[ao + i]); break;
      case "cos": for (int i = 0; i < n; i++) z[zo + i] = Math.cos(a[ao + i]); break;
      case "neg": for (int i = 0; i < n; i++) z[zo + i] = -a[ao + i]; break;
      case "abs": for (int i = 0; i < n; i++) z[zo + i] = Math.abs(a[ao + i]); break;
      case "sqrt": for (int i = 0; i < n; i++) z[zo + i] = Math.sqrt(a[ao + i]); break;
      case "log": for (int i = 0; i < n; i++) z[zo + i] = Math.log(a[ao + i]); break;
      default: for (int i = 0; i < n; i++) z[zo + i] = f.applyAsDouble(a[ao + i]);
    }
  }
}
