package dev.tangent.drdm.net;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.drdm.field.Deformation;
import dev.tangent.drdm.field.Units;
import dev.tangent.spi.TangentError;
import dev.tangent.drdm.net.loss.RecoveryLoss;
import dev.tangent.drdm.net.warp.Padding;
import dev.tangent.drdm.net.warp.Warp;
import dev.tangent.nn.engine.Convert;
import dev.tangent.nn.engine.Devices;
import dev.tangent.nn.engine.Grad;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.layers.Forward;
import dev.tangent.nn.value.DTensor;
import dev.tangent.spi.Args;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The script-facing side of the network, the warp and the losses: argument checks, conversions and
 * the array scope of each call (intermediate arrays are freed when the call returns; the autograd
 * graph keeps what a later backward needs).
 */
public final class NetImpl {
  private NetImpl() {}

  // ------------------------------------------------------------------ building and loading

  public static Object network(Args a) {
    Session s = Session.of(a.ctx());
    int dims = a.integer(0, 2);
    if (dims != 2 && dims != 3) throw TangentError.runtime("network(): dims must be 2 or 3, got " + dims);
    if (a.present(1)) s.seed(a.longInt(1, 0));
    return new RecResACNet(s, dims, dtype(a, 2), device(a, 3, s));
  }

  public static Object loadNetwork(Args a) {
    Session s = Session.of(a.ctx());
    Path p = a.ctx().permissions.checkRead(Path.of(a.str(0)));
    return NetworkLoader.load(s, p, dtype(a, 1), device(a, 2, s));
  }

  private static DataType dtype(Args a, int i) { return Convert.floatType(a.str(i, null)); }

  private static Device device(Args a, int i, Session s) {
    return a.present(i) ? Devices.resolve(a.str(i), a.ctx()) : s.device();
  }

  // ------------------------------------------------------------------ calling

  /**
   * net(img, t, passes: 2) (differentiable false: a value through NetOutputs, computed without
   * recording) or net.forward(img, t, passes: 2) (a DTensor that autograd can differentiate).
   */
  public static Object run(RecResACNet net, Args a, int first, boolean differentiable) {
    Session s = Session.of(a.ctx());
    String fn = differentiable ? "forward()" : "RecResACNet";
    int passes = a.integer(first + 2, 2);
    if (passes < 1) throw TangentError.runtime(fn + ": passes must be at least 1, got " + passes);
    Object img = a.get(first);
    boolean tracking = differentiable && (net.trainable() || img instanceof DTensor d && d.tracked());
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray x = net.input(s, img);
      NetInputs.Images im = NetInputs.images(x, net.dims(), fn);
      NDArray t = NetInputs.steps(a.get(first + 1), im.nd().getShape().get(0), RecResACNet.STEPS, x.getManager(), fn)
          .toDevice(x.getDevice(), false);
      Supplier<NDArray> pass = () -> net.forward(new Forward(s, tracking), im.nd(), t, passes, a.ctx());
      NDArray out = differentiable ? pass.get() : Grad.noGrad(pass);
      if (!differentiable) return NetOutputs.field(out, im.batched());
      if (!im.batched()) out = out.squeeze(0);
      NDScope.unregister(out);
      return DTensor.result(out, tracking);
    }
  }

  public static Object totalParams(Args a) {
    RecResACNet net = (RecResACNet) a.get(0);
    long n = 0;
    for (DTensor d : net.stateDict().values()) n += d.shape().size();
    return (double) n;
  }

  // ------------------------------------------------------------------ warp and losses

  public static Object stn(Args a) {
    Session s = Session.of(a.ctx());
    Padding padding = Padding.parse(a.str(2, "zeros"));
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray f = array(s, a.get(1), null, "stn(): field");
      Fields.Batch field = Fields.batch(f, "stn()");
      NDArray x = array(s, a.get(0), f, "stn(): x");
      int dims = field.dims();
      int rank = x.getShape().dimension();
      NDArray img;
      if (rank == dims) img = x.expandDims(0).expandDims(0);
      else if (rank == dims + 1) img = x.expandDims(0);
      else if (rank == dims + 2) img = x;
      else throw TangentError.runtime("stn(): x must be [X...], [C, X...] or [B, C, X...] for a " + dims + "-D field, got shape " + x.getShape());
      if (img.getShape().get(0) != field.nd().getShape().get(0) || !img.getShape().slice(2).equals(field.nd().getShape().slice(2))) {
        throw TangentError.runtime("stn(): x of shape " + x.getShape() + " does not fit the field of shape " + f.getShape()
            + " (the same batch and spatial sizes)");
      }
      NDArray out = Warp.warp(img, field.nd(), padding).reshape(x.getShape());
      return keep(out, a.get(0), a.get(1));
    }
  }

  public static Object loss(Args a) {
    Session s = Session.of(a.ctx());
    Padding padding = Padding.parse(a.str(2, "zeros"));
    double[] w = weights(a, 3);
    boolean reference = a.bool(4, false);
    boolean parts = a.bool(5, false);
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      Fields.Batch[] pt = pair(s, a, "loss()", "pred and target");
      RecoveryLoss.Parts r = RecoveryLoss.compute(pt[0].nd(), pt[1].nd(), padding, w, reference);
      if (!parts) return keep(r.total(), a.get(0), a.get(1));
      TMap m = new TMap();
      m.put("total", keep(r.total(), a.get(0), a.get(1)));
      m.put("dist", keep(r.dist(), a.get(0), a.get(1)));
      m.put("ang", keep(r.ang(), a.get(0), a.get(1)));
      m.put("reg", keep(r.reg(), a.get(0)));
      return m;
    }
  }

  public static Object lossTerm(Args a, String which) {
    Session s = Session.of(a.ctx());
    String fn = "loss_" + which + "()";
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      if (which.equals("reg")) {
        Fields.Batch f = Fields.batch(array(s, a.get(0), null, fn + ": field"), fn);
        return keep(RecoveryLoss.regulariser(f.nd(), a.bool(1, false)), a.get(0));
      }
      Fields.Batch[] pt = pair(s, a, fn, "p and target");
      NDArray r = which.equals("dist") ? RecoveryLoss.distance(pt[0].nd(), pt[1].nd()) : RecoveryLoss.angle(pt[0].nd(), pt[1].nd());
      return keep(r, a.get(0), a.get(1));
    }
  }

  public static Object folding(Args a) {
    Session s = Session.of(a.ctx());
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      Fields.Batch f = Fields.batch(array(s, a.get(0), null, "folding(): field"), "folding()");
      return keep(RecoveryLoss.folding(f.nd()), a.get(0));
    }
  }

  private static Fields.Batch[] pair(Session s, Args a, String fn, String what) {
    NDArray p = array(s, a.get(0), null, fn + ": " + what.split(" and ")[0]);
    NDArray t = array(s, a.get(1), p, fn + ": " + what.split(" and ")[1]);
    Fields.Batch bp = Fields.batch(p, fn);
    Fields.Batch bt = Fields.batch(t, fn);
    Fields.same(bp, bt, fn, what);
    return new Fields.Batch[] {bp, bt};
  }

  private static double[] weights(Args a, int i) {
    if (!a.present(i)) return new double[] {1, 1, 10};
    Object v = a.get(i);
    List<Object> l = v instanceof TList t ? t.items : v instanceof Tuple t ? t.list() : null;
    if (l == null || l.size() != 3) throw a.typeError(i, "three numbers [w_dist, w_ang, w_reg]");
    double[] w = new double[3];
    for (int k = 0; k < 3; k++) {
      if (!(l.get(k) instanceof Double d)) throw a.typeError(i, "three numbers [w_dist, w_ang, w_reg]");
      w[k] = d;
    }
    return w;
  }

  /** A DTensor or Tensor as an engine array (floats; next to {@code like} when given). */
  static NDArray array(Session s, Object v, NDArray like, String what) {
    if (v instanceof Deformation phi) v = phi.tensor(Units.FRACTION);
    if (v instanceof DTensor d) {
      NDArray x = d.nd();
      return x.getDataType().isFloating() ? x : x.toType(DataType.FLOAT32, false);
    }
    if (v instanceof Tensor t) {
      DataType ft = like != null && like.getDataType().isFloating() ? like.getDataType() : "f64".equals(t.dtype()) ? DataType.FLOAT64 : DataType.FLOAT32;
      NDArray x = Convert.toNd(like != null ? like.getManager() : s.manager(), t, ft);
      return like != null ? x.toDevice(like.getDevice(), false) : x;
    }
    throw TangentError.runtime(what + " must be a Deformation, a DTensor or a Tensor, got " + Types.typeName(v));
  }

  /** Keeps a result past the call's scope, as a DTensor recorded when an input is. */
  private static DTensor keep(NDArray out, Object... sources) {
    NDScope.unregister(out);
    return DTensor.result(out, sources);
  }
}
