package dev.tangent.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.nn.engine.Convert;
import dev.tangent.nn.engine.Devices;
import dev.tangent.nn.engine.Owned;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.value.DTensor;
import dev.tangent.spi.Args;
import dev.tangent.spi.Ints;
import dev.tangent.spi.TList;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.util.ArrayList;
import java.util.List;

/** Argument conversions shared by the nn built-ins. */
final class Values {
  private Values() {}

  static Session session(Args a) { return Session.of(a.ctx()); }

  static Device device(Args a, int i, Session s) {
    return a.present(i) ? Devices.resolve(a.str(i), a.ctx()) : s.device();
  }

  static DataType dtype(Args a, int i) { return Convert.floatType(a.str(i, null)); }

  /** A DTensor, Tensor, number or nested list as an engine array (floats as {@code ft}). */
  static NDArray nd(Session s, Object v, DataType ft, Device d, String what) {
    if (v instanceof DTensor t) return t.nd();
    NDManager m = s.manager(d);
    if (v instanceof Tensor t) return Convert.toNd(m, t, ft);
    if (v instanceof Double x) return Owned.scalar(m, ft == DataType.FLOAT64 ? (Number) x : (Number) x.floatValue());
    if (v instanceof TList || v instanceof Tuple) {
      List<Integer> dims = new ArrayList<>();
      List<Double> flat = new ArrayList<>();
      nested(v, 0, dims, flat);
      long[] shape = new long[dims.size()];
      for (int i = 0; i < shape.length; i++) shape[i] = dims.get(i);
      double[] vals = new double[flat.size()];
      for (int i = 0; i < vals.length; i++) vals[i] = flat.get(i);
      NDArray a = Owned.of(m, vals, new Shape(shape));
      return ft == DataType.FLOAT64 ? a : a.toType(ft, false);
    }
    throw TangentError.runtime(what + " must be a DTensor, a Tensor or a list of numbers, got " + Types.typeName(v));
  }

  private static void nested(Object v, int depth, List<Integer> dims, List<Double> out) {
    List<Object> items = v instanceof TList l ? l.items : v instanceof Tuple t ? t.list() : null;
    if (items == null) {
      if (!(v instanceof Double d)) throw TangentError.runtime("expected numbers, got " + Types.typeName(v));
      if (depth != dims.size()) throw TangentError.runtime("ragged nested lists");
      out.add(d);
      return;
    }
    if (depth == dims.size()) dims.add(items.size());
    else if (depth > dims.size() || dims.get(depth) != items.size()) throw TangentError.runtime("ragged nested lists");
    for (Object x : items) nested(x, depth + 1, dims, out);
  }

  /**
   * An argument as an engine array. A Tensor takes the float type and device of the call's first
   * DTensor argument (as arithmetic does); with none, f64 Tensors stay f64 and others become f32.
   */
  static NDArray arg(Args a, int i, String what) {
    Object v = a.get(i);
    if (v instanceof DTensor t) return t.nd();
    Session s = session(a);
    NDArray like = null;
    for (int k = 0; k < a.count() && like == null; k++) {
      if (a.get(k) instanceof DTensor d && d.dataType().isFloating()) like = d.nd();
    }
    DataType ft = like != null ? like.getDataType()
        : v instanceof Tensor t && "f64".equals(t.dtype()) ? DataType.FLOAT64 : DataType.FLOAT32;
    return nd(s, v, ft, like != null ? like.getDevice() : s.device(), a.fn().name() + "(): " + what);
  }

  /** A size given as one number or one per axis. */
  static long[] sizes(Object v, int n, String what) {
    long[] out = new long[n];
    if (v instanceof Double) {
      java.util.Arrays.fill(out, Ints.toLong(v, what));
      return out;
    }
    List<Object> items = v instanceof TList l ? l.items : v instanceof Tuple t ? t.list() : null;
    if (items == null || items.size() != n) throw TangentError.runtime(what + " must be a number or a list of " + n + " numbers");
    for (int i = 0; i < n; i++) out[i] = Ints.toLong(items.get(i), what);
    return out;
  }

  static long positive(Args a, int i) {
    long v = a.longInt(i, 0);
    if (v < 1) throw TangentError.runtime(a.fn().name() + "(): argument '" + a.fn().sig().params().get(i).name() + "' must be at least 1, got " + v);
    return v;
  }

  static int axis(Object v, int ndim, String what) {
    int ax = Ints.toInt(v, what);
    if (ax < -ndim || ax >= ndim) throw TangentError.runtime(what + " " + ax + " is out of range for " + ndim + " axes");
    return ax < 0 ? ax + ndim : ax;
  }
}
