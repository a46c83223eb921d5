package dev.tangent.lie.groups;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.lie.value.GroupValue;
import dev.tangent.spi.TList;
import dev.tangent.spi.TangentError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** vee(M) without a group: the best match among the candidates' descriptors wins; none, or a tie, is an error. */
class AlgebraInferenceTest {
  static final GroupValue SO2 = GroupRegistry.named("SO2");
  static final GroupValue SE2 = GroupRegistry.named("SE2");
  static final GroupValue SO3 = GroupRegistry.named("SO3");
  static final GroupValue SE3 = GroupRegistry.named("SE3");
  static final GroupValue SE_2_3 = GroupRegistry.named("SE_2_3");
  static final GroupValue SGAL3 = GroupRegistry.named("SGal3");

  static final List<List<Double>> SKEW = List.of(List.of(0.0, -3.0, 2.0), List.of(3.0, 0.0, -1.0), List.of(-2.0, 1.0, 0.0));
  static final List<List<Double>> NOT_SKEW = List.of(List.of(0.0, -3.0, 1.0), List.of(3.0, 0.0, 2.0), List.of(0.0, 0.0, 0.0));

  static TList matrix(List<List<Double>> rows) {
    TList m = new TList();
    for (List<Double> r : rows) {
      TList row = new TList();
      row.items.addAll(r);
      m.items.add(row);
    }
    return m;
  }

  static TList zeros(int n, int r, int c, double v) {
    TList m = new TList();
    for (int i = 0; i < n; i++) {
      TList row = new TList();
      for (int j = 0; j < n; j++) row.items.add(i == r && j == c ? v : 0.0);
      m.items.add(row);
    }
    return m;
  }

  @Test
  void structureBeatsSize() {
    List<GroupValue> all = GroupRegistry.named();
    assertSame(SO3, GroupFunctions.inferAlgebra(matrix(SKEW), all));
    assertSame(SE2, GroupFunctions.inferAlgebra(matrix(NOT_SKEW), all));
    assertSame(SO3, GroupFunctions.inferAlgebra(matrix(SKEW), List.of(SO3, SE2)), "in either order");
    assertSame(SO2, GroupFunctions.inferAlgebra(zeros(2, 0, 1, -1), all));
    assertSame(SE3, GroupFunctions.inferAlgebra(zeros(4, 0, 3, 1), all));
    assertSame(SGAL3, GroupFunctions.inferAlgebra(zeros(5, 3, 4, 0.5), all));
    assertSame(SE_2_3, GroupFunctions.inferAlgebra(zeros(5, 0, 3, 1), all));
  }

  @Test
  void noMatchOrATieIsAnError() {
    TangentError none = assertThrows(TangentError.class, () -> GroupFunctions.inferAlgebra(zeros(6, 0, 5, 1), GroupRegistry.named()));
    assertTrue(none.getMessage().contains("vee(): cannot tell the group of a 6x6 matrix"), none.getMessage());
    TangentError tie = assertThrows(TangentError.class, () -> GroupFunctions.inferAlgebra(matrix(NOT_SKEW), List.of(SE2, SO3, SE2)));
    assertTrue(tie.getMessage().contains("cannot tell the group of a 3x3 matrix"), tie.getMessage());
    assertSame(SO3, GroupFunctions.inferAlgebra(matrix(SKEW), List.of(SE2, SE2, SO3)), "a better match ends a tie");
  }
}
