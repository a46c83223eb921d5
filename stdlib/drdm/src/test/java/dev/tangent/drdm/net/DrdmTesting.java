package dev.tangent.drdm.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tangent.api.Tangent;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.io.array.NdArray;
import dev.tangent.io.array.Npz;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.value.DTensor;
import dev.tangent.spi.Permissions;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

/** An interpreter with nn and drdm imported, its engine session, the shared test data and small array helpers. */
final class DrdmTesting {
  final StringWriter out = new StringWriter();
  final Tangent t;
  final Session session;
  final NDManager m;

  DrdmTesting() {
    t = Tangent.builder().output(out).errors(new StringWriter()).permissions(Permissions.all())
        .importModule("nn").importModule("drdm").build();
    session = Session.of(t.interpreter().context());
    m = session.manager();
  }

  Object eval(String code) { return t.evalRaw(code); }

  double num(String code) { return (Double) t.eval(code); }

  double[] values(String code) {
    Object v = t.evalRaw(code);
    if (v instanceof DTensor d) return d.toTensor().toDoubleArray();
    return ((Tensor) v).toDoubleArray();
  }

  static Path testdata(String name) {
    return Path.of("../../testdata").resolve(name).toAbsolutePath().normalize();
  }

  /** testdata/drdm/drdm-testvectors.json (values from the reference code). */
  static JsonObject vectors() {
    try {
      return JsonParser.parseString(Files.readString(testdata("drdm/drdm-testvectors.json"))).getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, NdArray> npz(String name) {
    try {
      return Npz.read(testdata(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON array of arrays of numbers, flattened row-major. */
  static double[] flat(JsonElement e) {
    java.util.List<Double> out = new java.util.ArrayList<>();
    flatten(e, out);
    double[] d = new double[out.size()];
    for (int i = 0; i < d.length; i++) d[i] = out.get(i);
    return d;
  }

  private static void flatten(JsonElement e, java.util.List<Double> out) {
    if (e.isJsonArray()) {
      for (JsonElement x : (JsonArray) e) flatten(x, out);
    } else {
      out.add(e.getAsDouble());
    }
  }

  NDArray f64(double[] v, long... shape) { return m.create(v, new Shape(shape)); }

  NDArray f32(float[] v, long... shape) { return m.create(v, new Shape(shape)); }

  static double[] uniform(long seed, int n, double lo, double hi) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = lo + (hi - lo) * r.nextDouble();
    return v;
  }

  static double[] doubles(NDArray a) { return a.toType(DataType.FLOAT64, false).toDoubleArray(); }

  static double maxAbsDiff(double[] a, double[] b) {
    if (a.length != b.length) throw new AssertionError("lengths " + a.length + " and " + b.length);
    double m = 0;
    for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
    return m;
  }

  static double maxAbs(double[] a) {
    double m = 0;
    for (double x : a) m = Math.max(m, Math.abs(x));
    return m;
  }
}
