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

/** docs/drdm.md, the module's reference, stays true: every block runs and prints what it shows; every export is documented. */
class DrdmDocTest {
  static final Path DOC = Path.of("../../docs/drdm.md");

  @TestFactory
  Stream<DynamicTest> everyBlockRuns() throws IOException {
    List<DocRunner.Block> blocks = DocRunner.blocks(DOC);
    assertTrue(blocks.size() >= 15, "the page has runnable blocks: " + blocks.size());
    List<DynamicTest> tests = new ArrayList<>();
    for (DocRunner.Block b : blocks) {
      // The page names files from the repository root; the tests run in stdlib/drdm.
      DocRunner.Block here = new DocRunner.Block(b.kind(), b.code().replace("\"testdata/", "\"../../testdata/"), b.line(),
          b.expectedError());
      tests.add(DynamicTest.dynamicTest(b.kind() + " block at line " + b.line(), () -> assertNull(DocRunner.check(here))));
    }
    return tests.stream();
  }

  @Test
  void everyExportIsDocumented() throws IOException {
    String text = Files.readString(DOC);
    List<String> missing = new ArrayList<>();
    for (String name : Modules.get().module("drdm").exports().keySet()) {
      if (!text.contains(name)) missing.add(name);
    }
    for (String member : List.of("warp", "tensor", "compose", "inv", "jacdet", "fold_rate", "magnitude", "scale", "save", "identity",
        "affine", "load", "shape", "ndim", "batched", "batch", "n_params", "n_params_total", "dims", "passes")) {
      if (!text.contains(member)) missing.add(member);
    }
    assertTrue(missing.isEmpty(), "not in docs/drdm.md: " + missing);
  }

  @Test
  void exportNamesAreDeclaredOnce() {
    List<String> names = DrdmModule.exportNames();
    assertTrue(names.size() == new java.util.HashSet<>(names).size(), "declared twice: " + names);
    assertTrue(Modules.get().module("drdm").exports().keySet().containsAll(names));
    assertTrue(names.size() == Modules.get().module("drdm").exports().size(), "every export is declared in one of the groups");
  }
}
