package dev.tangent.language;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.testing.DocRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** docs/language.md stays true: every block runs and prints what it shows. */
class LanguageDocTest {
  static final Path DOC = Path.of("../docs/language.md");

  @TestFactory
  Stream<DynamicTest> languageReferenceBlocks() throws IOException {
    List<DocRunner.Block> blocks = DocRunner.blocks(DOC);
    assertTrue(blocks.size() > 15, "the reference has runnable blocks");
    List<DynamicTest> tests = new ArrayList<>();
    for (DocRunner.Block b : blocks) {
      tests.add(DynamicTest.dynamicTest(b.kind() + " block at line " + b.line(), () -> assertNull(DocRunner.check(b))));
    }
    return tests.stream();
  }
}
