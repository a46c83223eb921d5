package dev.tangent.io;

import dev.tangent.spi.Builtin;
import dev.tangent.spi.ModuleBuilder;
import java.util.ArrayList;
import java.util.List;
import dev.tangent.spi.TangentModule;

/** Data formats. A prelude module: load(), save() and friends need no import. */
public final class IoModule implements TangentModule {
  @Override public String name() { return "io"; }

  @Override public String doc() {
    return "Reading and writing the files researchers have: NumPy .npy/.npz, .safetensors, IDX (MNIST), "
        + "NIfTI-1 volumes, PNG/JPEG pictures and CSV tables; load(path)/save(path, value) pick the format "
        + "from the name. Datasets: dataset(x, y).shuffle(seed).batch(n), dataset_idx(images, labels). "
        + "Every write is atomic and goes through the interpreter's file permissions.";
  }

  @Override public boolean prelude() { return true; }

  @Override public void define(ModuleBuilder m) {
    List<Builtin> all = new ArrayList<>();
    all.addAll(List.of(ArrayBuiltins.define(m)));
    all.addAll(List.of(NiftiBuiltins.define(m)));
    all.addAll(List.of(ImageBuiltins.define(m)));
    all.addAll(List.of(CsvBuiltins.define(m)));
    DatasetBuiltins.define(m);
    FileBuiltins.define(m, all);
  }
}
