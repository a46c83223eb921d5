package dev.tangent.drdm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tangent.api.Tangent;
import dev.tangent.drdm.field.Deformation;
import dev.tangent.nn.engine.Session;
import dev.tangent.nn.value.DTensor;
import java.util.ArrayList;
import java.util.SplittableRandom;
import dev.tangent.api.TangentException;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.io.array.MiniJson;
import dev.tangent.io.array.NdArray;
import dev.tangent.io.array.Npz;
import dev.tangent.spi.Permissions;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The drdm tests' one helper: an interpreter with nn and drdm imported, the engine session (made
 * on first use, so field tests never start DJL), the reference data in testdata/, comparisons.
 */
public final class DrdmTesting {
  public final StringWriter out = new StringWriter();
  public final Tangent t;
  private Session session;

  public DrdmTesting() {
    t = Tangent.builder().output(out).errors(new StringWriter()).permissions(Permissions.all())
        .importModule("nn").importModule("drdm").build();
  }

  public Object eval(String code) { return t.evalRaw(code); }

  public double num(String code) { return (Double) t.evalRaw(code); }

  /** The numbers of a Tensor, DTensor or Deformation (voxels) result. */
  public double[] values(String code) {
    Object v = t.evalRaw(code);
    if (v instanceof DTensor d) return d.toTensor().toDoubleArray();
    if (v instanceof Deformation phi) return phi.toTensor().toDoubleArray();
    return ((Tensor) v).toDoubleArray();
  }

  /** The interpreter's engine session (starts DJL). */
  public synchronized Session session() {
    if (session == null) session = Session.of(t.interpreter().context());
    return session;
  }

  public NDManager m() { return session().manager(); }

  public NDArray f64(double[] v, long... shape) { return m().create(v, new Shape(shape)); }

  public NDArray f32(float[] v, long... shape) { return m().create(v, new Shape(shape)); }

  public static double[] uniform(long seed, int n, double lo, double hi) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = lo + (hi - lo) * r.nextDouble();
    return v;
  }

  public static double[] doubles(NDArray a) { return a.toType(DataType.FLOAT64, false).toDoubleArray(); }

  /** drdm-testvectors.json as a Gson tree (the network tests' reading). */
  public static JsonObject vectorsJson() {
    try {
      return JsonParser.parseString(Files.readString(testdata("drdm/drdm-testvectors.json"))).getAsJsonObject();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A JSON array of arrays of numbers, flattened row-major. */
  public static double[] flat(JsonElement e) {
    List<Double> acc = new ArrayList<>();
    flattenJson(e, acc);
    double[] d = new double[acc.size()];
    for (int i = 0; i < d.length; i++) d[i] = acc.get(i);
    return d;
  }

  private static void flattenJson(JsonElement e, List<Double> acc) {
    if (e.isJsonArray()) for (JsonElement x : (JsonArray) e) flattenJson(x, acc);
    else acc.add(e.getAsDouble());
  }

  /** The formatted error of code that must fail: positioned, without a Java stack trace. */
  public String error(String code) {
    TangentException e = assertThrows(TangentException.class, () -> t.evalRaw(code));
    String f = e.format();
    assertFalse(f.contains("\tat ") || f.contains("Exception"), "no Java stack trace or exception name: " + f);
    return f;
  }

  public static final Path TESTDATA = Path.of("../../testdata").toAbsolutePath().normalize();

  public static Path testdata(String relative) {
    Path p = TESTDATA.resolve(relative);
    if (!Files.isRegularFile(p)) {
      fail("missing " + p + (relative.startsWith("debian/")
          ? ": run testdata/fetch-debian-data.sh (apt-get download + dpkg -x of python3-nibabel and python3-skimage)" : ""));
    }
    return p;
  }

  /** The arrays of a .npz under testdata/. */
  public static Map<String, NdArray> npz(String relative) {
    try {
      return Npz.read(testdata(relative));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** drdm-testvectors.json (computed with the authors' code, see testdata/README.md). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> vectors() {
    try {
      return (Map<String, Object>) MiniJson.parse(Files.readString(testdata("drdm/drdm-testvectors.json")));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Numbers of a (nested) JSON array, flattened in order. */
  public static double[] flat(Object json) {
    if (json instanceof JsonElement e) return flat(e);
    java.util.ArrayList<Double> acc = new java.util.ArrayList<>();
    flatten(json, acc);
    double[] d = new double[acc.size()];
    for (int i = 0; i < d.length; i++) d[i] = acc.get(i);
    return d;
  }

  private static void flatten(Object o, List<Double> acc) {
    if (o instanceof List<?> l) for (Object x : l) flatten(x, acc);
    else acc.add(((Number) o).doubleValue());
  }

  public static double maxAbs(double[] a) {
    double m = 0;
    for (double x : a) m = Math.max(m, Math.abs(x));
    return m;
  }

  public static double maxAbsDiff(double[] a, double[] b) {
    assertEquals(a.length, b.length, "lengths");
    double m = 0;
    for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
    return m;
  }

  public static double[] doubles(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) d[i] = f[i];
    return d;
  }

  /** Asserts |a - b| <= atol + rtol |b| everywhere, naming the worst element. */
  public static void assertClose(double[] expected, double[] actual, double rtol, double atol, String what) {
    assertEquals(expected.length, actual.length, what + ": lengths");
    int worst = -1;
    double excess = 0;
    for (int i = 0; i < expected.length; i++) {
      double d = Math.abs(expected[i] - actual[i]) - (atol + rtol * Math.abs(expected[i]));
      if (d > excess || Double.isNaN(actual[i]) != Double.isNaN(expected[i])) {
        excess = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
        worst = i;
      }
    }
    if (worst >= 0) fail(what + ": element " + worst + " is " + actual[worst] + ", expected " + expected[worst]);
  }
}
