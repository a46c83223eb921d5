package dev.tangent.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.io.array.NdArray;
import dev.tangent.nn.engine.Convert;
import dev.tangent.nn.engine.Devices;
import dev.tangent.nn.engine.Grad;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.layers.Block;
import dev.tangent.nn.layers.Forward;
import dev.tangent.nn.optim.Optimizer;
import dev.tangent.nn.transformer.HookedTransformer;
import dev.tangent.nn.value.DTensor;
import dev.tangent.nn.weights.Weights;
import dev.tangent.spi.Args;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Display;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The methods of Block, HookedTransformer and Optimizer. */
final class BlockImpl {
  private BlockImpl() {}

  static Block self(Args a) {
    Session.of(a.ctx());
    return (Block) a.get(0);
  }

  static Object nParams(Args a) {
    long n = 0;
    for (DTensor d : self(a).allParameters().values()) n += d.shape().size();
    return (double) n;
  }

  static Object training(Args a) { return self(a).training(); }

  static Object parameters(Args a) {
    TList l = new TList();
    l.items.addAll(self(a).allParameters().values());
    return l;
  }

  static Object namedParameters(Args a) { return new TMap(self(a).allParameters()); }

  static Object stateDict(Args a) { return new TMap(self(a).stateDict()); }

  static Object loadStateDict(Args a) {
    Block b = self(a);
    if (!(a.get(1) instanceof TMap m)) throw a.typeError(1, "a map of name to Tensor/DTensor");
    Map<String, NdArray> arrays = new LinkedHashMap<>();
    for (Map.Entry<Object, Object> e : m.entries.entrySet()) {
      Object v = e.getValue();
      String k = Display.str(e.getKey());
      if (v instanceof DTensor d) arrays.put(k, Weights.fromNd(d.nd()));
      else if (v instanceof Tensor t) arrays.put(k, Weights.fromNd(Convert.toNd(Session.of(a.ctx()).manager(), t, DataType.FLOAT64)));
      else throw TangentError.runtime("load_state_dict(): '" + k + "' is a " + Types.typeName(v) + ", not a Tensor");
    }
    Weights.load(b, arrays, a.bool(2, true), "load_state_dict()");
    return null;
  }

  static Object save(Args a) {
    Block b = self(a);
    Weights.save(b, a.ctx().permissions.checkWrite(Path.of(a.str(1))));
    return null;
  }

  static Object load(Args a) {
    Block b = self(a);
    Path p = a.ctx().permissions.checkRead(Path.of(a.str(1)));
    Weights.load(b, Weights.readArrays(p), a.bool(2, true), p.getFileName().toString());
    return a.get(0);
  }

  static Object mode(Args a, boolean train) {
    self(a).setTraining(train);
    return a.get(0);
  }

  static Object zeroGrad(Args a) {
    for (DTensor d : self(a).allParameters().values()) {
      if (d.nd().hasGradient()) ai.djl.pytorch.jni.JniUtils.zeroGrad((ai.djl.pytorch.engine.PtNDArray) d.nd());
    }
    return null;
  }

  static Object to(Args a) {
    Block b = self(a);
    Device d = Devices.resolve(a.str(1), a.ctx());
    for (Map.Entry<String, DTensor> e : b.stateDict().entrySet()) {
      NDArray cur = e.getValue().nd();
      if (!cur.getDevice().equals(d)) {
        NDArray moved = Grad.noGrad(() -> cur.toDevice(d, true));
        b.replace(e.getKey(), moved);
      }
    }
    return a.get(0);
  }

  // ------------------------------------------------------------------ transformer

  static HookedTransformer transformer(Args a) {
    Session.of(a.ctx());
    return (HookedTransformer) a.get(0);
  }

  static Object hookNames(Args a) { return transformer(a).hookNameList(); }

  static Object runWithCache(Args a) {
    HookedTransformer t = transformer(a);
    Session s = Session.of(a.ctx());
    Predicate<String> keep = names(a, 2, t);
    Map<String, NDArray> cache = new LinkedHashMap<>();
    Forward f = new Forward(s, cache, null, tracking(t, a.get(1)));
    NDArray logits = t.forward(f, t.input(s, a.get(1)));
    TMap out = new TMap();
    cache.forEach((k, v) -> {
      if (keep.test(k)) out.put(k, f.wrap(v));
    });
    return new Tuple(f.wrap(logits), out);
  }

  private static Predicate<String> names(Args a, int i, HookedTransformer t) {
    if (!a.present(i)) return k -> true;
    Object v = a.get(i);
    if (v instanceof Callable f) return k -> Boolean.TRUE.equals(f.call(a.ctx(), new Object[] {k}, null));
    if (v instanceof String s) return k -> k.equals(s);
    if (v instanceof TList l) {
      Set<String> want = new HashSet<>();
      for (Object o : l.items) want.add(Display.str(o));
      for (String w : want) {
        if (!t.hookNames().contains(w)) throw TangentError.runtime("run_with_cache(): unknown hook '" + w + "'");
      }
      return want::contains;
    }
    throw a.typeError(i, "a list of hook names or a function of the name");
  }

  static Object runWithHooks(Args a) {
    HookedTransformer t = transformer(a);
    Session s = Session.of(a.ctx());
    if (!(a.get(2) instanceof TMap m)) throw a.typeError(2, "a map of hook name to function");
    Map<String, Callable> hooks = new LinkedHashMap<>();
    for (Map.Entry<Object, Object> e : m.entries.entrySet()) {
      String k = Display.str(e.getKey());
      if (!t.hookNames().contains(k)) throw TangentError.runtime("run_with_hooks(): unknown hook '" + k + "'");
      if (!(e.getValue() instanceof Callable f)) throw TangentError.runtime("run_with_hooks(): the hook for '" + k + "' must be a function");
      hooks.put(k, f);
    }
    // A hook may plant a leaf that requires a gradient, so this pass records when grad mode is on.
    Forward f = new Forward(s, null, hooks, true);
    return f.wrap(t.forward(f, t.input(s, a.get(1))));
  }

  private static boolean tracking(Block b, Object input) {
    return b.trainable() || input instanceof DTensor d && d.tracked();
  }

  // ------------------------------------------------------------------ optimizer

  static Optimizer opt(Args a) {
    Session.of(a.ctx());
    return (Optimizer) a.get(0);
  }

  static Object optStep(Args a) {
    opt(a).step();
    return null;
  }

  static Object optZero(Args a) {
    opt(a).zeroGrad();
    return null;
  }

  static Object optLr(Args a) { return opt(a).lr(); }

  static Object optSetLr(Args a) {
    double lr = a.num(1);
    if (!(lr >= 0)) throw TangentError.runtime("set_lr(): the learning rate must be a non-negative number");
    opt(a).setLr(lr);
    return null;
  }
}
