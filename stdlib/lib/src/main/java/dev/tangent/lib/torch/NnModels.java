package dev.tangent.lib.torch;

import dev.tangent.spi.TangentError;
import dev.tangent.lib.linalg.Mat;
import dev.tangent.lib.model.ConstPrefix;
import dev.tangent.lib.model.Folding;
import dev.tangent.lib.model.LibModel;
import dev.tangent.lib.model.TransformerChain;
import dev.tangent.lib.model.TransformerWeights;
import dev.tangent.lib.section.Act;
import dev.tangent.lib.section.ComposedSection;
import dev.tangent.lib.section.GatedLinearSection;
import dev.tangent.lib.section.Section;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.layers.Activation;
import dev.tangent.nn.layers.Block;
import dev.tangent.nn.layers.Linear;
import dev.tangent.nn.layers.Sequential;
import dev.tangent.nn.transformer.HookedTransformer;
import dev.tangent.nn.value.DTensor;
import dev.tangent.spi.Context;
import dev.tangent.spi.TList;
import dev.tangent.spi.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models of the nn module as chains of sections: a TransformerLens-layout transformer
 * (nn.load_transformer), an MLP built with nn.sequential (linear layers and elementwise
 * activations, analysed analytically), or a list of blocks, one per section (TorchScript
 * modules, blocks written in the language: autograd).
 */
public final class NnModels {
  private NnModels() {}

  /** Builds the LibModel for model, node layers (null: all) and samples of sampleShape. */
  public static LibModel of(Context ctx, Object model, List<String> nodeLayers, int[] sampleShape, boolean lastPos) {
    if (model instanceof HookedTransformer ht) return transformer(ht, nodeLayers, sampleShape, lastPos).withInputShape(sampleShape);
    if (lastPos) throw TangentError.runtime("last_pos applies to transformers only");
    if (model instanceof Sequential seq) return mlp(seq, nodeLayers, sampleShape).withInputShape(sampleShape);
    if (model instanceof TList list) return blocks(ctx, list, nodeLayers, sampleShape).withInputShape(sampleShape);
    throw TangentError.runtime("model must be a chain of sections: a transformer from nn.load_transformer, an MLP from "
        + "nn.sequential, or a list of blocks (one per section), got " + Types.typeName(model));
  }

  static double[] values(DTensor d) { return d.toTensor().toDoubleArray(); }

  static int[] shape(DTensor d) {
    long[] s = d.shape().getShape();
    int[] out = new int[s.length];
    for (int i = 0; i < s.length; i++) out[i] = (int) s[i];
    return out;
  }

  static LibModel transformer(HookedTransformer ht, List<String> nodeLayers, int[] sampleShape, boolean lastPos) {
    if (sampleShape.length != 1) {
      throw TangentError.runtime("a transformer takes token sequences [samples, positions], got samples of shape " + java.util.Arrays.toString(sampleShape));
    }
    Map<String, DTensor> dict = ht.stateDict();
    String act = String.valueOf(ht.config().get("act_fn"));
    TransformerWeights w = TransformerWeights.of(new LinkedHashMap<>(dict), v -> values((DTensor) v), v -> shape((DTensor) v), act);
    List<String> layers = nodeLayers != null ? nodeLayers : TransformerChain.points(w);
    return TransformerChain.build(w, layers, sampleShape[0], lastPos);
  }

  /** One dense layer of an MLP and the activation after it (null: none). */
  record Dense(Mat w, double[] b, Act act, double slope) {}

  static List<Dense> dense(Sequential seq) {
    List<Dense> out = new ArrayList<>();
    List<Block> stages = new ArrayList<>(seq.children().values());
    for (int i = 0; i < stages.size(); i++) {
      Block b = stages.get(i);
      if (!(b instanceof Linear lin)) {
        throw TangentError.runtime("model must be a chain of sections: nn.sequential stage " + i + " is " + b.describe()
            + ", where a linear layer was expected (pass a list of blocks, one per section, for other layers)");
      }
      Map<String, DTensor> p = lin.allParameters();
      DTensor wt = p.get("weight");
      int[] s = shape(wt);
      Mat w = new Mat(s[0], s[1], values(wt)).t();      // PyTorch's [out, in] to [in, out]
      double[] bias = p.containsKey("bias") ? values(p.get("bias")) : null;
      Act act = null;
      double slope = 0;
      if (i + 1 < stages.size() && stages.get(i + 1) instanceof Activation a) {
        i++;
        switch (a.kind()) {
          case "ReLU": act = Act.RELU; break;
          case "GELU": act = a.describe().contains("tanh") ? Act.GELU_TANH : Act.GELU; break;
          case "LeakyReLU": {
            act = Act.LEAKY_RELU;
            String d = a.describe();
            slope = Double.parseDouble(d.substring(d.indexOf("slope ") + 6, d.indexOf(')')));
            break;
          }
          default:
            throw TangentError.runtime("model must be a chain of sections: nn.sequential stage " + i + " is " + a.describe()
                + ", which LIB cannot fold a bias through (relu, leaky_relu and gelu can)");
        }
      }
      out.add(new Dense(w, bias, act, slope));
    }
    for (int i = 1; i < out.size(); i++) {
      if (out.get(i).w().rows != out.get(i - 1).w().cols) throw TangentError.runtime("nn.sequential: layer sizes do not chain at layer " + i);
    }
    return out;
  }

  static LibModel mlp(Sequential seq, List<String> nodeLayers, int[] sampleShape) {
    List<Dense> layers = dense(seq);
    if (layers.isEmpty()) throw TangentError.runtime("model must be a chain of sections: the nn.sequential is empty");
    int in = layers.get(0).w().rows;
    int size = 1;
    for (int s : sampleShape) size *= s;
    if (size != in) {
      throw TangentError.runtime("data of shape " + java.util.Arrays.toString(sampleShape) + " per sample does not fit the MLP's input of " + in);
    }
    List<Section> steps = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      Dense l = layers.get(i);
      boolean last = i == layers.size() - 1;
      if (last && l.act() != null) {
        steps.add(GatedLinearSection.layer(1, Folding.last(l.w(), l.b()), l.act(), l.slope(), "layer " + i + " (" + l.act().name().toLowerCase() + ")"));
      } else if (last) {
        steps.add(GatedLinearSection.linear(1, Folding.last(l.w(), l.b()), "layer " + i + " (linear)"));
      } else if (l.act() == null) {
        steps.add(GatedLinearSection.linear(1, Folding.hidden(l.w(), l.b(), Act.IDENTITY, 0), "layer " + i + " (linear)"));
      } else {
        steps.add(GatedLinearSection.layer(1, Folding.hidden(l.w(), l.b(), l.act(), l.slope()), l.act(), l.slope(), "layer " + i + " (" + l.act().name().toLowerCase() + ")"));
      }
    }
    List<String> points = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) points.add("layers." + i);
    points.add("output");
    return chain("mlp", points, nodeLayers, steps, (before) -> new ConstPrefix(1, in, before));
  }

  /** Cuts steps (steps[i] from points[i] to points[i + 1]) at the chosen node layers. */
  static LibModel chain(String kind, List<String> points, List<String> nodeLayers, List<Section> steps,
      java.util.function.Function<List<Section>, dev.tangent.lib.model.Prefix> prefix) {
    List<String> names = nodeLayers != null ? nodeLayers : points;
    if (names.size() < 2) throw TangentError.runtime("LIB needs at least two node layers, got " + names);
    int[] idx = new int[names.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = points.indexOf(names.get(i));
      if (idx[i] < 0) throw TangentError.runtime("unknown node layer '" + names.get(i) + "' (this model has " + points + ")");
      if (i > 0 && idx[i] <= idx[i - 1]) throw TangentError.runtime("node layers must follow the model's order " + points + ", got " + names);
    }
    List<Section> sections = new ArrayList<>();
    for (int i = 0; i + 1 < idx.length; i++) sections.add(ComposedSection.of(new ArrayList<>(steps.subList(idx[i], idx[i + 1]))));
    int last = idx[idx.length - 1];
    return new LibModel(kind, names, sections, prefix.apply(new ArrayList<>(steps.subList(0, idx[0]))),
        new ArrayList<>(steps.subList(last, steps.size())), last == points.size() - 1);
  }

  static LibModel blocks(Context ctx, TList list, List<String> nodeLayers, int[] sampleShape) {
    if (list.items.isEmpty()) throw TangentError.runtime("model must be a chain of sections: the list of blocks is empty");
    Session s = Session.of(ctx);
    List<Section> steps = new ArrayList<>();
    int[] shape = sampleShape;
    for (int i = 0; i < list.items.size(); i++) {
      Object o = list.items.get(i);
      if (!(o instanceof Block b)) {
        throw TangentError.runtime("model must be a chain of sections: item " + i + " of the list is " + Types.typeName(o) + ", not a block");
      }
      boolean last = i == list.items.size() - 1;
      if (b instanceof Sequential seq && isDense(seq)) {
        LibModel m = mlp(seq, null, shape);
        steps.addAll(m.sections);
        shape = new int[] {m.width(m.count() - 1)};
        if (!last) {
          // an inner MLP's output is the next node layer: keep its constant coordinate.
          Section tail = steps.remove(steps.size() - 1);
          steps.add(withConst((GatedLinearSection) tail));
        }
        continue;
      }
      AutogradSection a = new AutogradSection(s, b, shape, !last, "section " + i + " (" + b.kind() + ")");
      steps.add(a);
      shape = a.outShape();
    }
    List<String> points = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) points.add("layers." + i);
    points.add("output");
    int[] first = sampleShape;
    int positions = first.length == 1 ? 1 : first[0];
    int width = first[first.length - 1];
    if (first.length > 2) throw TangentError.runtime("samples must be [width] or [positions, width], got shape " + java.util.Arrays.toString(first));
    return chain("blocks", points, nodeLayers, steps, before -> new ConstPrefix(positions, width, before));
  }

  static boolean isDense(Sequential seq) {
    for (Block b : seq.children().values()) if (!(b instanceof Linear) && !(b instanceof Activation)) return false;
    return true;
  }

  /** The last layer of an inner MLP, refolded so that its output keeps the constant coordinate. */
  static Section withConst(GatedLinearSection s) {
    Mat w = s.w1() != null ? s.w1() : s.a();
    int in = w.rows;
    int out = w.cols;
    Mat f = Mat.zeros(in, out + 1);
    for (int i = 0; i < in; i++) System.arraycopy(w.a, i * out, f.a, i * (out + 1), out);
    f.set(in - 1, out, s.w1() != null ? s.act().rootOne(s.slope()) : 1);
    return s.w1() != null ? GatedLinearSection.layer(1, f, s.act(), s.slope(), s.describe()) : GatedLinearSection.linear(1, f, s.describe());
  }
}
