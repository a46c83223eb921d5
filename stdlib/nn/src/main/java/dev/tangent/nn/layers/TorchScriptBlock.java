package dev.tangent.nn.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import dev.tangent.spi.TangentError;
import dev.tangent.nn.value.DTensor;
import java.nio.file.Path;

/** A TorchScript module (torch.jit.save) run as a block; its parameters are listed read-only. */
public final class TorchScriptBlock extends Block {
  private final PtSymbolBlock module;
  private final String file;
  private final Path path;

  public TorchScriptBlock(PtNDManager m, Path path) {
    this.module = JniUtils.loadModule(m, path, true, new String[0], new String[0], false);
    this.file = path.getFileName().toString();
    this.path = path.toAbsolutePath();
    NDList ps = JniUtils.moduleGetParams(module, m);
    for (NDArray a : ps) params.put(a.getName(), new DTensor(a));
    setTraining(false);
  }

  @Override public NDArray forward(Forward f, NDArray x) {
    return forward(f, new NDList(x));
  }

  @Override public NDArray forward(Forward f, NDList xs) {
    NDList out = module.forward(null, xs, training);
    if (out.isEmpty()) throw TangentError.runtime("the TorchScript module returned nothing");
    // In eval mode DJL runs the module under libtorch's InferenceMode; a clone made outside it is
    // an ordinary tensor that later blocks and autograd can use.
    return training ? out.get(0) : out.get(0).duplicate();
  }

  @Override public void setTraining(boolean on) {
    super.setTraining(on);
    if (on) JniUtils.enableTrainingMode(module);
    else JniUtils.enableInferenceMode(module);
  }

  @Override public void replace(String dotted, NDArray value) {
    throw TangentError.runtime("the parameters of a TorchScript module cannot be replaced");
  }

  /** The file the module was loaded from (lib loads a trainable copy of it for Jacobians). */
  public Path path() { return path; }

  @Override public String kind() { return "TorchScript"; }

  @Override public String describe() { return "TorchScript(" + file + ", " + params.size() + " parameters)"; }
}
