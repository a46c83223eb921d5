package dev.tangent.nn.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.tangent.spi.TangentError;
import dev.tangent.io.array.ArrayFormatException;
import dev.tangent.io.array.DType;
import dev.tangent.io.array.NdArray;
import dev.tangent.io.array.Npz;
import dev.tangent.io.array.SafeTensors;
import dev.tangent.nn.engine.Convert;
import dev.tangent.nn.engine.Owned;
import dev.tangent.nn.layers.Block;
import dev.tangent.nn.value.DTensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** State dicts to and from .npz and .safetensors, through the io module's codecs. */
public final class Weights {
  private Weights() {}

  public enum Format { NPZ, SAFETENSORS }

  public static Format format(Path p) {
    String n = p.getFileName().toString().toLowerCase();
    if (n.endsWith(".npz")) return Format.NPZ;
    if (n.endsWith(".safetensors")) return Format.SAFETENSORS;
    throw TangentError.runtime(p + ": weights files must end in .npz or .safetensors");
  }

  public static Map<String, NdArray> readArrays(Path p) {
    try {
      return format(p) == Format.NPZ ? Npz.read(p) : SafeTensors.read(p).tensors();
    } catch (IOException e) {
      throw failure(p, e);
    }
  }

  /** Writes atomically (both codecs go through AtomicFiles). */
  public static void writeArrays(Path p, Map<String, NdArray> arrays, Map<String, String> metadata) {
    try {
      if (format(p) == Format.NPZ) Npz.write(p, arrays, false);
      else SafeTensors.write(p, arrays, metadata);
    } catch (IOException e) {
      throw failure(p, e);
    }
  }

  static TangentError failure(Path p, IOException e) {
    String why = e instanceof ArrayFormatException ? dev.tangent.spi.Printable.of(e.getMessage(), 300)
        : dev.tangent.spi.IoErrors.describe(e);
    return TangentError.runtime(p + ": " + why);
  }

  /** A file array as an engine array (libtorch's own memory); floats become {@code floatType} (null keeps f32/f64). */
  public static NDArray toNd(NDManager m, NdArray a, DataType floatType) {
    if (floatType != null && !floatType.isFloating()) {
      if (floatType == DataType.INT64) return Owned.of(m, a.toLongs(), Convert.shape(a.shape));
      floatType = null;
    }
    ai.djl.ndarray.types.Shape shape = Convert.shape(a.shape);
    if (a.dtype.isFloat()) {
      DataType t = floatType != null ? floatType : a.dtype == DType.F64 ? DataType.FLOAT64 : DataType.FLOAT32;
      return t == DataType.FLOAT64 ? Owned.of(m, a.toDoubles(), shape) : Owned.of(m, a.toFloats(), shape);
    }
    if (a.dtype == DType.BOOL) {
      byte[] b = a.bytes();
      boolean[] v = new boolean[b.length];
      for (int i = 0; i < v.length; i++) v[i] = b[i] != 0;
      return Owned.of(m, v, shape);
    }
    return Owned.of(m, a.toLongs(), shape);
  }

  /** The exact values of an engine array, for writing (f32 stays f32 bit for bit). */
  public static NdArray fromNd(NDArray a) {
    int[] shape = Convert.ints(a.getShape());
    switch (a.getDataType()) {
      case FLOAT32: return NdArray.ofFloats(shape, a.toFloatArray());
      case FLOAT64: return NdArray.ofDoubles(shape, a.toDoubleArray());
      case INT64: return NdArray.ofLongs(shape, a.toLongArray());
      case BOOLEAN: {
        boolean[] v = a.toBooleanArray();
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) b[i] = (byte) (v[i] ? 1 : 0);
        return NdArray.ofBytes(DType.BOOL, shape, b);
      }
      default:
        try (NDArray l = a.toType(DataType.INT64, true)) {
          return NdArray.ofLongs(shape, l.toLongArray());
        }
    }
  }

  /**
   * Overwrites dst's values in place (same dtype and size), so that optimisers holding the
   * parameter keep working after weights or a checkpoint are loaded.
   */
  public static void copyInto(NDArray dst, NDArray src) {
    NDArray s = src.getDataType() == dst.getDataType() ? src : src.toType(dst.getDataType(), false);
    if (!dst.getDevice().equals(s.getDevice())) s = s.toDevice(dst.getDevice(), false);
    NDArray from = s;
    // An indexed assignment copies in libtorch. (NDArray.set(ByteBuffer) would alias the buffer's memory.)
    dev.tangent.nn.engine.Grad.noGrad(() -> dst.set(new ai.djl.ndarray.index.NDIndex("..."), from));
  }

  public static void save(Block model, Path p) {
    Map<String, NdArray> out = new LinkedHashMap<>();
    model.stateDict().forEach((k, v) -> out.put(k, fromNd(v.nd())));
    writeArrays(p, out, Map.of("format", "pt"));
  }

  /** Loads a state dict into the model; strict demands the same names (PyTorch's num_batches_tracked is skipped). */
  public static void load(Block model, Map<String, NdArray> arrays, boolean strict, String source) {
    Map<String, DTensor> have = model.stateDict();
    List<String> missing = new ArrayList<>();
    for (String k : have.keySet()) if (!arrays.containsKey(k)) missing.add(k);
    List<String> unexpected = new ArrayList<>();
    for (String k : arrays.keySet()) if (!have.containsKey(k) && !k.endsWith("num_batches_tracked")) unexpected.add(k);
    if (strict && (!missing.isEmpty() || !unexpected.isEmpty())) {
      throw TangentError.runtime(source + ": the weights do not match the model"
          + (missing.isEmpty() ? "" : "; missing " + missing) + (unexpected.isEmpty() ? "" : "; unexpected " + unexpected))
          .withHint("pass strict: false to load only the names both have");
    }
    for (Map.Entry<String, DTensor> e : have.entrySet()) {
      NdArray a = arrays.get(e.getKey());
      if (a == null) continue;
      NDArray cur = e.getValue().nd();
      if (!cur.getShape().equals(Convert.shape(a.shape))) {
        throw TangentError.runtime(source + ": '" + e.getKey() + "' has shape " + java.util.Arrays.toString(a.shape)
            + " in the file but " + cur.getShape() + " in the model");
      }
      try (NDArray v = toNd(cur.getManager(), a, cur.getDataType())) {
        copyInto(cur, v);
      }
    }
  }
}
