package dev.tangent.nn;

import dev.tangent.nn.layers.Block;
import dev.tangent.nn.optim.Optimizer;
import dev.tangent.nn.value.DTensor;
import dev.tangent.spi.TypeValue;

/** The value types of the nn module (declared without touching DJL). */
public final class NnTypes {
  private NnTypes() {}

  public static final TypeValue DTENSOR = new TypeValue("DTensor", v -> v instanceof DTensor,
      "A tensor on the network engine: differentiable, on a device (cpu or gpu), f32 by default. "
          + "nn.dtensor(x), or what layers, losses and arithmetic on DTensors return; .tensor() converts back.");
  public static final TypeValue BLOCK = new TypeValue("Block", v -> v instanceof Block,
      "A network part with parameters: nn.linear(4, 8), nn.sequential(...), nn.block(fn, params), "
          + "nn.load_transformer(path). Call it on an input: model(x).");
  public static final TypeValue OPTIMIZER = new TypeValue("Optimizer", v -> v instanceof Optimizer,
      "Updates parameters from their gradients: nn.sgd, nn.adam, nn.adamw. opt.step(), opt.zero_grad().");
}
