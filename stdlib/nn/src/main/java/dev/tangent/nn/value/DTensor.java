package dev.tangent.nn.value;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tangent.spi.BinOp;
import dev.tangent.spi.UnOp;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.nn.engine.Convert;
import dev.tangent.nn.engine.Errors;
import dev.tangent.nn.engine.Memory;
import dev.tangent.nn.engine.Owned;
import dev.tangent.nn.engine.Scalars;
import dev.tangent.spi.Display;
import dev.tangent.spi.Indexable;
import dev.tangent.spi.Ints;
import dev.tangent.spi.Nil;
import dev.tangent.spi.Operand;
import dev.tangent.spi.Sized;
import dev.tangent.spi.Slice;
import dev.tangent.spi.Types;

/**
 * A tensor on the network engine (libtorch through DJL): on a device, float32 by default, and
 * differentiable. Arithmetic with numbers and plain Tensors gives DTensors; .tensor() converts
 * back. The native array is freed when the value becomes garbage (see Memory).
 */
public final class DTensor implements Operand, Indexable, Sized {
  private final NDArray nd;
  /**
   * Whether autograd records through this value: a leaf that requires a gradient, or a result
   * computed from such values with grad mode on (autograd's own rule). Kept here because DJL's
   * requires-grad query answers false for non-leaf results and its grad_fn query crashes on leaves.
   */
  private final boolean tracked;
  /** Whose memory this array shares, when made by TensorBridge with share (kept alive with it). */
  Object owner;

  /** A leaf (or a value from outside any recorded computation). */
  public DTensor(NDArray nd) {
    this(nd, false);
  }

  private DTensor(NDArray nd, boolean derivedFromTracked) {
    Memory.drain();
    this.nd = nd;
    this.tracked = derivedFromTracked || ai.djl.pytorch.jni.JniUtils.requiresGrad((ai.djl.pytorch.engine.PtNDArray) nd);
    Memory.track(this, nd);
  }

  /** The result of a computation on {@code sources} (DTensors, Blocks; anything else is ignored). */
  public static DTensor result(NDArray nd, Object... sources) {
    boolean t = false;
    if (dev.tangent.nn.engine.Grad.enabled()) {
      for (Object s : sources) {
        if (s instanceof DTensor d && d.tracked) t = true;
        else if (s instanceof Trainable b && b.trainable()) t = true;
      }
    }
    return new DTensor(nd, t);
  }

  /** A result that autograd records when {@code derivedFromTracked} and grad mode is on. */
  public static DTensor result(NDArray nd, boolean derivedFromTracked) {
    return new DTensor(nd, derivedFromTracked && dev.tangent.nn.engine.Grad.enabled());
  }

  public boolean tracked() { return tracked; }

  public NDArray nd() { return nd; }

  public Shape shape() { return nd.getShape(); }

  public DataType dataType() { return nd.getDataType(); }

  public Tensor toTensor() { return Convert.toTensor(nd); }

  /** A number, a DTensor or a Tensor as an engine array next to {@code like} (same device, float type). */
  public static NDArray coerce(Object v, NDArray like) {
    if (v instanceof DTensor d) return d.nd;
    NDManager m = like.getManager();
    DataType ft = like.getDataType().isFloating() ? like.getDataType() : DataType.FLOAT32;
    if (v instanceof Tensor t) return Convert.toNd(m, t, ft).toDevice(like.getDevice(), false);
    if (v instanceof Double d) return Owned.scalar(m, d).toDevice(like.getDevice(), false);
    return null;
  }

  @Override public Object binaryOp(BinOp op, Object other, boolean selfOnLeft) {
    NDArray o = coerce(other, nd);
    if (o == null) return NOT_IMPLEMENTED;
    NDArray a = selfOnLeft ? nd : o;
    NDArray b = selfOnLeft ? o : nd;
    try {
      NDArray r = apply(op, a, b);
      return r == null ? NOT_IMPLEMENTED : result(r, this, other);
    } catch (RuntimeException e) {
      throw Errors.translate("'" + op.symbol + "'", e);
    }
  }

  private static NDArray apply(BinOp op, NDArray a, NDArray b) {
    switch (op) {
      case ADD: return a.add(b);
      case SUB: return a.sub(b);
      case MUL: return a.mul(b);
      case DIV: return a.div(b);
      case POW: return a.pow(b);
      case MOD: return a.mod(b);
      case FLOORDIV: return a.div(b).floor();
      case MATMUL: return a.matMul(b);
      case EQ: return a.eq(b);
      case NE: return a.neq(b);
      case LT: return a.lt(b);
      case LE: return a.lte(b);
      case GT: return a.gt(b);
      case GE: return a.gte(b);
      default: return null;
    }
  }

  @Override public Object unaryOp(UnOp op) {
    if (op == UnOp.NEG) return result(nd.neg(), this);
    if (op == UnOp.PLUS) return this;
    return NOT_IMPLEMENTED;
  }

  @Override public Object mathOp(String fn) {
    try {
      NDArray r = math(fn, nd);
      return r == null ? NOT_IMPLEMENTED : result(r, this);
    } catch (RuntimeException e) {
      throw Errors.translate(fn, e);
    }
  }

  static NDArray math(String fn, NDArray x) {
    switch (fn) {
      case "sin": return x.sin();
      case "cos": return x.cos();
      case "tan": return x.tan();
      case "asin": return x.asin();
      case "acos": return x.acos();
      case "atan": return x.atan();
      case "sinh": return x.sinh();
      case "cosh": return x.cosh();
      case "tanh": return x.tanh();
      case "exp": return x.exp();
      case "expm1": return Scalars.sub(x.exp(), 1);
      case "log": return x.log();
      case "log1p": return Scalars.add(x, 1).log();
      case "log10": return x.log10();
      case "log2": return x.log2();
      case "sqrt": return x.sqrt();
      case "abs": return x.abs();
      case "floor": return x.floor();
      case "ceil": return x.ceil();
      case "round": return x.round();
      case "sign": return x.sign();
      case "sigmoid": return x.getNDArrayInternal().sigmoid();
      case "norm": return x.square().sum().sqrt();
      default: return null;
    }
  }

  // ------------------------------------------------------------------ indexing: ints and slices

  @Override public Object getIndex(Object[] subs) {
    Shape s = nd.getShape();
    if (subs.length > s.dimension()) {
      throw TangentError.runtime("too many indices: " + subs.length + " for a DTensor of shape " + s);
    }
    NDIndex idx = new NDIndex();
    for (int i = 0; i < subs.length; i++) {
      long n = s.get(i);
      Object sub = subs[i];
      if (sub instanceof Double) {
        long k = Ints.toLong(sub, "index");
        if (k < -n || k >= n) throw TangentError.runtime("index " + k + " is out of range for axis " + i + " of size " + n);
        idx.addIndices(k < 0 ? k + n : k);
      } else if (sub instanceof Slice sl) {
        Slice.Bounds b = sl.bounds((int) n);
        if (b.step() < 0) throw TangentError.runtime("negative slice steps are not supported on DTensors");
        idx.addSliceDim(b.start(), Math.max(b.start(), b.stop()), b.step());
      } else {
        throw TangentError.runtime("a DTensor index must be an integer or a slice, got " + Types.typeName(sub));
      }
    }
    try {
      return result(nd.get(idx), this);
    } catch (RuntimeException e) {
      throw Errors.translate("index", e);
    }
  }

  @Override public long length() {
    if (nd.getShape().dimension() == 0) throw TangentError.runtime("len() of a 0-dimensional DTensor");
    return nd.getShape().get(0);
  }

  // ------------------------------------------------------------------ display

  @Override public String toString() {
    Shape s = nd.getShape();
    StringBuilder sb = new StringBuilder("DTensor(");
    if (s.size() <= 64 && !nd.isReleased()) {
      int digits = nd.getDataType() == DataType.FLOAT64 ? Display.DEFAULT_DIGITS : 6;
      values(sb, nd.toType(DataType.FLOAT64, false).toDoubleArray(), s, 0, 0, digits);
      sb.append(", ");
    }
    sb.append("shape ").append(Tensor.shapeText(Convert.ints(s))).append(", ")
        .append(Convert.dtypeName(nd.getDataType())).append(", ").append(nd.getDevice());
    if (tracked) sb.append(", requires_grad");
    return sb.append(')').toString();
  }

  private static int values(StringBuilder sb, double[] v, Shape s, int dim, int off, int digits) {
    if (dim == s.dimension()) {
      sb.append(Display.number(v[off], digits));
      return off + 1;
    }
    sb.append('[');
    for (long i = 0; i < s.get(dim); i++) {
      if (i > 0) sb.append(", ");
      off = values(sb, v, s, dim + 1, off, digits);
    }
    sb.append(']');
    return off;
  }

  /** Nil-safe unwrap for optional arguments. */
  public static NDArray orNull(Object v) {
    return v == null || v == Nil.NIL ? null : ((DTensor) v).nd;
  }
}
