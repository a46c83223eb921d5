package dev.tangent.drdm.cluster;

import ai.djl.ndarray.types.DataType;
import dev.tangent.drdm.net.NetworkLoader;
import dev.tangent.drdm.net.RecResACNet;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.weights.Weights;
import dev.tangent.spi.TangentError;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A network as it travels: its weights as the bytes of an .npz file (the same file
 * drdm.load_network reads, with the reference's state_dict names), its float type, and a digest
 * that names it in the executors' caches.
 */
record NetBytes(byte[] npz, boolean f64, String digest) implements Serializable {
  static NetBytes of(RecResACNet net) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("tangent-drdm-net", ".npz");
      Weights.save(net, tmp);
      byte[] b = Files.readAllBytes(tmp);
      return new NetBytes(b, net.floatType() == DataType.FLOAT64, digest(b));
    } catch (IOException e) {
      throw TangentError.runtime("cannot pack the network's weights for the executors: " + e.getMessage());
    } finally {
      deleteQuietly(tmp);
    }
  }

  /** The network again, in a session of this JVM (an executor's). */
  RecResACNet load(Session s) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("tangent-drdm-net", ".npz");
      Files.write(tmp, npz);
      return NetworkLoader.load(s, tmp, f64 ? DataType.FLOAT64 : DataType.FLOAT32, s.device());
    } catch (IOException e) {
      throw TangentError.runtime("cannot unpack the network's weights on the executor: " + e.getMessage());
    } finally {
      deleteQuietly(tmp);
    }
  }

  private static String digest(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path p) {
    if (p == null) return;
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a temporary file left in java.io.tmpdir
    }
  }
}
