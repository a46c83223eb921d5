package dev.tangent.nn.layers;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.nn.engine.Convert;
import dev.tangent.nn.engine.Errors;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.value.DTensor;
import dev.tangent.nn.value.Trainable;
import dev.tangent.spi.Callable;
import dev.tangent.spi.Context;
import dev.tangent.spi.HasMembers;
import dev.tangent.spi.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network part: parameters, buffers (running statistics) and child blocks, and a forward
 * function. Calling it from a script converts Tensor inputs and returns a DTensor. Parameter
 * names follow PyTorch's state_dict ("0.weight", "attn.W_Q"), so weights move between the two.
 */
public abstract class Block implements Callable, HasMembers, Trainable {
  protected final Map<String, DTensor> params = new LinkedHashMap<>();
  protected final Map<String, DTensor> buffers = new LinkedHashMap<>();
  protected final Map<String, Block> children = new LinkedHashMap<>();
  protected boolean training = true;

  /** The forward pass on one input. */
  public abstract NDArray forward(Forward f, NDArray x);

  /** Several inputs: only blocks that take them override this. */
  public NDArray forward(Forward f, NDList xs) {
    if (xs.size() != 1) throw TangentError.runtime(kind() + " takes 1 input, got " + xs.size());
    return forward(f, xs.get(0));
  }

  /** The type name shown to users: "Linear", "Conv2d"... */
  public abstract String kind();

  /** One line: the kind and its sizes. */
  public String describe() { return kind() + "()"; }

  @Override public String name() { return kind(); }

  @Override public String signature() { return kind() + "(x)"; }

  @Override public Object call(Context ctx, Object[] args, String[] names) {
    if (names != null) throw TangentError.runtime(kind() + " takes positional inputs only");
    Session s = Session.of(ctx);
    NDList in = new NDList(args.length);
    for (int i = 0; i < args.length; i++) in.add(input(s, args[i]));
    try {
      boolean tracking = trainable();
      for (Object v : args) tracking |= v instanceof DTensor d && d.tracked();
      return DTensor.result(forward(new Forward(s, tracking), in), tracking);
    } catch (RuntimeException e) {
      throw Errors.translate(kind(), e);
    }
  }

  /** Converts a script value into an input array on this block's device and float type. */
  public NDArray input(Session s, Object v) {
    if (v instanceof DTensor d) return d.nd();
    if (v instanceof Tensor t) return Convert.toNd(s.manager(device(s)), t, floatType());
    if (v instanceof Double d) return dev.tangent.nn.engine.Owned.scalar(s.manager(device(s)), d.floatValue());
    throw TangentError.runtime(kind() + ": the input must be a DTensor or a Tensor, got " + Types.typeName(v));
  }

  protected void param(String name, NDArray a) {
    a.setRequiresGradient(true);
    params.put(name, new DTensor(a));
  }

  protected NDArray p(String name) { return params.get(name).nd(); }

  protected NDArray pOrNull(String name) {
    DTensor d = params.get(name);
    return d == null ? null : d.nd();
  }

  protected void child(String name, Block b) { children.put(name, b); }

  /** True when some parameter requires a gradient (so outputs are recorded). */
  @Override public boolean trainable() {
    for (DTensor d : allParameters().values()) if (d.tracked()) return true;
    return false;
  }

  public DataType floatType() {
    for (DTensor d : params.values()) if (d.dataType().isFloating()) return d.dataType();
    for (Block c : children.values()) {
      if (!c.allParameters().isEmpty()) return c.floatType();
    }
    return DataType.FLOAT32;
  }

  public Device device(Session s) {
    for (DTensor d : params.values()) return d.nd().getDevice();
    for (Block c : children.values()) if (!c.allParameters().isEmpty()) return c.device(s);
    return s.device();
  }

  // ------------------------------------------------------------------ tree walks

  public Map<String, DTensor> allParameters() {
    Map<String, DTensor> out = new LinkedHashMap<>();
    collect("", out, false);
    return out;
  }

  /** Parameters and buffers: what a checkpoint or a weights file holds. */
  public Map<String, DTensor> stateDict() {
    Map<String, DTensor> out = new LinkedHashMap<>();
    collect("", out, true);
    return out;
  }

  private void collect(String prefix, Map<String, DTensor> out, boolean withBuffers) {
    params.forEach((k, v) -> out.put(prefix + k, v));
    if (withBuffers) buffers.forEach((k, v) -> out.put(prefix + k, v));
    children.forEach((k, c) -> c.collect(prefix + k + ".", out, withBuffers));
  }

  /** Replaces the array behind a parameter or buffer (loading weights, moving devices). */
  public void replace(String dotted, NDArray value) {
    int dot = dotted.indexOf('.');
    if (dot >= 0 && children.containsKey(dotted.substring(0, dot))) {
      children.get(dotted.substring(0, dot)).replace(dotted.substring(dot + 1), value);
      return;
    }
    DTensor old = params.containsKey(dotted) ? params.get(dotted) : buffers.get(dotted);
    if (old != null && !old.shape().equals(value.getShape())) {
      throw TangentError.runtime(kind() + ": '" + dotted + "' has shape " + old.shape() + ", got " + value.getShape());
    }
    if (params.containsKey(dotted)) {
      value.setRequiresGradient(true);
      params.put(dotted, new DTensor(value));
    } else if (buffers.containsKey(dotted)) {
      buffers.put(dotted, new DTensor(value));
    } else {
      throw TangentError.runtime(kind() + " has no parameter '" + dotted + "'");
    }
  }

  public void setTraining(boolean on) {
    training = on;
    children.values().forEach(c -> c.setTraining(on));
  }

  public boolean training() { return training; }

  public Map<String, Block> children() { return children; }

  // ------------------------------------------------------------------ members and display

  @Override public Object member(String name) {
    DTensor d = params.get(name);
    if (d != null) return d;
    d = buffers.get(name);
    if (d != null) return d;
    return children.get(name);
  }

  @Override public Collection<String> memberNames() {
    List<String> out = new ArrayList<>(params.keySet());
    out.addAll(buffers.keySet());
    out.addAll(children.keySet());
    return out;
  }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder();
    render(sb, "");
    return sb.toString();
  }

  private void render(StringBuilder sb, String indent) {
    if (children.isEmpty()) {
      sb.append(describe());
      return;
    }
    sb.append(kind()).append("(\n");
    for (Map.Entry<String, Block> e : children.entrySet()) {
      sb.append(indent).append("  (").append(e.getKey()).append("): ");
      e.getValue().render(sb, indent + "  ");
      sb.append('\n');
    }
    sb.append(indent).append(')');
  }
}
