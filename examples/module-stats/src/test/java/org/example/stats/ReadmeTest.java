package org.example.stats;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.testing.DocRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README.md stays true: its blocks run and print what they show. */
class ReadmeTest {
  @Test void readmeBlocksRun() throws Exception {
    List<DocRunner.Block> blocks = DocRunner.blocks(Path.of("README.md"));
    assertTrue(!blocks.isEmpty());
    for (DocRunner.Block b : blocks) assertNull(DocRunner.check(b), "block at line " + b.line());
  }
}
