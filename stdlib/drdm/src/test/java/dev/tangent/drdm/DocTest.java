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

/** docs/drdm-network.md stays true (every block runs), and documents every export of the network part. */
class DocTest {
  static final Path DOC = Path.of("../../docs/drdm-network.md");

  @TestFactory
  Stream<DynamicTest> blocks() throws IOException {
    List<DocRunner.Block> blocks = DocRunner.blocks(DOC);
    assertTrue(blocks.size() >= 5, "the page has runnable blocks");
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
  void everyNetworkExportIsDocumented() throws IOException {
    String text = Files.readString(DOC);
    List<String> missing = new ArrayList<>();
    for (String name : List.of("network", "load_network", "stn", "loss", "loss_dist", "loss_ang", "loss_reg", "folding",
        "RecResACNet", "forward", "n_params_total")) {
      if (!Modules.get().module("drdm").exports().containsKey(name) && !name.equals("forward") && !name.equals("n_params_total")) {
        missing.add(name + " (not exported)");
      }
      if (!text.contains(name)) missing.add(name);
    }
    assertTrue(missing.isEmpty(), "not documented: " + missing);
  }
}
