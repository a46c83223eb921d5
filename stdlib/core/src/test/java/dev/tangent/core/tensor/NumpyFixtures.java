package dev.tangent.core.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import dev.tangent.spi.Permissions;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The numpy-computed cases of src/test/resources/tensor/numpy_cases.json (written by
 * make_fixtures.py), run as dynamic tests. The tensor module runs the same cases on ND4J.
 */
public final class NumpyFixtures {
  private NumpyFixtures() {}

  public static Tangent interpreter() {
    return Tangent.builder().output(new StringWriter()).permissions(Permissions.all()).build();
  }

  /** The cases, read with the interpreter itself (the JSON is a Tangent map literal). */
  public static TMap load(Path json) throws Exception {
    return (TMap) interpreter().evalRaw(Files.readString(json));
  }

  /**
   * One dynamic test per case; device is "" for the default placement or e.g. ', device: "cpu"',
   * and expectDevice the device every tensor result must report (null: don't check).
   */
  public static Stream<DynamicTest> tests(Path json, String device, String expectDevice) throws Exception {
    TMap all = load(json);
    String prelude = ((String) all.get("prelude")).replace("{dev}", device);
    List<DynamicTest> out = new ArrayList<>();
    for (Object o : ((TList) all.get("cases")).items) {
      TMap c = (TMap) o;
      String expr = (String) c.get("expr");
      out.add(DynamicTest.dynamicTest(expr, () -> check(prelude, c, device, expectDevice)));
    }
    return out.stream();
  }

  static void check(String prelude, TMap c, String device, String expectDevice) {
    Tangent t = interpreter();
    t.evalRaw(prelude);
    String expr = ((String) c.get("expr")).replace("{dev}", device);
    Object v = t.evalRaw(expr);
    String dtype = (String) c.get("dtype");
    List<Object> values = ((TList) c.get("values")).items;
    if ((Boolean) c.get("scalar")) {
      if (dtype.equals("bool")) assertEquals(values.get(0), v, expr);
      else assertClose(dtype, (Double) values.get(0), (Double) v, expr);
      return;
    }
    Tensor r = assertInstanceOf(Tensor.class, v, expr);
    int[] shape = ((TList) c.get("shape")).items.stream().mapToInt(d -> (int) (double) (Double) d).toArray();
    assertArrayEquals(shape, r.shape(), expr + ": shape");
    assertEquals(dtype, r.dtype(), expr + ": dtype");
    if (expectDevice != null) assertEquals(expectDevice, r.device(), expr + ": device");
    double[] got = r.toDoubleArray();
    for (int k = 0; k < got.length; k++) {
      Object want = values.get(k);
      double w = want instanceof Boolean b ? (b ? 1 : 0) : (Double) want;
      assertClose(dtype, w, got[k], expr + " element " + k);
    }
  }

  static void assertClose(String dtype, double want, double got, String what) {
    double rtol = dtype.equals("f32") ? 2e-6 : 1e-12;
    double atol = dtype.equals("f32") ? 1e-6 : 1e-12;
    assertTrue(Math.abs(want - got) <= atol + rtol * Math.abs(want) || (Double.isNaN(want) && Double.isNaN(got)),
        what + ": expected " + want + ", got " + got);
  }
}
