package dev.tangent.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.nn.engine.Convert;
import dev.tangent.nn.engine.Devices;
import dev.tangent.nn.engine.Djl;
import dev.tangent.nn.engine.Grad;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.value.DTensor;
import dev.tangent.spi.Args;

/** dtensor, param, seed, device, info, no_grad, accuracy. */
final class ArrayImpl {
  private ArrayImpl() {}

  static Object dtensor(Args a) {
    Session s = Values.session(a);
    Device d = Values.device(a, 2, s);
    Object x = a.get(0);
    DataType ft = a.present(1) ? dtypeOf(a.str(1)) : DataType.FLOAT32;
    NDArray nd;
    if (x instanceof DTensor t) {
      nd = Grad.noGrad(() -> t.nd().duplicate());
      if (a.present(1)) nd = nd.toType(ft, false);
      nd = nd.toDevice(d, false);
    } else if (x instanceof Tensor t && a.bool(4, false) && !d.isGpu() && !a.bool(3, false)) {
      return dev.tangent.nn.value.TensorBridge.toDTensor(s.manager(d), t, ft, true);
    } else if (x instanceof Tensor t && a.present(1) && ft == DataType.INT64) {
      nd = dev.tangent.nn.engine.Owned.of(s.manager(d), t.toLongArray(), Convert.shape(t.shape()));
    } else {
      nd = Values.nd(s, x, ft.isFloating() ? ft : DataType.FLOAT32, d, "dtensor(): x");
      if (!ft.isFloating() && nd.getDataType() != ft) nd = nd.toType(ft, false);
    }
    if (a.bool(3, false)) {
      if (!nd.getDataType().isFloating()) throw TangentError.runtime("dtensor(): only floating-point arrays can require gradients");
      nd.setRequiresGradient(true);
    }
    return new DTensor(nd);
  }

  static DataType dtypeOf(String name) {
    switch (name.toLowerCase()) {
      case "i64": case "int64": case "long": return DataType.INT64;
      case "bool": return DataType.BOOLEAN;
      default: return Convert.floatType(name);
    }
  }

  static Object param(Args a) {
    Session s = Values.session(a);
    Device d = Values.device(a, 2, s);
    DataType ft = Convert.floatType(a.str(1, "f32"));
    Object x = a.get(0);
    NDArray nd = x instanceof DTensor t
        ? Grad.noGrad(() -> t.nd().toType(ft, true).toDevice(d, true))
        : Values.nd(s, x, ft, d, "param(): x");
    if (!nd.getDataType().isFloating()) nd = nd.toType(ft, false);
    nd.setRequiresGradient(true);
    return new DTensor(nd);
  }

  static Object seed(Args a) {
    Values.session(a).seed(a.longInt(0, 0));
    return null;
  }

  static Object device(Args a) {
    Session s = Values.session(a);
    if (a.present(0)) s.setDevice(Devices.resolve(a.str(0), a.ctx()));
    return s.device().toString();
  }

  static Object info(Args a) {
    Values.session(a);
    return Djl.describe();
  }

  static Object noGrad(Args a) {
    Values.session(a);
    return Grad.noGrad(() -> a.call(a.callable(0)));
  }

  static Object accuracy(Args a) {
    Values.session(a);
    NDArray logits = Values.arg(a, 0, "logits");
    NDArray labels = Values.arg(a, 1, "labels");
    NDArray pred = logits.argMax(-1);
    if (!pred.getShape().equals(labels.getShape())) {
      throw TangentError.runtime("accuracy(): labels of shape " + labels.getShape() + " do not match logits " + logits.getShape());
    }
    NDArray hits = pred.eq(labels.toType(DataType.INT64, false));
    return hits.toType(DataType.FLOAT64, false).mean().getDouble();
  }
}
