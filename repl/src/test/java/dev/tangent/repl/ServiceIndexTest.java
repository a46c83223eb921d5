package dev.tangent.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's services index names what ServiceLoader finds on the same class path, in its order. */
class ServiceIndexTest {
  @Test void theIndexAgreesWithServiceLoader(@TempDir Path dir) throws Exception {
    Map<String, Set<String>> idx = ServiceIndex.index(System.getProperty("java.class.path"));
    for (String type : List.of("dev.tangent.spi.TangentModule", "dev.tangent.spi.FunctionShipping",
        "dev.tangent.lie.value.GroupDescriptor", "dev.tangent.core.tensor.TensorBackend")) {
      Class<?> c = Class.forName(type);
      List<String> expected = ServiceLoader.load(c).stream().map(p -> p.type().getName()).toList();
      assertEquals(expected, List.copyOf(idx.getOrDefault(type, Set.of())), type);
    }
    assertTrue(idx.get("dev.tangent.spi.TangentModule").size() >= 5, "the stdlib modules are on repl's test class path");

    Path out = dir.resolve("services.idx");
    ServiceIndex.write(idx, out);
    String text = Files.readString(out);
    assertTrue(text.contains("dev.tangent.spi.TangentModule dev.tangent.lie.LieModule\n"), text);
    try (var files = Files.list(dir)) {
      assertEquals(List.of(out), files.toList(), "no temporary file left beside the index");
    }
  }
}
