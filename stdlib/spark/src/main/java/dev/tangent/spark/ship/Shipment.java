package dev.tangent.spark.ship;

import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a job sends its executors to run Tangent functions: one blob of bytes (the permissions of
 * the driver's interpreter, the modules its script imported, the source texts, the function table
 * with every function's outside values, and the root values: functions and data such as
 * aggregate's zero). Spark serializes it once per stage with the task closure; the id, a digest
 * of the bytes, keys the executors' cache of rebuilt functions.
 */
public final class Shipment implements Serializable {
  private static final long serialVersionUID = 1L;

  final byte[] data;
  final String id;

  Shipment(byte[] data) {
    this.data = data;
    this.id = digest(data);
  }

  public String id() { return id; }

  public int size() { return data.length; }

  private static String digest(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
