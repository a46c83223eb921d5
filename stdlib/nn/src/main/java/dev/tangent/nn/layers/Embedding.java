package dev.tangent.nn.layers;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.tangent.nn.engine.Session;

/** A table of num vectors of size dim, looked up by integer index (weights N(0, 1), as PyTorch). */
public final class Embedding extends Block {
  private final long num;
  private final long dim;

  public Embedding(Session s, long num, long dim, DataType dt, Device d) {
    this.num = num;
    this.dim = dim;
    param("weight", s.normal(new Shape(num, dim), 0, 1, dt, d));
  }

  @Override public NDArray forward(Forward f, NDArray x) {
    return lookup(x, p("weight"));
  }

  static NDArray lookup(NDArray idx, NDArray table) {
    NDArray ix = idx.getDataType() == DataType.INT64 ? idx : idx.toType(DataType.INT64, false);
    return JniUtils.embedding((PtNDArray) ix, (PtNDArray) table, false);
  }

  @Override public String kind() { return "Embedding"; }

  @Override public String describe() { return "Embedding(" + num + ", " + dim + ")"; }
}
