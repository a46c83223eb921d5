package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.TangentException;
import org.junit.jupiter.api.Test;

/** Devices (honest about the natives in use) and the messages bad input gets. */
class DeviceAndErrorsTest {
  static String error(NnTesting n, String code) {
    TangentException e = assertThrows(TangentException.class, () -> n.eval(code));
    String f = e.format();
    assertFalse(f.contains("\tat ") || f.contains("frame #") || f.contains("Exception raised from"), "no stack traces: " + f);
    return f;
  }

  @Test void gpuNeedsCudaNativesAndAutoFallsBackWithAWarning() {
    NnTesting n = new NnTesting();
    boolean cuda = (Boolean) n.eval("nn.info().contains(\"CUDA\")");
    if (!cuda) {
      String f = error(n, "nn.linear(2, 2, device: \"gpu\")");
      assertTrue(f.contains("device \"gpu\": the PyTorch natives in use (2.7.1, CPU build from the pytorch-native-cpu jar) have no CUDA support"), f);
      assertTrue(f.contains("device: \"auto\""), "the hint names the fallback: " + f);
      assertEquals("cpu()", n.eval("nn.device(\"auto\")"));
      assertTrue(n.err.toString().contains("nn: device \"auto\":"), n.err.toString());
      assertEquals("cpu()", n.eval("nn.linear(2, 2)(tensor([[1, 2]])).device"));
    }
    assertEquals("cpu()", n.eval("nn.device(\"cpu\")"));
    contains(n, "nn.device(\"tpu\")", "unknown device \"tpu\"");
  }

  static void contains(NnTesting n, String code, String part) {
    String f = error(n, code);
    assertTrue(f.contains(part), f);
  }

  @Test void shapeMismatchesNameTheShapes() {
    NnTesting n = new NnTesting();
    String f = error(n, "let lin = nn.linear(3, 2)\nlin(tensor([[1, 2, 3, 4]]))");
    assertTrue(f.startsWith("<eval>:2:1: error: Linear(): "), f);
    assertTrue(f.contains("1x4") && f.contains("3x2"), f);
    f = error(n, "nn.conv2d(3, 4, 3)(zeros(1, 2, 8, 8))");
    assertTrue(f.contains("Conv2d expects 3 input channels, got 2 (shape (1, 2, 8, 8))"), f);
    f = error(n, "nn.cross_entropy(nn.dtensor(zeros(4, 3)), tensor([1, 2]))");
    assertTrue(f.contains("labels of shape (2) do not match logits (4, 3)"), f);
    f = error(n, "nn.embedding(5, 2)(tensor([7]))");
    assertTrue(f.contains("Embedding(): index out of range"), f);
  }

  @Test void argumentErrorsAreExplained() {
    NnTesting n = new NnTesting();
    contains(n, "nn.linear(0, 2)", "linear(): argument 'in_features' must be at least 1, got 0");
    contains(n, "nn.dropout(1.5)", "dropout probability must be in [0, 1], got 1.5");
    contains(n, "nn.conv2d(4, 6, 3, groups: 4)", "groups (4) must divide");
    contains(n, "nn.adam([nn.dtensor(zeros(2))])", "is not a parameter");
    contains(n, "nn.linear(2, 2, dtype: \"f16\")", "unsupported dtype \"f16\"");
    contains(n, "nn.dtensor(zeros(3)).sum().backward()", "the value does not depend on any array that requires a gradient");
    contains(n, "nn.param(zeros(3)).backward()", "needs a scalar");
    contains(n, "nn.grad(p => 3)(tensor([1.0]))", "must return a scalar DTensor, got Number");
    contains(n, "nn.load_transformer(\"/no/such.npz\")", "no such file");
    contains(n, "nn.train(nn.linear(2, 2), (zeros(4, 2), zeros(3)))", "the inputs have 4 samples but the targets 3");
  }
}
