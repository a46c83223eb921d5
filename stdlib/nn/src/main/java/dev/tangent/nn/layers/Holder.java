package dev.tangent.nn.layers;

import ai.djl.ndarray.NDArray;
import dev.tangent.spi.TangentError;

/** A named group of parameters and sub-blocks inside a larger model; it has no forward of its own. */
public final class Holder extends Block implements dev.tangent.spi.Indexable {
  private final String kind;

  public Holder(String kind) {
    this.kind = kind;
  }

  public Holder with(String name, NDArray param) {
    param(name, param);
    return this;
  }

  public Holder withChild(String name, Block b) {
    child(name, b);
    return this;
  }

  public NDArray get(String name) { return p(name); }

  public boolean has(String name) { return params.containsKey(name); }

  public Block sub(String name) { return children.get(name); }

  /** blocks[0] or blocks["0"]: a child by position or name. */
  @Override public Object getIndex(Object[] subs) {
    if (subs.length == 1) {
      String key = subs[0] instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : String.valueOf(subs[0]);
      Object v = member(key);
      if (v != null) return v;
    }
    throw TangentError.runtime(kind + " has no part " + java.util.Arrays.toString(subs) + " (it has " + memberNames() + ")");
  }

  @Override public NDArray forward(Forward f, NDArray x) {
    throw TangentError.runtime(kind + " is part of a larger model and cannot be called on its own");
  }

  @Override public String kind() { return kind; }

  @Override public String describe() { return kind + "(" + String.join(", ", params.keySet()) + ")"; }
}
