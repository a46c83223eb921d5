package dev.tangent.nn.layers;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.tangent.nn.engine.Session;

/** PyTorch's default initialisations, drawn from the session's seeded stream. */
final class Init {
  private Init() {}

  /** U(-1/sqrt(fan_in), 1/sqrt(fan_in)): PyTorch's Linear/Conv default (kaiming_uniform, a = sqrt(5)). */
  static NDArray fanIn(Session s, Shape shape, long fanIn, DataType dt, Device d) {
    double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
    return s.uniform(shape, -bound, bound, dt, d);
  }

  static NDArray ones(Session s, Shape shape, DataType dt, Device d) {
    return s.manager(d).ones(shape, dt);
  }

  static NDArray zeros(Session s, Shape shape, DataType dt, Device d) {
    return s.manager(d).zeros(shape, dt);
  }
}
