package dev.tangent.lib;

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

/**
 * docs/lib.md stays true: every block runs (paths "testdata/..." point at the repository's
 * testdata folder, where ./tangent run from the root finds them); every export is documented.
 */
class DocTest {
  static final Path DOC = Path.of("../../docs/lib.md");

  @TestFactory
  Stream<DynamicTest> libReferenceBlocks() throws IOException {
    List<DocRunner.Block> blocks = DocRunner.blocks(DOC);
    assertTrue(blocks.size() >= 7, "the reference has runnable blocks");
    String testdata = LibTesting.testdata("");
    List<DynamicTest> tests = new ArrayList<>();
    for (DocRunner.Block b : blocks) {
      DocRunner.Block here = new DocRunner.Block(b.kind(), b.code().replace("\"testdata/", "\"" + testdata + "/"), b.line(), b.expectedError());
      tests.add(DynamicTest.dynamicTest(b.kind() + " block at line " + b.line(), () -> assertNull(DocRunner.check(here))));
    }
    return tests.stream();
  }

  @Test
  void everyExportAndMemberIsDocumented() throws IOException {
    String text = Files.readString(DOC);
    List<String> missing = new ArrayList<>();
    for (String name : Modules.get().module("lib").exports().keySet()) {
      if (!text.contains(name)) missing.add(name);
    }
    for (String member : List.of("layers", "basis", "complete", "samples", "options", "timings", "C(", "Cinv(", "W(", "lambdas(",
        "gram_values(", "mean(", "dims(", "features(", "edges(", "spectrum_counts(", "edge_concentration(", "save(")) {
      if (!text.contains(member)) missing.add(member);
    }
    assertTrue(missing.isEmpty(), "not documented in docs/lib.md: " + missing);
  }
}
