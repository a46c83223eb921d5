package dev.tangent.io;

import dev.tangent.spi.TangentError;
import dev.tangent.spi.Args;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.TMap;
import dev.tangent.spi.ModuleBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** load(path) and save(path, value): the format follows the file name. */
final class FileBuiltins {
  private FileBuiltins() {}

  private static final String[][] READERS = {
    {".nii.gz", "load_nifti"}, {".nii", "load_nifti"}, {".hdr", "load_nifti"},
    {".npy", "load_npy"}, {".npz", "load_npz"}, {".safetensors", "load_safetensors"},
    {".png", "load_image"}, {".jpg", "load_image"}, {".jpeg", "load_image"},
    {".csv", "load_csv"}, {".tsv", "load_csv"},
    {"-ubyte.gz", "load_idx"}, {"-ubyte", "load_idx"}, {".idx.gz", "load_idx"}, {".idx", "load_idx"},
  };

  private static final String[][] WRITERS = {
    {".nii.gz", "save_nifti"}, {".nii", "save_nifti"},
    {".npy", "save_npy"}, {".npz", "save_npz"}, {".safetensors", "save_safetensors"},
    {".png", "save_image"}, {".jpg", "save_image"}, {".jpeg", "save_image"},
    {".csv", "save_csv"}, {".tsv", "save_csv"},
  };

  static void define(ModuleBuilder m, List<Builtin> all) {
    Map<String, Builtin> byName = new HashMap<>();
    for (Builtin b : all) byName.put(b.name(), b);
    m.functions(
        Builtin.of("load(path, **options)",
            "Reads a file by its name: .npy, .npz, .safetensors, .nii/.nii.gz, .png/.jpg, .csv/.tsv, IDX (-ubyte, .idx, "
                + "gzipped or not). Options go to the specific reader (load_image's mode:, load_csv's header:...).",
            a -> dispatch(a, READERS, byName, "load", 1)),
        Builtin.of("save(path, value, **options)",
            "Writes a value to a file in the format its name says: .npy, .npz, .safetensors, .nii/.nii.gz, "
                + ".png/.jpg, .csv/.tsv. Options go to the specific writer. Atomic, like every write.",
            a -> dispatch(a, WRITERS, byName, "save", 2)));
  }

  private static Object dispatch(Args a, String[][] table, Map<String, Builtin> byName, String fn, int positional) {
    String path = a.str(0);
    String lower = path.toLowerCase(Locale.ROOT);
    for (String[] e : table) {
      if (!lower.endsWith(e[0])) continue;
      Builtin target = byName.get(e[1]);
      TMap kw = a.kwargs();
      boolean tsv = lower.endsWith(".tsv") && !kw.has("delimiter");
      List<Object> args = new ArrayList<>();
      for (int i = 0; i < positional; i++) args.add(a.get(i));
      List<String> names = new ArrayList<>();
      kw.entries.forEach((k, v) -> {
        names.add((String) k);
        args.add(v);
      });
      if (tsv) {
        names.add("delimiter");
        args.add("\t");
      }
      return target.call(a.ctx(), args.toArray(), names.isEmpty() ? null : names.toArray(new String[0]));
    }
    StringBuilder known = new StringBuilder();
    for (String[] e : table) known.append(known.length() > 0 ? ", " : "").append(e[0]);
    throw TangentError.runtime(fn + "(): cannot tell the format of " + path + " from its name (known: " + known + ")");
  }
}
