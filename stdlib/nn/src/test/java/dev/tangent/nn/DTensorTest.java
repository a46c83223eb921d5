package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DTensor as a script value: conversions, arithmetic with numbers and Tensors, indexing, display. */
class DTensorTest {
  final NnTesting n = new NnTesting();

  @Test void convertsBothWaysKeepingTheDtype() {
    n.eval("let a = nn.dtensor(tensor([[1, 2], [3, 4]]))");
    assertEquals("f32", n.eval("a.dtype"));
    assertEquals("f32", n.eval("a.tensor().dtype"));
    assertEquals("f64", n.eval("nn.dtensor(tensor([1.5]), \"f64\").tensor().dtype"));
    assertEquals("i64", n.eval("nn.dtensor(tensor([1, 2]), \"i64\").dtype"));
    assertEquals("i64", n.eval("nn.dtensor(tensor([1, 2]), \"i64\").tensor().dtype"));
    assertEquals(List.of(2.0, 2.0), n.eval("a.shape"));
    assertEquals(4.0, n.num("a.size"));
    assertEquals(2.0, n.num("len(a)"));
  }

  @Test void arithmeticMixesNumbersTensorsAndDTensors() {
    n.eval("let a = nn.dtensor(tensor([[1, 2], [3, 4]]), \"f64\")\nlet t = tensor([[10, 20], [30, 40]])");
    assertArrayEquals(new double[] {11, 22, 33, 44}, n.values("a + t"));
    assertArrayEquals(new double[] {9, 18, 27, 36}, n.values("t - a"));
    assertArrayEquals(new double[] {1, 0.5, 1 / 3.0, 0.25}, n.values("1 / a"), 1e-15);
    assertArrayEquals(new double[] {1, 4, 9, 16}, n.values("a ^ 2"));
    assertArrayEquals(new double[] {7, 10, 15, 22}, n.values("a @ a"));
    assertArrayEquals(new double[] {-1, -2, -3, -4}, n.values("-a"));
    assertArrayEquals(new double[] {0, 0, 1, 1}, n.values("(a > 2).astype(\"f64\")"));
    assertArrayEquals(new double[] {Math.exp(1), Math.exp(2), Math.exp(3), Math.exp(4)}, n.values("exp(a)"), 1e-12);
    assertEquals("DTensor", n.eval("type(t * a)").toString());
  }

  @Test void indexesReducesAndReshapes() {
    n.eval("let x = nn.dtensor(tensor([[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]]), \"f64\")");
    assertArrayEquals(new double[] {3, 6, 9, 12}, n.values("x[:, :, -1]"));
    assertArrayEquals(new double[] {4, 5, 6}, n.values("x[0, 1]"));
    assertArrayEquals(new double[] {1, 3}, n.values("x[0, 0, 0:3:2]"));
    assertEquals(78.0, n.num("x.sum().item()"));
    assertArrayEquals(new double[] {6, 15, 24, 33}, n.values("x.sum(axis: 2)"));
    assertArrayEquals(new double[] {21, 57}, n.values("x.sum(axis: [1, 2])"));
    assertArrayEquals(new double[] {3.5, 9.5}, n.values("x.mean(axis: [1, 2])"));
    assertArrayEquals(new double[] {2, 2, 2, 2}, n.values("x.argmax(axis: 2).astype(\"f64\")"));
    assertEquals(List.of(3.0, 2.0, 2.0), n.eval("x.T.shape"));
    assertEquals(List.of(4.0, 3.0), n.eval("x.reshape(-1, 3).shape"));
    assertEquals(List.of(2.0, 1.0, 2.0, 3.0), n.eval("x.unsqueeze(1).shape"));
  }

  @Test void displaysValuesShapeDtypeAndDevice() {
    assertEquals("DTensor([1, 2.5], shape (2,), f32, cpu())", n.eval("nn.dtensor(tensor([1, 2.5]))").toString());
    assertEquals("DTensor([0.333333], shape (1,), f32, cpu(), requires_grad)", n.eval("nn.param(tensor([1 / 3]))").toString());
    assertTrue(n.eval("nn.dtensor(zeros(100, 100))").toString().equals("DTensor(shape (100, 100), f32, cpu())"));
    assertTrue(n.eval("nn.sequential(nn.linear(2, 3), nn.relu())").toString().contains("(0): Linear(2 -> 3)"));
  }

  @Test void aBarProgressDrawsLossAndSpeed() {
    n.eval("let m = nn.linear(2, 2)\nnn.train(m, (randn(64, 2, seed: 1), randn(64, seed: 2) > 0), epochs: 2, batch_size: 8, progress: \"bar\")");
    String err = n.err.toString();
    assertTrue(err.contains("train") && err.contains("loss") && err.contains("steps/s"), err);
  }
}
