package dev.tangent.drdm;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.spi.Modules;
import dev.tangent.testing.DocRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** docs/drdm.md stays true: every tangent block runs and prints what it shows; every export is documented. */
class DrdmDocTest {
  static final Path DOC = Path.of("../../docs/drdm.md");

  @TestFactory
  Stream<DynamicTest> everyBlockRuns() throws IOException {
    List<DocRunner.Block> blocks = DocRunner.blocks(DOC);
    assertTrue(blocks.size() >= 9, "the page has runnable blocks: " + blocks.size());
    List<DynamicTest> tests = new ArrayList<>();
    for (DocRunner.Block b : blocks) {
      tests.add(DynamicTest.dynamicTest(b.kind() + " block at line " + b.line(), () -> assertNull(DocRunner.check(b))));
    }
    return tests.stream();
  }

  @Test
  void everyFieldExportIsDocumented() throws IOException {
    String text = Files.readString(DOC);
    List<String> missing = new ArrayList<>();
    for (String name : List.of("Deformation", "load_field", "forward", "schedule", "interpolate")) {
      assertTrue(Modules.get().module("drdm").exports().containsKey(name), name + " is exported");
      if (!text.contains(name)) missing.add(name);
    }
    for (String member : List.of("warp", "tensor", "compose", "inv", "jacdet", "fold_rate", "magnitude", "scale", "save", "identity",
        "affine", "load", "shape", "ndim", "batched", "batch")) {
      if (!text.contains(member)) missing.add(member);
    }
    assertTrue(missing.isEmpty(), "not in docs/drdm.md: " + missing);
  }
}
