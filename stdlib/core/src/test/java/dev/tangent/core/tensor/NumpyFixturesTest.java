package dev.tangent.core.tensor;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Tensor operations against numpy on the pure-Java path (no back-end in this module). */
class NumpyFixturesTest {
  static final Path CASES = Path.of("src/test/resources/tensor/numpy_cases.json");

  @TestFactory Stream<DynamicTest> matchNumpyOnThePureJavaPath() throws Exception {
    return NumpyFixtures.tests(CASES, "", "java");
  }
}
