package dev.tangent.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.tangent.spi.TangentError;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.layers.Block;
import dev.tangent.nn.layers.Functional;
import dev.tangent.nn.optim.Adam;
import dev.tangent.nn.optim.Optimizer;
import dev.tangent.nn.optim.Sgd;
import dev.tangent.nn.train.Trainer;
import dev.tangent.nn.value.DTensor;
import dev.tangent.spi.Args;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Display;
import dev.tangent.spi.Ints;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Losses, optimisers and train(). */
final class TrainImpl {
  private TrainImpl() {}

  static Object loss(Args a, String kind) {
    Session s = Values.session(a);
    NDArray pred = Values.arg(a, 0, "pred");
    NDArray target = Values.nd(s, a.get(1), pred.getDataType().isFloating() ? pred.getDataType() : DataType.FLOAT32,
        pred.getDevice(), a.fn().name() + "(): target");
    return DTensor.result(lossFn(kind, a.str(2, "mean")).apply(pred, target), a.get(0), a.get(1));
  }

  static BiFunction<NDArray, NDArray, NDArray> lossFn(String kind, String reduction) {
    switch (kind) {
      case "mse": return (p, t) -> Functional.mse(p, t, reduction);
      case "l1": return (p, t) -> Functional.l1(p, t, reduction);
      case "cross_entropy": return (p, t) -> Functional.crossEntropy(p, t, reduction);
      default: throw TangentError.runtime("unknown loss \"" + kind + "\" (use \"cross_entropy\", \"mse\", \"l1\" or a function)");
    }
  }

  /** What an optimiser trains: a Block's parameters, or a list or map of DTensors. */
  static Map<String, DTensor> params(Args a, int i) {
    Object v = a.get(i);
    Map<String, DTensor> out = new LinkedHashMap<>();
    if (v instanceof Block b) {
      b.allParameters().forEach((k, p) -> {
        if (p.nd().hasGradient()) out.put(k, p);
      });
    } else if (v instanceof TList l) {
      for (int k = 0; k < l.items.size(); k++) out.put(Integer.toString(k), paramOf(l.items.get(k), "item " + k));
    } else if (v instanceof TMap m) {
      m.entries.forEach((k, p) -> out.put(Display.str(k), paramOf(p, Display.str(k))));
    } else {
      throw a.typeError(i, "a Block, a list or a map of parameters");
    }
    if (out.isEmpty()) throw TangentError.runtime(a.fn().name() + "(): there are no trainable parameters");
    return out;
  }

  private static DTensor paramOf(Object v, String what) {
    if (v instanceof DTensor d && d.nd().hasGradient()) return d;
    throw TangentError.runtime(what + " is not a parameter (make one with nn.param(x), or requires_grad: true)");
  }

  static Object sgd(Args a) {
    Values.session(a);
    return new Sgd(params(a, 0), a.num(1, 0.01), a.num(2, 0), a.num(3, 0), a.bool(4, false));
  }

  static Object adam(Args a, boolean decoupled, double defaultDecay) {
    Values.session(a);
    double b1 = 0.9;
    double b2 = 0.999;
    if (a.present(2)) {
      List<Object> bs = a.get(2) instanceof Tuple t ? t.list() : a.get(2) instanceof TList l ? l.items : null;
      if (bs == null || bs.size() != 2 || !(bs.get(0) instanceof Double) || !(bs.get(1) instanceof Double)) {
        throw a.typeError(2, "a pair of numbers (beta1, beta2)");
      }
      b1 = (Double) bs.get(0);
      b2 = (Double) bs.get(1);
      if (!(b1 >= 0 && b1 < 1 && b2 >= 0 && b2 < 1)) throw TangentError.runtime(a.fn().name() + "(): betas must be in [0, 1)");
    }
    return new Adam(params(a, 0), a.num(1, 1e-3), b1, b2, a.num(3, 1e-8), a.num(4, defaultDecay), decoupled);
  }

  static Object train(Args a) {
    Session s = Values.session(a);
    Trainer.Spec spec = new Trainer.Spec();
    if (!(a.get(0) instanceof Block model)) throw a.typeError(0, "a Block");
    spec.model = model;
    List<Object> data = a.get(1) instanceof Tuple t ? t.list() : a.get(1) instanceof TList l ? l.items : null;
    if (data == null || data.size() != 2) throw a.typeError(1, "a pair (inputs, targets)");
    spec.x = model.input(s, data.get(0));
    Object y = data.get(1);
    spec.y = Values.nd(s, y, model.floatType(), spec.x.getDevice(), "train(): targets");
    Object loss = a.get(2, "cross_entropy");
    if (loss instanceof String name) {
      spec.loss = lossFn(name, "mean");
    } else if (loss instanceof Callable f) {
      spec.loss = (p, t) -> {
        Object r = f.call(a.ctx(), new Object[] {DTensor.result(p, true), new DTensor(t)}, null);
        if (!(r instanceof DTensor d)) throw TangentError.runtime("train(): the loss function must return a DTensor, got " + Types.typeName(r));
        return d.nd();
      };
    } else {
      throw a.typeError(2, "a loss name or a function (pred, target) => DTensor");
    }
    Object opt = a.get(3);
    if (opt == null || opt == dev.tangent.spi.Nil.NIL) {
      spec.optimizer = new Adam(model.allParameters(), 1e-3, 0.9, 0.999, 1e-8, 0, false);
    } else if (opt instanceof Optimizer o) {
      spec.optimizer = o;
    } else {
      throw a.typeError(3, "an Optimizer");
    }
    spec.epochs = a.integer(4, 1);
    spec.batchSize = a.integer(5, 32);
    spec.shuffle = a.bool(6, true);
    spec.seed = a.present(7) ? a.longInt(7, 0) : s.seed();
    if (a.present(8)) spec.checkpoint = a.ctx().permissions.checkWrite(Path.of(a.str(8)));
    if (spec.checkpoint != null) a.ctx().permissions.checkRead(spec.checkpoint);
    spec.checkpointEvery = Math.max(1, a.longInt(9, 100));
    spec.resume = a.bool(10, true);
    Object prog = a.get(11, "auto");
    spec.progress = prog instanceof Boolean b ? (b ? "auto" : "none") : Display.str(prog);
    if (spec.epochs < 0) throw TangentError.runtime("train(): epochs must not be negative");
    Ints.toInt(a.get(5, 32.0), "batch_size");
    boolean gradBefore = dev.tangent.nn.engine.Grad.enabled();
    TMap out;
    try {
      out = Trainer.run(s, spec);
    } finally {
      dev.tangent.nn.engine.Grad.set(gradBefore);
    }
    java.lang.ref.Reference.reachabilityFence(data);
    return out;
  }
}
