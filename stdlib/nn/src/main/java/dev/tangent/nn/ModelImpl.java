package dev.tangent.nn;

import ai.djl.Device;
import ai.djl.pytorch.engine.PtNDManager;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.io.array.NdArray;
import dev.tangent.nn.engine.Convert;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.layers.Block;
import dev.tangent.nn.layers.TorchScriptBlock;
import dev.tangent.nn.transformer.TransformerLoader;
import dev.tangent.nn.value.DTensor;
import dev.tangent.nn.weights.Weights;
import dev.tangent.spi.Args;
import dev.tangent.spi.Display;
import dev.tangent.spi.TMap;
import dev.tangent.spi.Types;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** load_transformer, load_torchscript, save_weights, load_weights. */
final class ModelImpl {
  private ModelImpl() {}

  static Path readable(Args a, int i) {
    Path p = a.ctx().permissions.checkRead(Path.of(a.str(i)));
    if (!Files.exists(p)) throw TangentError.runtime(a.fn().name() + "(): " + p + ": no such file");
    return p;
  }

  static Object loadTransformer(Args a) {
    Session s = Values.session(a);
    Path p = readable(a, 0);
    Long heads = a.present(1) ? Values.positive(a, 1) : null;
    Device d = Values.device(a, 5, s);
    return TransformerLoader.load(s, p, heads, a.str(2, "relu"), a.bool(3, true),
        a.present(4) ? Values.dtype(a, 4) : null, d);
  }

  static Object loadTorchScript(Args a) {
    Session s = Values.session(a);
    Path p = readable(a, 0);
    Device d = Values.device(a, 1, s);
    try {
      return new TorchScriptBlock((PtNDManager) s.manager(d), p);
    } catch (RuntimeException e) {
      String cls = e.getClass().getName();
      if (cls.startsWith("ai.djl")) {
        throw TangentError.runtime("load_torchscript(): " + p + " is not a TorchScript module this PyTorch can read ("
            + dev.tangent.nn.engine.Errors.clean(e.getMessage()) + ")");
      }
      throw e;
    }
  }

  static Object saveWeights(Args a) {
    Values.session(a);
    Path p = a.ctx().permissions.checkWrite(Path.of(a.str(0)));
    Object v = a.get(1);
    if (v instanceof Block b) {
      Weights.save(b, p);
      return null;
    }
    if (!(v instanceof TMap m)) throw a.typeError(1, "a Block or a map of name to DTensor/Tensor");
    Map<String, NdArray> out = new LinkedHashMap<>();
    for (Map.Entry<Object, Object> e : m.entries.entrySet()) {
      Object x = e.getValue();
      if (x instanceof DTensor d) out.put(Display.str(e.getKey()), Weights.fromNd(d.nd()));
      else if (x instanceof Tensor t) out.put(Display.str(e.getKey()), Weights.fromNd(Convert.toNd(Values.session(a).manager(), t,
          "f64".equals(t.dtype()) ? ai.djl.ndarray.types.DataType.FLOAT64 : ai.djl.ndarray.types.DataType.FLOAT32)));
      else throw TangentError.runtime("save_weights(): '" + Display.str(e.getKey()) + "' is a " + Types.typeName(x) + ", not a DTensor or Tensor");
    }
    Weights.writeArrays(p, out, Map.of("format", "pt"));
    return null;
  }

  static Object loadWeights(Args a) {
    Session s = Values.session(a);
    Path p = readable(a, 0);
    TMap out = new TMap();
    Weights.readArrays(p).forEach((k, v) -> out.put(k, new DTensor(Weights.toNd(s.manager(), v, null))));
    return out;
  }
}
