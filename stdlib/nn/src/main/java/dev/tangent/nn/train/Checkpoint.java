package dev.tangent.nn.train;

import dev.tangent.spi.TangentError;
import dev.tangent.io.array.NdArray;
import dev.tangent.io.array.SafeTensors;
import dev.tangent.nn.layers.Block;
import dev.tangent.nn.optim.Optimizer;
import dev.tangent.nn.weights.Weights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One .safetensors file with everything a resumed run needs to continue exactly: the model's
 * parameters and buffers ("model.*"), the optimiser's state ("optim.*"), and in the metadata the
 * step, the position in the data order, the random stream and the loss bookkeeping. Written
 * atomically (temp file + rename), so a kill leaves the previous checkpoint or the new one.
 *
 * <p>Other modules' training loops (drdm.train) use the public {@link #save(Path, Block, Optimizer, Map, String)}
 * and {@link #restore(Path, Block, Optimizer, String)} with their own progress metadata.
 */
public final class Checkpoint {
  private Checkpoint() {}

  static final String MODEL = "model.";
  static final String OPTIM = "optim.";

  static void save(Path p, Block model, Optimizer opt, TrainState st) {
    save(p, model, opt, st.toMeta(), "train()");
  }

  /**
   * Writes the model's state dict, the optimiser's state and {@code meta} (the caller's progress;
   * keys must not start with "optim.") to one .safetensors file, atomically. {@code fn} names the
   * caller in error messages.
   */
  public static void save(Path p, Block model, Optimizer opt, Map<String, String> meta, String fn) {
    Map<String, NdArray> arrays = new LinkedHashMap<>();
    model.stateDict().forEach((k, v) -> arrays.put(MODEL + k, Weights.fromNd(v.nd())));
    arrays.putAll(opt.stateArrays(OPTIM));
    Map<String, String> all = new LinkedHashMap<>(meta);
    all.put(TrainState.VERSION, "1");
    all.putAll(opt.stateMeta(OPTIM));
    try {
      SafeTensors.write(p, arrays, all);
    } catch (IOException e) {
      throw TangentError.runtime(fn + ": could not write the checkpoint " + p + ": " + dev.tangent.spi.IoErrors.describe(e));
    }
  }

  /** Restores model and optimiser in place and returns the saved progress; null when there is no file. */
  static TrainState load(Path p, Block model, Optimizer opt) {
    Map<String, String> meta = restore(p, model, opt, "train()");
    return meta == null ? null : TrainState.fromMeta(meta);
  }

  /**
   * Restores model and optimiser in place from a checkpoint written by {@link #save} and returns
   * its metadata; null when there is no file. A file of another kind, another optimiser or other
   * shapes is an error naming {@code fn}.
   */
  public static Map<String, String> restore(Path p, Block model, Optimizer opt, String fn) {
    if (!Files.exists(p)) return null;
    SafeTensors.File f;
    try {
      f = SafeTensors.read(p);
    } catch (IOException e) {
      throw TangentError.runtime(fn + ": could not read the checkpoint " + p + ": "
          + (e instanceof dev.tangent.io.array.ArrayFormatException ? dev.tangent.spi.Printable.of(e.getMessage(), 300)
              : dev.tangent.spi.IoErrors.describe(e)));
    }
    Map<String, String> meta = f.metadata();
    if (!"1".equals(meta.get(TrainState.VERSION))) {
      throw TangentError.runtime(fn + ": " + p + " is not a Tangent training checkpoint");
    }
    if (!opt.kind().equals(meta.get(OPTIM + "kind"))) {
      throw TangentError.runtime(fn + ": the checkpoint " + p + " was written with " + meta.get(OPTIM + "kind")
          + ", not " + opt.kind());
    }
    Map<String, NdArray> modelArrays = new LinkedHashMap<>();
    Map<String, NdArray> optArrays = new LinkedHashMap<>();
    f.tensors().forEach((k, v) -> {
      if (k.startsWith(MODEL)) modelArrays.put(k.substring(MODEL.length()), v);
      else if (k.startsWith(OPTIM)) optArrays.put(k, v);
    });
    Weights.load(model, modelArrays, true, "checkpoint " + p.getFileName());
    opt.restore(optArrays, meta, OPTIM);
    return meta;
  }
}
