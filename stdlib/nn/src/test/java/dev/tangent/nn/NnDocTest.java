package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.testing.DocRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** docs/nn.md stays true: every block runs, its `# ->` comments are what it prints. */
class NnDocTest {
  static final Path DOC = Path.of("../../docs/nn.md");

  @TestFactory
  Stream<DynamicTest> nnGuideBlocks() throws IOException {
    Files.createDirectories(Path.of("target"));
    List<DocRunner.Block> blocks = DocRunner.blocks(DOC);
    assertTrue(blocks.size() >= 6, "the guide has runnable blocks: " + blocks.size());
    return blocks.stream().map(b -> DynamicTest.dynamicTest("block at line " + b.line(), () -> assertNull(DocRunner.check(b))));
  }
}
