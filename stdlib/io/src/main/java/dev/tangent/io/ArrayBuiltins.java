package dev.tangent.io;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.io.array.ArrayFormatException;
import dev.tangent.io.array.NdArray;
import dev.tangent.io.array.Npy;
import dev.tangent.io.array.Npz;
import dev.tangent.io.array.SafeTensors;
import dev.tangent.spi.Args;
import dev.tangent.spi.AtomicFiles;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.Display;
import dev.tangent.spi.Nil;
import dev.tangent.spi.TMap;
import dev.tangent.spi.Types;
import dev.tangent.spi.ModuleBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** load_npy/save_npy, load_npz/save_npz, load_idx, load_safetensors/save_safetensors. */
final class ArrayBuiltins {
  private ArrayBuiltins() {}

  static Builtin[] define(ModuleBuilder m) {
    Builtin[] fns = {
        Builtin.of("load_npy(path)", "A tensor from a NumPy .npy file (any byte order, C or Fortran order).",
            a -> {
              Path p = readable(a, 0);
              try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(p))) {
                return ArrayConvert.toTensor(Npy.read(in, Files.size(p)));
              } catch (IOException e) {
                throw failure("load_npy", p, e);
              }
            }),
        Builtin.of("save_npy(path, tensor, dtype=nil)", "Writes a tensor as .npy (dtype: f64, f32, i64, u8 or bool; default the tensor's own).",
            a -> {
              Path p = writable(a, 0);
              NdArray arr = ArrayConvert.fromTensor(tensor(a, 1), a.str(2, null));
              try {
                AtomicFiles.write(p, out -> Npy.write(out, arr));
              } catch (IOException e) {
                throw failure("save_npy", p, e);
              }
              return Nil.NIL;
            }),
        Builtin.of("load_npz(path)", "A map from member name to tensor, from a NumPy .npz archive (np.savez or np.savez_compressed).",
            a -> {
              Path p = readable(a, 0);
              try {
                return toMap(Npz.read(p));
              } catch (IOException e) {
                throw failure("load_npz", p, e);
              }
            }),
        Builtin.of("save_npz(path, arrays, compress=false)", "Writes a map of name to tensor as a .npz archive.",
            a -> {
              Path p = writable(a, 0);
              try {
                Npz.write(p, fromMap(a, 1), a.bool(2, false));
              } catch (IOException e) {
                throw failure("save_npz", p, e);
              }
              return Nil.NIL;
            }),
        Builtin.of("load_idx(path)", "A tensor from an IDX file (MNIST, Fashion-MNIST), gzipped or not. u8 images load as i64 values 0..255.",
            a -> {
              Path p = readable(a, 0);
              try {
                return ArrayConvert.toTensor(dev.tangent.io.array.Idx.read(p));
              } catch (IOException e) {
                throw failure("load_idx", p, e);
              }
            }),
        Builtin.of("load_safetensors(path)", "A map from tensor name to tensor, from a .safetensors file.",
            a -> {
              Path p = readable(a, 0);
              try {
                return toMap(SafeTensors.read(p).tensors());
              } catch (IOException e) {
                throw failure("load_safetensors", p, e);
              }
            }),
        Builtin.of("save_safetensors(path, tensors, metadata=nil)", "Writes a map of name to tensor as .safetensors; metadata is a map of strings.",
            a -> {
              Path p = writable(a, 0);
              Map<String, String> md = new LinkedHashMap<>();
              if (a.present(2)) {
                if (!(a.get(2) instanceof TMap mm)) throw a.typeError(2, "a Map");
                mm.entries.forEach((k, v) -> md.put(Display.str(k), Display.str(v)));
              }
              try {
                SafeTensors.write(p, fromMap(a, 1), md);
              } catch (IOException e) {
                throw failure("save_safetensors", p, e);
              }
              return Nil.NIL;
            })};
    m.functions(fns);
    return fns;
  }

  static Path readable(Args a, int i) {
    return a.ctx().permissions.checkRead(Path.of(a.str(i)));
  }

  static Path writable(Args a, int i) {
    return a.ctx().permissions.checkWrite(Path.of(a.str(i)));
  }

  static Tensor tensor(Args a, int i) {
    Object v = a.get(i);
    if (v instanceof Tensor t) return t;
    throw a.typeError(i, "a Tensor");
  }

  static TMap toMap(Map<String, NdArray> arrays) {
    TMap out = new TMap();
    for (Map.Entry<String, NdArray> e : arrays.entrySet()) out.put(e.getKey(), ArrayConvert.toTensor(e.getValue()));
    return out;
  }

  static Map<String, NdArray> fromMap(Args a, int i) {
    if (!(a.get(i) instanceof TMap m)) throw a.typeError(i, "a Map of name to Tensor");
    Map<String, NdArray> out = new LinkedHashMap<>();
    for (Map.Entry<Object, Object> e : m.entries.entrySet()) {
      if (!(e.getValue() instanceof Tensor t)) {
        throw TangentError.runtime("entry " + Display.repr(e.getKey()) + " is a " + Types.typeName(e.getValue()) + ", not a Tensor");
      }
      out.put(Display.str(e.getKey()), ArrayConvert.fromTensor(t, null));
    }
    return out;
  }

  static TangentError failure(String fn, Path p, IOException e) {
    String why = e instanceof ArrayFormatException ? dev.tangent.spi.Printable.of(e.getMessage(), 300)
        : dev.tangent.spi.IoErrors.describe(e);
    return TangentError.runtime(fn + "(): " + p + ": " + why);
  }
}
