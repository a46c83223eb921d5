package dev.tangent.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import dev.tangent.core.tensor.NumpyFixtures;
import dev.tangent.core.tensor.Tensor;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The same scripts on the pure-Java path and on ND4J give the same results, and mix freely. */
class Nd4jParityTest {
  static final Path CASES = Path.of("../core/src/test/resources/tensor/numpy_cases.json");

  @TestFactory Stream<DynamicTest> numpyCasesWithEveryInputOnNd4j() throws Exception {
    return NumpyFixtures.tests(CASES, ", device: \"cpu\"", "cpu");
  }

  static String run(String script) {
    StringWriter out = new StringWriter();
    Tangent t = Tangent.builder().output(out).build();
    t.evalRaw(script);
    return out.toString();
  }

  @Test void aScriptPrintsTheSameOnBothDevices() {
    String script = """
        let A = tensor([[1, 2, 3], [4, 5, 6]], device: "DEV")
        let v = tensor([0.5, -1, 2], dtype: "f32", device: "DEV")
        print(A * v, (A * v).dtype)
        print(A @ A.T, A.sum(axis: 1), A.argmax(axis: 0))
        print(A[A > 2], A[:, ::-1], A[[1, 0], 1:])
        var B = A.copy()
        B[0, :] = 9
        B[B > 8] = -1
        print(B, where(B < 0, B, 0))
        print(exp(v), sin(v), v.mean(), v.astype("i64"))
        print(inv(tensor([[2, 1], [1, 3]], device: "DEV")), det(tensor([[2, 1], [1, 3]], device: "DEV")))
        print(concat([A, A]).shape, stack([A, A], axis: 2).shape, A.reshape(3, 2), A.T.info())
        print(randn(2, 3, seed: 5, device: "DEV"), rand(4, seed: 2, dtype: "f32", device: "DEV"))
        """;
    String java = run(script.replace("DEV", "java"));
    String nd4j = run(script.replace("DEV", "cpu"));
    assertEquals(java.replace("device=java", "device=cpu"), nd4j);
    assertTrue(nd4j.contains("device=cpu"), nd4j);
  }

  @Test void mixingDevicesPutsResultsOnNd4jAndLargeResultsMoveThere() {
    Tangent t = Tangent.builder().output(new StringWriter()).build();
    assertEquals("cpu", t.evalRaw("(tensor([1, 2]) + tensor([3, 4], device: \"cpu\")).device"));
    assertEquals(java.util.List.of(4.0, 6.0), t.eval("(tensor([1, 2]) + tensor([3, 4], device: \"cpu\")).tolist()"));
    assertEquals("java", t.evalRaw("tensor([1, 2]).device"));
    assertEquals("cpu", t.evalRaw("zeros(300, 300).device"));
    assertEquals("cpu", t.evalRaw("(ones(10, 10) + zeros(1000, 1, 1)).device"));
    assertEquals("java", t.evalRaw("zeros(300, 300, device: \"java\")[0:2, 0:2].device"));
    assertEquals("java", t.evalRaw("zeros(3, 3, device: \"cpu\").to(\"java\").device"));
    // A large tensor built through the stable Java API is a Java tensor, and its results stay there
    // (as those of one placed with device: "java"); with a small operand on ND4J they still do.
    Tensor big = Tensor.ofFloats(new int[] {400, 400}, new float[160_000]);
    t.set("big", big);
    assertEquals("java", t.evalRaw("big.device"));
    assertEquals("java", t.evalRaw("(big + 1).device"));
    assertEquals("f32", t.evalRaw("(big + 1).dtype"));
    assertEquals("java", t.evalRaw("(big + tensor([1.0], device: \"cpu\")).device"));
    assertEquals("cpu", t.evalRaw("(big.to(\"cpu\") + 1).device"));
  }

  @Test void largeTensorsPlacedInJavaKeepTheirResultsInJava() {
    Tangent t = Tangent.builder().output(new StringWriter()).build();
    t.evalRaw("let u = randn(100000, 3, seed: 1, device: \"java\") * tensor([0.1, 0.2, 0.3])\n"
        + "let v = randn(100000, 3, seed: 1) * tensor([0.1, 0.2, 0.3])");
    assertEquals("java", t.evalRaw("u.device"));
    assertEquals("cpu", t.evalRaw("v.device"));
    for (String e : new String[] {"u * 2 + 1", "exp(u)", "u.T", "u[0:50000]", "u.reshape(3, 100000)", "u + v", "where(u > 0, u, 0)"}) {
      assertEquals("java", t.evalRaw("(" + e + ").device"), e);
      assertEquals(t.eval("(" + e.replace("u", "v") + ").sum()"), t.eval("(" + e + ").sum()"), e);   // the same values as on ND4J
    }
    assertEquals("cpu", t.evalRaw("(v * 2).device"));
  }

  @Test void smallResultsOfLargeNd4jTensorsComeBackToJavaWithTheSameValues() {
    Tangent t = Tangent.builder().output(new StringWriter()).build();
    t.evalRaw("let u = randn(100000, 3, seed: 1)\nlet h = u.to(\"java\")\nlet m = u > 0\nlet f = u.astype(\"f32\")");
    assertEquals("cpu", t.evalRaw("u.device"));
    for (String e : new String[] {"u[5]", "u[-1]", "u[7, 1:]", "u[10:12]", "u[[3, 99999, 3]]", "u[::50000, ::2]",
        "m[7]", "f[99998]", "u.sum(axis: 0)", "u[4] + u[5]"}) {
      assertEquals("java", t.evalRaw("(" + e + ").device"), e);
      assertEquals(t.eval("(" + e.replace("u[", "h[").replace("u.", "h.").replace("m[", "(h > 0)[")
          .replace("f[", "h.astype(\"f32\")[") + ").tolist()"), t.eval("(" + e + ").tolist()"), e);
    }
    // A small tensor placed on ND4J on purpose keeps its results there.
    assertEquals("cpu", t.evalRaw("(tensor([1, 2], device: \"cpu\")[0:1] * 2).device"));
    assertEquals("cpu", t.evalRaw("(u[0:100000, 0] + 1).device"));
  }

  @Test void largeFusedChainsGiveTheSameBitsOnBothDevices() {
    Tangent t = Tangent.builder().output(new StringWriter()).build();
    t.evalRaw("let x = rand(300, 400, seed: 3, dtype: \"f32\", device: \"cpu\") * 6 - 3\nlet h = x.to(\"java\")");
    assertEquals("cpu", t.evalRaw("x.device"));
    assertEquals("java", t.evalRaw("h.device"));
    Tensor onNd4j = (Tensor) t.evalRaw("exp(x) * 2 + sin(x) / (1 + x * x)");
    Tensor onJava = (Tensor) t.evalRaw("exp(h) * 2 + sin(h) / (1 + h * h)");
    assertEquals("cpu", onNd4j.device());
    org.junit.jupiter.api.Assertions.assertArrayEquals(onJava.toFloatArray(), onNd4j.toFloatArray());
    assertEquals(t.evalRaw("(x @ x.T).sum()"), t.evalRaw("(h @ h.T).sum()"));
  }
}
