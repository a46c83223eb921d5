package dev.tangent.drdm.net;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import dev.tangent.spi.TangentError;
import dev.tangent.io.array.NdArray;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.value.DTensor;
import dev.tangent.nn.weights.Weights;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A RecResACNet from PyTorch-named weights (.npz or .safetensors, the reference's state_dict keys).
 * The dimension comes from conv_out.weight; every key must be there with its shape, and no other.
 */
public final class NetworkLoader {
  private NetworkLoader() {}

  public static RecResACNet load(Session s, Path p, DataType dt, Device d) {
    String file = p.getFileName().toString();
    Map<String, NdArray> arrays = Weights.readArrays(p);
    NdArray out = arrays.get("conv_out.weight");
    if (out == null) {
      throw TangentError.runtime(file + " does not hold RecResACNet weights: it has no 'conv_out.weight' (its keys: "
          + sample(new ArrayList<>(arrays.keySet())) + ")");
    }
    int dims = out.shape.length - 2;
    if ((dims != 2 && dims != 3) || out.shape[0] != dims) {
      throw TangentError.runtime(file + ": 'conv_out.weight' has shape " + Arrays.toString(out.shape)
          + "; a RecResACNet has [2, 10, 3, 3] (2-D) or [3, 10, 3, 3, 3] (3-D)");
    }
    // Building draws an initialisation that the file overwrites: leave the user's random stream as it was.
    long seed = s.seed();
    long counter = s.counter();
    RecResACNet net = new RecResACNet(s, dims, dt, d);
    s.restoreRandom(seed, counter);
    check(net, arrays, file);
    Weights.load(net, arrays, true, file);
    return net;
  }

  /** Missing, unexpected and misshaped keys, each named. */
  static void check(RecResACNet net, Map<String, NdArray> arrays, String file) {
    Map<String, DTensor> want = net.stateDict();
    List<String> missing = new ArrayList<>();
    for (String k : want.keySet()) if (!arrays.containsKey(k)) missing.add(k);
    List<String> unexpected = new ArrayList<>();
    for (String k : arrays.keySet()) if (!want.containsKey(k)) unexpected.add(k);
    String kind = net.dims() + "-D RecResACNet";
    if (!missing.isEmpty()) {
      throw TangentError.runtime(file + ": the " + kind + " weights lack " + quoted(missing));
    }
    if (!unexpected.isEmpty()) {
      throw TangentError.runtime(file + ": unexpected key" + (unexpected.size() > 1 ? "s " : " ") + quoted(unexpected)
          + " for a " + kind);
    }
    for (Map.Entry<String, DTensor> e : want.entrySet()) {
      int[] have = arrays.get(e.getKey()).shape;
      long[] need = e.getValue().shape().getShape();
      if (!Arrays.equals(Arrays.stream(have).asLongStream().toArray(), need)) {
        throw TangentError.runtime(file + ": '" + e.getKey() + "' has shape " + Arrays.toString(have) + " in the file; the "
            + kind + " needs " + Arrays.toString(need));
      }
    }
  }

  private static String quoted(List<String> keys) {
    StringBuilder sb = new StringBuilder();
    int n = Math.min(keys.size(), 5);
    for (int i = 0; i < n; i++) sb.append(i > 0 ? ", " : "").append('\'').append(keys.get(i)).append('\'');
    if (keys.size() > n) sb.append(" and ").append(keys.size() - n).append(" more");
    return sb.toString();
  }

  private static String sample(List<String> keys) {
    if (keys.isEmpty()) return "none";
    List<String> head = keys.subList(0, Math.min(4, keys.size()));
    return String.join(", ", head) + (keys.size() > 4 ? ", ..." : "");
  }
}
