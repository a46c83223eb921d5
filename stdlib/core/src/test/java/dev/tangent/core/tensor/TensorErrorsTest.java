package dev.tangent.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import org.junit.jupiter.api.Test;

/** Bad shapes, dtypes, axes and devices give messages that name what was wrong (never a Java trace). */
class TensorErrorsTest {
  final Tangent t = NumpyFixtures.interpreter();

  String error(String code) {
    return assertThrows(TangentException.class, () -> t.evalRaw(code)).format();
  }

  void says(String code, String... parts) {
    String m = error(code);
    for (String p : parts) assertTrue(m.contains(p), "'" + code + "' said: " + m + "\n(expected to contain: " + p + ")");
    assertTrue(!m.contains("Exception") && !m.contains("\tat "), m);
  }

  @Test void shapeMismatchesNameBothShapes() {
    says("zeros(2, 3) + zeros(4)", "(2, 3)", "(4,)", "broadcast");
    says("zeros(2, 3) @ zeros(2, 3)", "(2, 3) and (2, 3)", "do not align");
    says("zeros(2, 2, 3) @ zeros(3, 3, 1)", "(2, 2, 3)", "(3, 3, 1)");
    says("concat([zeros(2, 3), zeros(2, 4)])", "(2, 3)", "(2, 4)");
    says("stack([zeros(2), zeros(3)])", "(2,)", "(3,)");
    says("zeros(2, 3).reshape(4, 2)", "(2, 3)", "(4, 2)");
    says("solve(eye(3), zeros(2))", "(3, 3)", "(2,)");
    says("where(zeros(2) > 0, zeros(3), 1)", "(2,)", "(3,)");
    says("var a = zeros(2, 3)\na[0, :] = tensor([1, 2])", "(2,)", "(3,)");
    says("zeros(3)[tensor([true, false])]", "(2,)", "(3,)");
    says("inv(zeros(2, 3))", "square", "(2, 3)");
    says("dot(zeros(2), zeros(3))", "(2,)", "(3,)");
  }

  @Test void badDtypesAxesAndIndicesAreClear() {
    says("zeros(2, dtype: \"f16\")", "unknown dtype \"f16\"", "f64, f32, i64 or bool");
    says("zeros(2, 3).sum(axis: 2)", "axis 2 is out of range for a 2-d tensor");
    says("zeros(2, 3).sum(axis: -3)", "axis -3 is out of range");
    says("zeros(2, 3)[2, 0]", "out of range");
    says("zeros(2, 3)[0, 0, 0]", "too many indices", "(2, 3)");
    says("zeros(3)[[0, 5]]", "index 5 is out of bounds for axis 0 with size 3");
    says("zeros(3)[[0.5]]", "integers");
    says("tensor([1, 2], dtype: \"i64\") ^ -1", "negative powers");
    says("tensor([1, 2], dtype: \"i64\") // 0", "division by zero");
    says("where(zeros(2), 1, 0)", "bool tensor");
    says("logical_and(zeros(2), zeros(2))", "bool tensors");
    says("permute(zeros(2, 3), 0, 0)", "repeated");
    says("cholesky(tensor([[1, 2], [2, 1]]))", "not positive definite");
    says("inv(tensor([[1, 2], [2, 4]]))", "singular");
    // 1 x 1 and 3 x 3 take EJML's inverse by minors: an exactly singular one is still reported.
    says("inv(tensor([[0.0]]))", "singular");
    says("inv(tensor([[1, 2, 3], [0, 0, 0], [4, 5, 6]]))", "singular");
    says("tensor([[1, 2], [3]])", "ragged");
    says("zeros(2, device: \"gpu\")", "no GPU", "nn module");
    says("zeros(2, device: \"tpu\")", "unknown device \"tpu\"");
  }

  @Test void withoutTheBackEndDeviceCpuIsExplainedAndLargeTensorsStayInJava() {
    // The core module's tests run without tangent-tensor on the class path.
    says("zeros(2, device: \"cpu\")", "needs the tangent-tensor module");
    assertEquals("java", t.evalRaw("zeros(1000, 1000).device"));
    assertEquals("java", t.evalRaw("(zeros(1000, 1000) + 1).device"));
    assertEquals(1.0e6, t.evalRaw("(zeros(1000, 1000) + 1).sum()"));
  }
}
